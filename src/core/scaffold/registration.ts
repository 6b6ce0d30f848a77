// What scaffolding a baseline adds to the roadmap: the candidate, and an evaluation block when
// the roadmap has none. Paths are relative to the roadmap's folder, with `/` separators.
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import type { TemplateManifest } from './manifest';

export interface CandidateEntry {
  readonly id: string;
  readonly title: string;
  readonly baseline: boolean;
  readonly status: 'prototyping';
}

export interface EvaluationEntry {
  readonly command: string;
  readonly dataset: string;
  readonly results: string;
  readonly baseline?: string;
}

export function candidateEntry(manifest: TemplateManifest, id: string): CandidateEntry {
  return { id, title: manifest.candidate.title ?? manifest.title, baseline: manifest.baseline, status: 'prototyping' };
}

/** `to` relative to `fromDir`, with `/`; absolute when it is on another drive. */
export function portableRelative(fromDir: string, to: string): string {
  const rel = relative(fromDir, to);
  if (rel === '') return '.';
  return isAbsolute(rel) ? to : rel.split(sep).join('/');
}

/**
 * The evaluation block for a roadmap that has none. When the baseline folder is named after the
 * candidate, the command uses `${candidate}` so that sibling baselines (`baselines/<id>/`) run
 * through the same command.
 */
export function evaluationEntry(opts: {
  readonly roadmapDir: string;
  readonly targetDir: string;
  readonly datasetPath: string;
  readonly main: string;
  readonly candidate: string;
  readonly baseline: boolean;
}): EvaluationEntry {
  const parent = portableRelative(opts.roadmapDir, dirname(opts.targetDir));
  const folder =
    basename(opts.targetDir) === opts.candidate
      ? (parent === '.' ? '' : parent + '/') + '${candidate}'
      : portableRelative(opts.roadmapDir, opts.targetDir);
  const script = `${folder}/${opts.main}`;
  return {
    command: `\${python} ${quoteIfNeeded(script)} --dataset \${dataset} --out \${results}`,
    dataset: portableRelative(opts.roadmapDir, opts.datasetPath),
    results: 'results/${candidate}.json',
    ...(opts.baseline ? { baseline: opts.candidate } : {}),
  };
}

function quoteIfNeeded(path: string): string {
  return /^[A-Za-z0-9_@%+=:,./${}-]+$/.test(path) ? path : `"${path.replace(/(["\\])/g, '\\$1')}"`;
}
