// Faulty-evaluation checks on the history: results produced on other data or by another command than the roadmap's
// current ones, and candidates compared against a baseline evaluated on different data.
import * as l10n from '@vscode/l10n';
import { baselineCandidate } from '../pitfalls/candidates';
import type { Candidate, Range, Roadmap, RoadmapDiagnostic } from '../roadmap/model';
import type { HistoryRecord } from './history';
import { isolateBidi } from '../bidi';

export const FAULTY_EVALUATION_CODE = 'pitfall/faulty-evaluation';

export type StaleKind = 'not-from-pipeline' | 'dataset-changed' | 'command-changed' | 'baseline-different-data';

export interface StaleFinding extends RoadmapDiagnostic {
  readonly kind: StaleKind;
  readonly candidate: string;
}

/** The roadmap's current evaluation command for a candidate: one string for all, or per candidate (after substitution). */
export type CurrentCommand = string | ((candidate: string) => string | undefined) | undefined;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The baseline candidate id: `evaluation.baseline` when it names a candidate, else the first candidate marked
 * `baseline: true` (the one the views, the ranking and the gates compare against).
 */
export function baselineId(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>): string | undefined {
  return baselineCandidate(roadmap)?.id;
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

/**
 * Stale results among the latest record of each roadmap candidate. Checks whose current value is unknown
 * (no dataset fingerprint, no command) are not made; neither are those on records that lack the stamp.
 */
export function findStaleResults(
  roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>,
  latestByCandidate: ReadonlyMap<string, HistoryRecord>,
  currentFingerprint: { readonly sha256: string } | null | undefined,
  currentCommand: CurrentCommand,
): StaleFinding[] {
  const findings: StaleFinding[] = [];
  const baseId = baselineId(roadmap);
  const baseRecord = baseId !== undefined ? latestByCandidate.get(baseId) : undefined;
  roadmap.candidates.forEach((c, index) => {
    const rec = latestByCandidate.get(c.id);
    if (rec === undefined) return;
    const at = (kind: StaleKind, message: string): void => {
      const action = kind === 'baseline-different-data' ? l10n.t("Evaluate '{0}' and the baseline on the same data", c.id) : l10n.t("Evaluate '{0}' again", c.id);
      findings.push({ code: FAULTY_EVALUATION_CODE, severity: 'warning', message, range: c.range ?? ZERO, path: ['candidates', index], kind, candidate: c.id, action });
    };
    if (currentFingerprint && rec.dataset && rec.dataset.sha256 !== currentFingerprint.sha256) {
      at(
        'dataset-changed',
        l10n.t(
          "The latest result of '{0}' ({1}) was produced on another version of the dataset (sha256 {2}, now {3}): evaluate it again.",
          isolateBidi(c.id),
          rec.recordedAt,
          isolateBidi(short(rec.dataset.sha256)),
          isolateBidi(short(currentFingerprint.sha256)),
        ),
      );
    }
    const command = typeof currentCommand === 'function' ? currentCommand(c.id) : currentCommand;
    if (command !== undefined && rec.command !== null && rec.command !== command) {
      at('command-changed', l10n.t("The latest result of '{0}' was produced by another command (`{1}`, now `{2}`): evaluate it again.", isolateBidi(c.id), isolateBidi(rec.command), isolateBidi(command)));
    }
    if (isComparedToBaseline(c, baseId) && baseRecord?.dataset && rec.dataset && baseRecord.dataset.sha256 !== rec.dataset.sha256) {
      at(
        'baseline-different-data',
        l10n.t(
          "'{0}' is compared against baseline '{1}', but they were evaluated on different data (sha256 {2} vs {3}): evaluate both on the same dataset.",
          isolateBidi(c.id),
          isolateBidi(String(baseId)),
          isolateBidi(short(rec.dataset.sha256)),
          isolateBidi(short(baseRecord.dataset.sha256)),
        ),
      );
    }
  });
  return findings;
}

function isComparedToBaseline(c: Pick<Candidate, 'id'>, baseId: string | undefined): boolean {
  return baseId !== undefined && c.id !== baseId;
}
