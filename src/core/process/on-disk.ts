// A roadmap on disk analysed the way the terminal sees it (`mlroadmap check`, `mlroadmap report`): its results merged
// under the one rule from the files in its folder, and a roadmap with YAML syntax errors held (no pitfalls, no gate)
// until they are fixed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEvaluatedResults } from '../results/evaluated';
import { parseRoadmap } from '../roadmap/parse';
import type { ParseResult } from '../roadmap/model';
import { analyseRoadmap, hasSyntaxErrors, type RoadmapAnalysis } from './analysis';
import type { GateTarget } from './gates';

/** The most bytes a results file read whole may have: the editor's default `results.maxFileSizeMB`. */
export const MAX_RESULT_FILE_BYTES = 50 * 1024 * 1024;

export interface AnalysedOnDisk {
  readonly parsed: ParseResult;
  /** Whether YAML syntax errors hold the analysis back. */
  readonly syntaxBroken: boolean;
  /** The results read from the roadmap's folder (none while the syntax is broken). */
  readonly results: Awaited<ReturnType<typeof loadEvaluatedResults>> | undefined;
  readonly analysis: RoadmapAnalysis;
}

/** Analyses the text of the roadmap in folder `root`, with the gate into `gate` when given. */
export async function analyseRoadmapOnDisk(text: string, root: string, gate?: GateTarget): Promise<AnalysedOnDisk> {
  const parsed = parseRoadmap(text);
  // A roadmap read past YAML syntax errors is partial: its pitfalls would be noise, so they wait for the fix.
  const syntaxBroken = hasSyntaxErrors(parsed);
  // The editor's rule (`mergeResults`): a result counts when the history records it. `${python}` and
  // `${workspaceFolder}` have no value here, so a command using them is not compared.
  const results = parsed.roadmap && !syntaxBroken ? await loadEvaluatedResults(root, parsed.roadmap, { maxWholeFileBytes: MAX_RESULT_FILE_BYTES }) : undefined;
  const analysis = analyseRoadmap(text, parsed, {
    fileExists: (rel: string) => existsSync(resolve(root, rel)),
    ...(results ? { results } : {}),
    partialRoadmap: 'hold',
    ...(gate ? { gate } : {}),
  });
  return { parsed, syntaxBroken, results, analysis };
}
