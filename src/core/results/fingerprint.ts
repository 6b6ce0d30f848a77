// Dataset fingerprints: sha256 of the content, streamed; cached by size and mtime so unchanged files are not re-read.
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describeFsError } from './file-access';
import type { DatasetFingerprint } from './history';

/** Where fingerprints are remembered between calls; a `Map` will do, or anything persisted by the caller. */
export interface FingerprintCache {
  get(path: string): DatasetFingerprint | undefined;
  set(path: string, fingerprint: DatasetFingerprint): void;
}

export type FingerprintOutcome = { ok: true; fingerprint: DatasetFingerprint; cached: boolean } | { ok: false; message: string };

/** Most files hashed for one dataset folder. */
const MAX_FOLDER_FILES = 100_000;

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Fingerprint a dataset file, or a folder (sha256 over the sorted `relative path, file sha256` lines of its files,
 * hidden entries skipped). Never throws.
 */
export async function fingerprintFile(path: string, cache: FingerprintCache): Promise<FingerprintOutcome> {
  try {
    const st = await fsp.stat(path);
    if (st.isDirectory()) return await fingerprintFolder(path, cache);
    return await fingerprintOne(path, st.size, st.mtimeMs, cache);
  } catch (e) {
    return { ok: false, message: l10n.t('{0}: {1}', path, describeFsError(e)) };
  }
}

async function fingerprintOne(path: string, size: number, mtimeMs: number, cache: FingerprintCache): Promise<{ ok: true; fingerprint: DatasetFingerprint; cached: boolean }> {
  const hit = cache.get(path);
  if (hit !== undefined && hit.size === size && hit.mtimeMs === mtimeMs) return { ok: true, fingerprint: hit, cached: true };
  const fingerprint = { path, sha256: await hashFile(path), size, mtimeMs };
  cache.set(path, fingerprint);
  return { ok: true, fingerprint, cached: false };
}

async function fingerprintFolder(root: string, cache: FingerprintCache): Promise<FingerprintOutcome> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) files.push(p);
      if (files.length > MAX_FOLDER_FILES) throw new Error(l10n.t('more than {0} files; fingerprint a manifest file instead', MAX_FOLDER_FILES));
    }
  };
  await walk(root);
  files.sort();
  const hash = createHash('sha256');
  let size = 0;
  let mtimeMs = 0;
  let allCached = true;
  for (const f of files) {
    const st = await fsp.stat(f);
    const one = await fingerprintOne(f, st.size, st.mtimeMs, cache);
    allCached &&= one.cached;
    size += st.size;
    mtimeMs = Math.max(mtimeMs, st.mtimeMs);
    hash.update(`${relative(root, f).split(sep).join('/')}\t${one.fingerprint.sha256}\n`);
  }
  return { ok: true, fingerprint: { path: root, sha256: hash.digest('hex'), size, mtimeMs }, cached: allCached };
}
