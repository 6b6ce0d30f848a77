// The report's "Since <ref>" section from a roadmap on disk and a git ref: the roadmap's text and its decision records
// as the ref holds them (read through git), today's history records, compared by the core (`reportSince`). Used by
// `mlroadmap report --since` and by Export Discovery Report….
import { dirname, join } from 'node:path';
import { isRecordFileName, parseDecisionFiles, type DecisionRecord } from '../core/decisions';
import { reportSince } from '../core/report/since';
import type { ReportSince } from '../core/report/model';
import { HISTORY_FILE, readHistory } from '../core/results/history';
import type { Roadmap } from '../core/roadmap/model';
import type { GitEnv } from './client';
import { readAtRevision } from './revision';
import type { GitFailure } from './result';

export interface SinceNow {
  /** Today's roadmap (the editor's parse, unsaved edits included, or the file's). */
  readonly roadmap: Roadmap | undefined;
  /** The decisions folder, absolute (today's; the records at the ref are read from the same path). */
  readonly decisionsFolder: string;
  readonly decisions: readonly Pick<DecisionRecord, 'number' | 'title' | 'status'>[];
}

/** What changed in the roadmap `roadmapFile` (absolute) since `ref`, or why it cannot be said. */
export async function sinceRef(roadmapFile: string, ref: string, now: SinceNow, options: GitEnv = {}): Promise<ReportSince | GitFailure> {
  const root = dirname(roadmapFile);
  const at = await readAtRevision(root, ref, { files: [roadmapFile], folders: [now.decisionsFolder] }, options);
  if (!at.ok) return at;
  const records = (at.folders.get(now.decisionsFolder) ?? []).filter((f) => isRecordFileName(f.name));
  const byPath = new Map(records.map((f) => [join(now.decisionsFolder, f.name), f.text]));
  const then = parseDecisionFiles(
    records.map((f) => ({ name: f.name, path: join(now.decisionsFolder, f.name) })),
    (p) => byPath.get(p) ?? '',
  );
  const history = await readHistory(join(root, HISTORY_FILE));
  return reportSince({
    ref,
    commit: at.commit,
    committedAt: at.committedAt,
    roadmapThen: at.files.get(roadmapFile),
    roadmapNow: now.roadmap,
    decisionsThen: then.records,
    decisionsNow: now.decisions,
    history: history.records,
  });
}
