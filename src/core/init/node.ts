// The detector's inputs over node:fs, for the CLI and the tests (and the extension when the folder is on disk).
import { promises as fsp } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ResultTarget } from '../results/discover';
import { readDvcProject } from '../results/dvc-reader';
import { readHuggingFace } from '../results/json-readers';
import { readResultFile } from '../results/read-results';
import type { RunResult } from '../results/types';
import type { DetectInput } from './detect';
import type { ProjectEntry, ProjectFs } from './project-fs';

/** Largest result file read whole while detecting (the editor's default is 50 MB; a first look needs less). */
const MAX_RESULT_FILE_BYTES = 16 * 1024 * 1024;

export function nodeProjectFs(root: string): ProjectFs {
  return {
    async list(dir: string): Promise<readonly ProjectEntry[]> {
      try {
        const entries = await fsp.readdir(join(root, ...dir.split('/').filter(Boolean)), { withFileTypes: true });
        return entries.flatMap((e): ProjectEntry[] => (e.isFile() ? [{ name: e.name, kind: 'file' }] : e.isDirectory() ? [{ name: e.name, kind: 'dir' }] : []));
      } catch {
        return [];
      }
    },
    async read(path: string, maxBytes: number): Promise<string | undefined> {
      let fh: Awaited<ReturnType<typeof fsp.open>> | undefined;
      try {
        fh = await fsp.open(join(root, ...path.split('/')), 'r');
        const buf = Buffer.alloc(maxBytes);
        const { bytesRead } = await fh.read(buf, 0, maxBytes, 0);
        const bytes = buf.subarray(0, bytesRead);
        return bytes.includes(0) ? undefined : bytes.toString('utf8');
      } catch {
        return undefined;
      } finally {
        await fh?.close();
      }
    },
  };
}

function toRelative(root: string, p: string): string {
  const rel = isAbsolute(p) ? relative(root, p) : p;
  return rel.split(sep).join('/');
}

/** Reads result targets (relative paths) with the results core, files a dvc.yaml declares once, as DVC. */
export function nodeReadRuns(root: string): DetectInput['readRuns'] {
  return async (targets: readonly ResultTarget[]): Promise<RunResult[]> => {
    const opts = { maxWholeFileBytes: MAX_RESULT_FILE_BYTES };
    const abs = (p: string): string => join(root, ...p.split('/'));
    const runs: RunResult[] = [];
    const done = new Set<string>();
    for (const t of targets.filter((x) => x.format === 'dvc' && x.paths[0].toLowerCase().endsWith('dvc.yaml'))) {
      const read = await readDvcProject(abs(t.paths[0]), opts);
      done.add(abs(t.paths[0]));
      for (const d of read.declared) done.add(d);
      runs.push(...read.runs);
    }
    for (const t of targets) {
      const paths = t.paths.map(abs).filter((p) => !done.has(p));
      if (paths.length === 0) continue;
      for (const p of paths) done.add(p);
      if (t.format === 'huggingface') runs.push(await readHuggingFace(paths, opts));
      else runs.push(...(await readResultFile(paths[0], t.format, opts)));
    }
    return runs.map((r) => ({ ...r, source: toRelative(root, r.source) }));
  };
}

/** The detector's input for a project folder on disk. */
export function nodeDetectInput(root: string): DetectInput {
  return { fs: nodeProjectFs(root), readRuns: nodeReadRuns(root) };
}
