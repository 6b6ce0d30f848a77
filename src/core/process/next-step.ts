// The step "Start Next Step" starts: the first `todo` step of the current phase, Discovery stages in
// their Design-Thinking order (understand, define, ideate, prototype, test), Production tracks in file order.
import type { Roadmap } from '../roadmap/model';
import { phaseSteps, type PlacedStep } from './progress';

export type NextStep = PlacedStep;

export function nextTodoStep(roadmap: Roadmap): NextStep | undefined {
  return phaseSteps(roadmap).find((p) => p.step.status === 'todo');
}
