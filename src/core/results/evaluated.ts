// What counts as evaluated. The process asks for an *automated* evaluation, so a candidate's result counts when the
// pipeline produced it: a record in `.mlroadmap/history.jsonl`. A candidate's results file whose numbers no record
// holds (written by hand, or by a run the pipeline did not record) is shown, flagged "not from the pipeline", and
// counts for nothing: not for the gate, not for the ranking. One rule, used by the extension and `mlroadmap check`.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import { resultsPathFor } from '../pitfalls/candidates';
import type { Range, Roadmap } from '../roadmap/model';
import { commandLine, type TemplateValues } from './commandTemplate';
import { fingerprintFile, type FingerprintCache } from './fingerprint';
import { goalOfFromRoadmap } from './metric-names';
import { historyRecordFromRun, latestByCandidate, readHistory, HISTORY_FILE, type HistoryRecord } from './history';
import { allProblems, readResults } from './read-results';
import { FAULTY_EVALUATION_CODE, findStaleResults, type CurrentCommand, type StaleFinding } from './staleness';
import type { ResultProblem } from './types';
import { isolateBidi } from '../bidi';

/** What the views show of one candidate. */
export interface ShownResult {
  readonly record: HistoryRecord;
  /** Whether the pipeline produced these numbers (a history record holds them). */
  readonly fromPipeline: boolean;
}

export interface EvaluatedResults {
  /** The latest history record of each roadmap candidate: what counts as evaluated (gate, ranking, staleness). */
  readonly evaluated: ReadonlyMap<string, HistoryRecord>;
  /**
   * What each roadmap candidate shows: its latest history record, or its results file when that holds numbers no
   * record holds and is newer than the latest record (or there is none); then `fromPipeline` is false.
   */
  readonly shown: ReadonlyMap<string, ShownResult>;
  /** Results not from the pipeline, then stale results (code `pitfall/faulty-evaluation`, warnings). */
  readonly findings: readonly StaleFinding[];
}

