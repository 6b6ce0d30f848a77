// Codicons and theme colours by meaning, so every view speaks the same visual language.
// Colours are theme colour ids: they follow light, dark and high-contrast themes.
import type { CandidateStatus, Severity, StepStatus, Verdict } from '../core/roadmap/model';
import type { DecisionCategory } from '../core/decisions/model';
import type { NodeIcon } from './viewNode';

const PASSED = 'testing.iconPassed';
const ACTIVE = 'charts.yellow';
const FAILED = 'list.errorForeground';
const MUTED = 'disabledForeground';

const STEP_ICONS: Readonly<Record<StepStatus, NodeIcon>> = {
  todo: { id: 'circle-large-outline' },
  doing: { id: 'play-circle', color: ACTIVE },
  done: { id: 'pass-filled', color: PASSED },
  blocked: { id: 'error', color: FAILED },
  skipped: { id: 'circle-slash', color: MUTED },
};

const CANDIDATE_ICONS: Readonly<Record<CandidateStatus, NodeIcon>> = {
  idea: { id: 'lightbulb' },
  shortlisted: { id: 'list-ordered' },
  prototyping: { id: 'tools', color: ACTIVE },
  evaluated: { id: 'graph' },
  rejected: { id: 'close', color: MUTED },
  chosen: { id: 'star-full', color: PASSED },
};

const VERDICT_ICONS: Readonly<Record<Verdict, NodeIcon>> = {
  planned: { id: 'calendar' },
  promising: { id: 'thumbsup', color: ACTIVE },
  passed: { id: 'pass-filled', color: PASSED },
  failed: { id: 'error', color: FAILED },
};

export function stepIcon(status: StepStatus): NodeIcon {
  return STEP_ICONS[status];
}

export function candidateIcon(status: CandidateStatus): NodeIcon {
  return CANDIDATE_ICONS[status];
}

export function verdictIcon(verdict: Verdict): NodeIcon {
  return VERDICT_ICONS[verdict];
}

/** The icon as label text (`$(pass-filled)`), for pick lists and messages, which cannot tint it. */
export function iconText(icon: NodeIcon): string {
  return `$(${icon.id})`;
}

export function severityIcon(severity: Severity): NodeIcon {
  switch (severity) {
    case 'error':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    case 'warning':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'information':
      return { id: 'info', color: 'problemsInfoIcon.foreground' };
    case 'hint':
      return { id: 'lightbulb' };
  }
}

/** Decision records by the category of their status (the status text itself is shown as written). */
export function decisionIcon(category: DecisionCategory): NodeIcon {
  switch (category) {
    case 'accepted':
      return { id: 'pass-filled', color: PASSED };
    case 'proposed':
      return { id: 'comment-discussion', color: ACTIVE };
    case 'rejected':
      return { id: 'close', color: MUTED };
    case 'deprecated':
      return { id: 'archive', color: MUTED };
    case 'superseded':
      return { id: 'history', color: MUTED };
    case 'other':
    case 'none':
      return { id: 'law' };
  }
}

/** A Discovery stage or Production track from the statuses of its steps. */
export function groupIcon(statuses: readonly StepStatus[]): NodeIcon {
  if (statuses.length > 0 && statuses.every((s) => s === 'done' || s === 'skipped')) return stepIcon('done');
  if (statuses.includes('blocked')) return stepIcon('blocked');
  if (statuses.includes('doing') || statuses.includes('done')) return stepIcon('doing');
  return stepIcon('todo');
}
