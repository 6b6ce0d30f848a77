// Icons and short labels of statuses in pick lists, so a status reads the same in every flow.
import type { CandidateStatus, StepStatus, Verdict } from '../core/roadmap/model';

export const STEP_STATUS_ICONS: Readonly<Record<StepStatus, string>> = {
  todo: '$(circle-large-outline)',
  doing: '$(play-circle)',
  done: '$(pass-filled)',
  blocked: '$(error)',
  skipped: '$(circle-slash)',
};

export const CANDIDATE_STATUS_ICONS: Readonly<Record<CandidateStatus, string>> = {
  idea: '$(lightbulb)',
  shortlisted: '$(list-ordered)',
  prototyping: '$(tools)',
  evaluated: '$(graph)',
  rejected: '$(close)',
  chosen: '$(star-full)',
};

export const VERDICT_ICONS: Readonly<Record<Verdict, string>> = {
  planned: '$(calendar)',
  promising: '$(thumbsup)',
  passed: '$(pass-filled)',
  failed: '$(thumbsdown)',
};

/** "Understand" from "understand", "Training pipeline" from "training-pipeline". */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