export interface ResultsSources {
  /** Every record of the roadmap's history. */
  readonly history: Iterable<HistoryRecord>;
  /** Per candidate id, what its results file holds (`readCandidateResultsFile`); absent when there is none. */
  readonly files: ReadonlyMap<string, HistoryRecord>;
  /** The dataset's current fingerprint; the dataset checks are made only when known. */
  readonly datasetFingerprint?: { readonly sha256: string } | null;
  /** The current evaluation command per candidate; the command check is made only when known. */
  readonly currentCommand?: CurrentCommand;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function sameMetrics(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * Merges a roadmap's history and its candidates' results files under the one rule: a result counts when a history
 * record holds it. A results file counts as from the pipeline when a record of its candidate has the same metrics
 * (ingestion copies the file's values into the record).
 */
export function mergeResults(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, sources: ResultsSources): EvaluatedResults {
  const records = [...sources.history];
  const ids = new Set(roadmap.candidates.map((c) => c.id));
  const evaluated = new Map([...latestByCandidate(records)].filter(([id]) => ids.has(id)));
  const shown = new Map<string, ShownResult>();
  const findings: StaleFinding[] = [];
  roadmap.candidates.forEach((c, index) => {
    const record = evaluated.get(c.id);
    const file = sources.files.get(c.id);
    const fileFromPipeline = file !== undefined && records.some((r) => r.candidate === c.id && sameMetrics(r.metrics, file.metrics));
    if (file && !fileFromPipeline && (!record || Date.parse(file.recordedAt) > Date.parse(record.recordedAt))) {
      shown.set(c.id, { record: file, fromPipeline: false });
      const id = isolateBidi(c.id);
      const source = isolateBidi(file.source);
      findings.push({
        code: FAULTY_EVALUATION_CODE,
        severity: 'warning',
        message: record
          ? l10n.t(
              "The results of '{0}' in '{1}' are not from the pipeline: no evaluation run recorded them in {2}, so they do not count as evaluated. The evaluated result is still the one recorded {3}. Run the evaluation for '{0}'.",
              id,
              source,
              HISTORY_FILE,
              record.recordedAt,
            )
          : l10n.t(
              "The results of '{0}' in '{1}' are not from the pipeline: no evaluation run recorded them in {2}, so they do not count as evaluated. Run the evaluation for '{0}'.",
              id,
              source,
              HISTORY_FILE,
            ),
        range: c.range ?? ZERO,
        path: ['candidates', index],
        kind: 'not-from-pipeline',
        candidate: c.id,
        action: l10n.t("Evaluate '{0}' through the pipeline", c.id),
      });
    } else if (record) {
      shown.set(c.id, { record, fromPipeline: true });
    }
  });
  findings.push(...findStaleResults(roadmap, evaluated, sources.datasetFingerprint, sources.currentCommand));
  return { evaluated, shown, findings };
}

export interface CandidateResultsFile {
  /** The file's numbers as a record (not stamped with a command: no run of the pipeline is known to have written it). */
  readonly record?: HistoryRecord;
  readonly problems: readonly ResultProblem[];
}

/**
 * Reads a candidate's results file as the index and `mlroadmap check` both do. `source` is how the record names the
 * file (its path relative to the roadmap's folder); `mtime` dates it when the file does not say when it finished.
 */
export async function readCandidateResultsFile(
  file: string,
  source: string,
  candidateId: string,
  roadmap: Roadmap,
  options: { readonly maxWholeFileBytes: number; readonly mtime: Date },
): Promise<CandidateResultsFile> {
  const out = await readResults([file], { candidate: candidateId, goalOf: goalOfFromRoadmap(roadmap), maxWholeFileBytes: options.maxWholeFileBytes });
  const problems = allProblems(out);
  // Every reader names its runs after the candidate it is asked for, unless an own-format file names another.
  const run = out.runs.find((r) => r.candidate === candidateId);
  if (!run || Object.keys(run.metrics).length === 0) return { problems };
  const stamp = run.record;
  const record = historyRecordFromRun(
    run,
    {
      source,
      git: stamp?.git ?? null,
      dataset: stamp?.dataset ? { path: stamp.dataset.path, sha256: stamp.dataset.sha256, size: -1, mtimeMs: -1 } : null,
      command: null,
      recordedAt: stamp?.finished ?? options.mtime.toISOString(),
    },
    candidateId,
  );
  return record ? { record, problems } : { problems };
}

/** The roadmap's results path of a candidate when it is a plain path (no `${…}` left); undefined otherwise. */
export function plainResultsPath(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, candidateId: string): string | undefined {
  const p = resultsPathFor(roadmap, candidateId);
  return p && !p.includes('${') ? p : undefined;
}

/**
 * The command a candidate's evaluation runs now, in one string as results are stamped with it (see `commandLine`);
 * undefined when the roadmap has none or a variable it uses has no value here (`${python}` outside the editor).
 */
export function currentEvaluationCommand(roadmap: Pick<Roadmap, 'evaluation' | 'candidates'>, candidateId: string, values: TemplateValues = {}): string | undefined {
  const template = roadmap.evaluation?.command;
  if (!template) return undefined;
  const results = resultsPathFor(roadmap, candidateId);
  const dataset = roadmap.evaluation?.dataset;
  const line = commandLine(
    template,
    { ...values, candidate: candidateId, ...(results !== undefined ? { results } : {}), ...(dataset !== undefined ? { dataset } : {}) },
    roadmap.evaluation?.shell === true,
  );
  return line.ok ? line.value : undefined;
}

export interface LoadOptions {
  /** The most bytes a results file read whole may have. */
  readonly maxWholeFileBytes: number;
  readonly fingerprintCache?: FingerprintCache;
  /** Values of `${python}` and `${workspaceFolder}` for the current command, when known. */
  readonly commandValues?: TemplateValues;
}

/**
 * Reads a roadmap's history, its candidates' results files and its dataset's fingerprint from disk, and merges them
 * (`mergeResults`). `root` is the roadmap's folder. Problems met while reading come back beside the results.
 */
export async function loadEvaluatedResults(root: string, roadmap: Roadmap, options: LoadOptions): Promise<EvaluatedResults & { readonly problems: readonly ResultProblem[] }> {
  const history = await readHistory(join(root, HISTORY_FILE));
  const problems: ResultProblem[] = [...history.problems];
  const files = new Map<string, HistoryRecord>();
  for (const c of roadmap.candidates) {
    const relative = plainResultsPath(roadmap, c.id);
    if (relative === undefined) continue;
    const file = resolve(root, relative);
    let mtime: Date;
    try {
      const st = await fsp.stat(file);
      if (!st.isFile()) continue;
      mtime = st.mtime;
    } catch {
      continue;
    }
    const read = await readCandidateResultsFile(file, relative, c.id, roadmap, { maxWholeFileBytes: options.maxWholeFileBytes, mtime });
    problems.push(...read.problems);
    if (read.record) files.set(c.id, read.record);
  }
  const dataset = roadmap.evaluation?.dataset;
  const fingerprint = dataset && !dataset.includes('${') ? await fingerprintFile(resolve(root, dataset), options.fingerprintCache ?? new Map()) : undefined;
  const merged = mergeResults(roadmap, {
    history: history.records,
    files,
    datasetFingerprint: fingerprint?.ok ? fingerprint.fingerprint : undefined,
    currentCommand: (id) => currentEvaluationCommand(roadmap, id, options.commandValues),
  });
  return { ...merged, problems };
}
