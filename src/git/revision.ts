// Files as they were at a git revision (`git show <ref>:<path>`, read with one `cat-file --batch`), for the report's
// "Since <ref>" section: the roadmap's text and the decision records' files at the ref, and when the ref was committed.
import { realpathSync } from 'node:fs';
import { createGit, run, type GitEnv, type GitProcess } from './client';
import { locateRepo, readObjects, toRepoPaths } from './commit';
import { failure, type GitFailure } from './result';
import * as l10n from '@vscode/l10n';

export interface RevisionFiles {
  readonly ok: true;
  /** The ref as asked for. */
  readonly ref: string;
  /** Full id of the commit the ref names. */
  readonly commit: string;
  /** The commit's committer time, ISO 8601 (as git prints it, with its offset). */
  readonly committedAt: string;
  /** The text of each file asked for (by the path given) that the commit holds; absent ones are missing. */
  readonly files: ReadonlyMap<string, string>;
  /** Per folder asked for (by the path given): the files directly in it at the commit, name and text. */
  readonly folders: ReadonlyMap<string, readonly { readonly name: string; readonly text: string }[]>;
}

/**
 * Reads `files` and the files directly in `folders` (absolute, or relative to `dir`) as the commit `ref` names them
 * holds them. A ref git does not know, one that looks like an option, or a `dir` outside any repository is a failure.
 */
export async function readAtRevision(
  dir: string,
  ref: string,
  paths: { readonly files: readonly string[]; readonly folders?: readonly string[] },
  options: GitEnv = {},
): Promise<RevisionFiles | GitFailure> {
  if (ref.trim() === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) return failure('git-error', l10n.t`'${ref}' is not a git ref.`);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return failure('not-a-repo', l10n.t`${dir} does not exist.`);
  }
  const loc = await locateRepo(real, options);
  if ('ok' in loc) return loc;
  const gitWith = (proc: GitProcess = {}) => createGit(loc.toplevel, options, proc);
  const git = gitWith();
  const resolved = await run(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const commit = resolved.ok ? resolved.out.trim() : '';
  if (!/^[0-9a-f]{40,64}$/.test(commit)) {
    return failure('git-error', l10n.t`'${ref}' is not a commit in the repository of ${dir} (no such branch, tag or commit, or not fetched).`, resolved.ok ? resolved.out : resolved.output);
  }
  const shown = await run(git, ['show', '-s', '--no-color', '--format=%cI', commit]);
  if (!shown.ok) return failure('git-error', l10n.t`git show failed: ${shown.output.split('\n')[0]}`, shown.output);
  const committedAt = shown.out.trim();

  const fileRel = toRepoPaths(real, loc.toplevel, paths.files);
  if (typeof fileRel === 'string') return failure('io-error', fileRel);
  const folderList = paths.folders ?? [];
  const folderRel = toRepoPaths(real, loc.toplevel, folderList);
  if (typeof folderRel === 'string') return failure('io-error', folderRel);

  // The names directly in each folder at the commit (blobs only).
  const inFolder: { folder: string; name: string; object: string }[] = [];
  for (let i = 0; i < folderRel.length; i++) {
    // `--full-tree` names entries from the top; a tree that is not there lists nothing. Git may print nothing.
    const ls = await run(git, ['ls-tree', '-z', '--full-tree', commit, '--', `${folderRel[i]}/`]);
    if (!ls.ok) return failure('git-error', l10n.t`git ls-tree failed: ${ls.output.split('\n')[0]}`, ls.output);
    for (const entry of ls.out.split('\0')) {
      const m = /^\d+ blob [0-9a-f]+\t(.+)$/s.exec(entry);
      if (!m) continue;
      const full = m[1];
      const name = full.slice(folderRel[i].length + 1);
      if (name.includes('/')) continue;
      inFolder.push({ folder: folderList[i], name, object: `${commit}:${full}` });
    }
  }
  const texts = await readObjects(gitWith, [...fileRel.map((p) => `${commit}:${p}`), ...inFolder.map((f) => f.object)]);
  if ('ok' in texts) return failure('git-error', l10n.t`git cat-file failed: ${texts.output.split('\n')[0]}`, texts.output);
  const files = new Map<string, string>();
  paths.files.forEach((p, i) => {
    const text = texts.get(`${commit}:${fileRel[i]}`);
    if (text !== undefined) files.set(p, text);
  });
  const folders = new Map<string, { name: string; text: string }[]>(folderList.map((f) => [f, []]));
  for (const f of inFolder) {
    const text = texts.get(f.object);
    if (text !== undefined) folders.get(f.folder)?.push({ name: f.name, text });
  }
  return { ok: true, ref, commit, committedAt, files, folders };
}
