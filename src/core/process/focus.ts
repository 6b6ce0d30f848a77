// Focus for this sprint: what the roadmap calls for now, most important first, and as a Markdown checklist.
import * as l10n from '@vscode/l10n';
import type { Range, Roadmap, RoadmapDiagnostic, Severity, StepStatus } from '../roadmap/model';
import { isPitfallCode } from '../pitfalls/check';
import type { PitfallFinding } from '../pitfalls/types';
import { groupTitle, isFinished, phaseSteps, phaseTitle, type PlacedStep } from './progress';

export interface FocusItem {
  readonly kind: 'pitfall' | 'step';
  readonly title: string;
  readonly detail: string;
  readonly owner?: string;
  /** Pitfall code of a finding. */
  readonly code?: string;
  /** The pitfall a finding is about, by name ("Faulty evaluation"). */
  readonly pitfall?: string;
  readonly severity?: Severity;
  /** Candidate or metric id a finding is about. */
  readonly target?: string;
  readonly stepId?: string;
  readonly status?: StepStatus;
  /** Discovery stage or Production track of a step. */
  readonly group?: string;
  /** Where the item is in the roadmap, to reveal it. */
  readonly range?: Range;
  /** A finding's node path in the document (`['evaluation']`, `['candidates', 2]`). */
  readonly path?: readonly (string | number)[];
}

export interface FocusOptions {
  /** At most this many items. Default 7. */
  readonly limit?: number;
}

export const DEFAULT_FOCUS_LIMIT = 7;

/** The pitfall's name, in the display language. */
const PITFALL_TITLES: Readonly<Record<string, () => string>> = {
  'pitfall/one-architecture': () => l10n.t('One architecture only'),
  'pitfall/reinventing-the-wheel': () => l10n.t('Reinventing the wheel'),
  'pitfall/too-incremental': () => l10n.t('Too incremental'),
  'pitfall/metric-misalignment': () => l10n.t('Metrics miss the customer'),
  'pitfall/faulty-evaluation': () => l10n.t('Faulty evaluation'),
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

function findingItem(d: PitfallFinding): FocusItem {
  const { target } = d;
  const name = PITFALL_TITLES[d.code]?.() ?? d.code;
  // Named by what to do: two findings of one pitfall ("Faulty evaluation") are two different tasks.
  const title = d.action ?? (typeof target === 'string' ? l10n.t({ message: '{0}: {1}', args: [name, target], comment: ['A pitfall, then the candidate or metric it is about'] }) : name);
  return {
    kind: 'pitfall',
    title,
    detail: d.message,
    code: d.code,
    pitfall: name,
    severity: d.severity,
    range: d.range,
    ...(d.path ? { path: d.path } : {}),
    ...(typeof target === 'string' ? { target } : {}),
  };
}

function stepItem(roadmap: Roadmap, { step, group }: PlacedStep): FocusItem {
  const where = groupTitle(roadmap.project.phase, group);
  const detail =
    step.status === 'blocked' && step.notes
      ? l10n.t({ message: '{0} · {1}: {2}', args: [where, step.status, step.notes], comment: ['A step: its stage or track, its status (as written in the roadmap), its notes'] })
      : l10n.t({ message: '{0} · {1}', args: [where, step.status], comment: ['A step: its stage or track, its status (as written in the roadmap)'] });
  return {
    kind: 'step',
    title: step.title ?? step.id,
    detail,
    stepId: step.id,
    status: step.status,
    group,
    range: step.range,
    ...(step.owner ? { owner: step.owner } : {}),
  };
}

/** Open steps of the current phase: Discovery stages in Design-Thinking order; in Production each track's first open step. */
function openSteps(roadmap: Roadmap): PlacedStep[] {
  if (roadmap.project.phase === 'production') {
    return roadmap.production.flatMap((t) => {
      const step = t.steps.find((st) => !isFinished(st));
      return step ? [{ step, group: t.track }] : [];
    });
  }
  return phaseSteps(roadmap).filter((p) => !isFinished(p.step));
}

/**
 * The sprint's focus: open pitfall findings (errors, then warnings, then the rest), then the current phase's open
 * steps, `doing` before `todo`/`blocked`, each in stage (or track) order. Done and skipped steps are left out.
 */
export function sprintFocus(roadmap: Roadmap, findings: readonly RoadmapDiagnostic[], options: FocusOptions = {}): FocusItem[] {
  const limit = options.limit ?? DEFAULT_FOCUS_LIMIT;
  const pitfalls = findings
    .filter((d): d is PitfallFinding => isPitfallCode(d.code))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
    .map(({ d }) => findingItem(d));
  const steps = openSteps(roadmap);
  const ordered = [...steps.filter((p) => p.step.status === 'doing'), ...steps.filter((p) => p.step.status !== 'doing')];
  return [...pitfalls, ...ordered.map((p) => stepItem(roadmap, p))].slice(0, Math.max(0, limit));
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** The focus as a Markdown checklist for a backlog tool: a heading with the project and phase, one `- [ ]` per item. */
export function focusAsMarkdown(items: readonly FocusItem[], roadmap: Roadmap): string {
  const project = oneLine(roadmap.project.name ?? l10n.t('ML roadmap'));
  const lines = [`## ${l10n.t('Focus: {0} ({1})', project, phaseTitle(roadmap.project.phase))}`, ''];
  if (items.length === 0) lines.push(l10n.t('Nothing open: every step of this phase is done or skipped, and no pitfall is reported.'));
  for (const item of items) {
    const owner = item.owner ? ` (@${oneLine(item.owner)})` : '';
    if (item.kind === 'pitfall') {
      const about = [item.pitfall !== item.title && item.pitfall, item.severity ?? 'warning'].filter(Boolean).join(', ');
      lines.push(`- [ ] **${oneLine(item.title)}** (${about}): ${oneLine(item.detail)}${owner}`);
    } else {
      lines.push(`- [ ] ${oneLine(item.title)}: ${oneLine(item.detail)}${owner}`);
    }
  }
  return lines.join('\n') + '\n';
}
