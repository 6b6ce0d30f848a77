// Status icons as label text for pick lists, taken from the views' icon table so a status reads the same in
// every flow and every view.
import type { CandidateStatus, StepStatus, Verdict } from '../core/roadmap/model';
import { candidateIcon, iconText, stepIcon, verdictIcon } from '../views/icons';

export const stepStatusIcon = (status: StepStatus): string => iconText(stepIcon(status));
export const candidateStatusIcon = (status: CandidateStatus): string => iconText(candidateIcon(status));
export const verdictStatusIcon = (verdict: Verdict): string => iconText(verdictIcon(verdict));
