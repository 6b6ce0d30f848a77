// checkPitfalls: the five checks, stale-result findings merged in, acknowledgements and severity settings applied.
import type { Roadmap, RoadmapDiagnostic } from '../roadmap/model';
import { acknowledgementFor } from './acknowledge';
import { checkFaultyEvaluation } from './faulty-evaluation';
import { checkMetricMisalignment } from './metric-misalignment';
import { checkOneArchitecture } from './one-architecture';
import { checkReinventingTheWheel } from './reinventing-the-wheel';
import { checkTooIncremental } from './too-incremental';
import { PITFALL_CODES, type PitfallCode, type PitfallContext, type PitfallFinding } from './types';

export type PitfallCheck = (roadmap: Roadmap, context: PitfallContext) => PitfallFinding[];

/** The checks in the order their findings are listed. */
export const PITFALL_CHECKS: Readonly<Record<PitfallCode, PitfallCheck>> = {
  'pitfall/one-architecture': checkOneArchitecture,
  'pitfall/reinventing-the-wheel': checkReinventingTheWheel,
  'pitfall/too-incremental': checkTooIncremental,
  'pitfall/metric-misalignment': checkMetricMisalignment,
  'pitfall/faulty-evaluation': checkFaultyEvaluation,
};

export function isPitfallCode(code: string): code is PitfallCode {
  return (PITFALL_CODES as readonly string[]).includes(code);
}

/** A finding computed elsewhere (stale results) as a pitfall finding: its `candidate` becomes the target. */
function fromStale(d: RoadmapDiagnostic): PitfallFinding | undefined {
  if (!isPitfallCode(d.code)) return undefined;
  const candidate = (d as { candidate?: unknown }).candidate;
  return { ...d, code: d.code, fix: 'evaluate', ...(typeof candidate === 'string' ? { target: candidate } : {}) };
}

/**
 * Every open pitfall finding of a roadmap: the five checks plus `context.staleFindings`, without acknowledged ones,
 * with the severity set per code in `context.severities` (`off` drops a code). A healthy roadmap yields none.
 */
export function checkPitfalls(roadmap: Roadmap, context: PitfallContext): PitfallFinding[] {
  const all: PitfallFinding[] = [];
  for (const code of PITFALL_CODES) all.push(...PITFALL_CHECKS[code](roadmap, context));
  for (const d of context.staleFindings ?? []) {
    const f = fromStale(d);
    if (f) all.push(f);
  }
  const out: PitfallFinding[] = [];
  for (const f of all) {
    if (acknowledgementFor(roadmap, f)) continue;
    const setting = context.severities?.[f.code];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  return out;
}
