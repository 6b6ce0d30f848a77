// The report's snapshot of a roadmap on disk, for the CLI: the roadmap read, its results merged under the one rule
// and analysed as `mlroadmap check` does it, its decision records read as `mlroadmap decisions` does it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readDecisionFolder } from '../decisions/folder';
import { analyseRoadmapOnDisk } from '../process/on-disk';
import { DEFAULT_DECISIONS_FOLDER } from '../roadmap/model';
import type { DecisionRecord } from '../decisions/model';
import type { Roadmap } from '../roadmap/model';
import { latestOf, reportSnapshot, type ReportSince, type ReportSnapshot } from './snapshot';

/** What the "Since <ref>" comparison needs of today's roadmap; the caller reads the ref (through git). */
export interface SinceNowInputs {
  readonly roadmap: Roadmap | undefined;
  /** The decisions folder, absolute. */
  readonly decisionsFolder: string;
  readonly decisions: readonly DecisionRecord[];
}

/** The comparison with a ref, or why it cannot be made (an unknown ref, no repository). */
export type SinceOf = (now: SinceNowInputs) => Promise<ReportSince | { readonly ok: false; readonly message: string }>;

/** The snapshot of the roadmap file `file` (absolute), named `source` in the report. */
export async function loadReportSnapshot(file: string, source: string, now: Date = new Date()): Promise<ReportSnapshot> {
  const snapshot = await loadReportSnapshotSince(file, source, now);
  if ('ok' in snapshot) throw new Error(snapshot.message);
  return snapshot;
}

/** As `loadReportSnapshot`, with the "Since <ref>" section when `since` is given; its failure is returned, not thrown. */
export async function loadReportSnapshotSince(file: string, source: string, now: Date, since?: SinceOf): Promise<ReportSnapshot | { readonly ok: false; readonly message: string }> {
  const root = dirname(file);
  const text = readFileSync(file, 'utf8');
  const { parsed, results, analysis } = await analyseRoadmapOnDisk(text, root);
  const folder = resolve(root, parsed.roadmap?.decisions.trim() || DEFAULT_DECISIONS_FOLDER);
  const decisions = existsSync(folder) ? readDecisionFolder(folder) : undefined;
  const changes = since ? await since({ roadmap: parsed.roadmap, decisionsFolder: folder, decisions: decisions?.records ?? [] }) : undefined;
  if (changes && 'ok' in changes) return changes;
  return reportSnapshot({
    source,
    analysis,
    latest: results ? latestOf(results) : () => undefined,
    decisions: decisions?.records ?? [],
    decisionProblems: decisions ? [...(decisions.error ? [decisions.error.message] : []), ...decisions.problems.filter((p) => p.severity === 'error').map((p) => p.message)] : [],
    now,
    ...(changes ? { since: changes } : {}),
  });
}
