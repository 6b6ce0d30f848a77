// The step "Start Next Step" starts: the first `todo` step of the current phase, Discovery stages in
// their Design-Thinking order (understand, define, ideate, prototype, test), Production tracks in file order.
import { STAGES, type Roadmap, type Step } from '../roadmap/model';

export interface NextStep {
  readonly step: Step;
  /** The Discovery stage or Production track the step belongs to. */
  readonly group: string;
}

export function nextTodoStep(roadmap: Roadmap): NextStep | undefined {
  if (roadmap.project.phase === 'discovery') {
    const stages = [...roadmap.discovery].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
    for (const stage of stages) {
      const step = stage.steps.find((s) => s.status === 'todo');
      if (step) return { step, group: stage.stage };
    }
    return undefined;
  }
  if (roadmap.project.phase === 'production') {
    for (const track of roadmap.production) {
      const step = track.steps.find((s) => s.status === 'todo');
      if (step) return { step, group: track.track };
    }
  }
  return undefined;
}
