// Acknowledgements: findings the team looked at and accepted in the file, with a reason.
import type { Acknowledgement, Roadmap } from '../roadmap/model';
import type { PitfallFinding } from './types';

/**
 * The acknowledgement that silences a finding: same code, and either no target (every finding of the code)
 * or the finding's target (candidate or metric id).
 */
export function acknowledgementFor(roadmap: Pick<Roadmap, 'acknowledged'>, finding: Pick<PitfallFinding, 'code' | 'target'>): Acknowledgement | undefined {
  return roadmap.acknowledged.find((a) => a.code === finding.code && (a.target === undefined || a.target === finding.target));
}
