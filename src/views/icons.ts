// Codicons and theme colours by meaning, so every view speaks the same visual language.
// Colours are theme colour ids: they follow light, dark and high-contrast themes.
import type { CandidateStatus, Severity, StepStatus, Verdict } from '../core/roadmap/model';
import type { NodeIcon } from './viewNode';

const PASSED = 'testing.iconPassed';
const ACTIVE = 'charts.yellow';
const FAILED = 'list.errorForeground';
const MUTED = 'disabledForeground';

export function stepIcon(status: StepStatus): NodeIcon {
  switch (status) {
    case 'done':
      return { id: 'pass-filled', color: PASSED };
    case 'doing':
      return { id: 'play-circle', color: ACTIVE };
    case 'blocked':
      return { id: 'error', color: FAILED };
    case 'skipped':
      return { id: 'circle-slash', color: MUTED };
    case 'todo':
      return { id: 'circle-large-outline' };
  }
}

export function candidateIcon(status: CandidateStatus): NodeIcon {
  switch (status) {
    case 'idea':
      return { id: 'lightbulb' };
    case 'shortlisted':
      return { id: 'list-ordered' };
    case 'prototyping':
      return { id: 'tools', color: ACTIVE };
    case 'evaluated':
      return { id: 'graph' };
    case 'chosen':
      return { id: 'star-full', color: PASSED };
    case 'rejected':
      return { id: 'close', color: MUTED };
  }
}

export function verdictIcon(verdict: Verdict): NodeIcon {
  switch (verdict) {
    case 'planned':
      return { id: 'calendar' };
    case 'promising':
      return { id: 'thumbsup', color: ACTIVE };
    case 'passed':
      return { id: 'pass-filled', color: PASSED };
    case 'failed':
      return { id: 'error', color: FAILED };
  }
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

/** Decision record statuses (MADR, adr-tools, log4brains). */
export function decisionIcon(status: string): NodeIcon {
  switch (status) {
    case 'accepted':
      return { id: 'pass-filled', color: PASSED };
    case 'proposed':
      return { id: 'comment-discussion', color: ACTIVE };
    case 'draft':
      return { id: 'edit' };
    case 'rejected':
      return { id: 'close', color: MUTED };
    case 'deprecated':
      return { id: 'archive', color: MUTED };
    case 'superseded':
      return { id: 'history', color: MUTED };
    default:
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
