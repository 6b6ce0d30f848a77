// What the project detector may touch: a folder listing and a bounded read, on paths relative to the project root
// ('/'-separated, '' for the root). The extension passes one over `vscode.workspace.fs`, the CLI and tests one over
// node:fs (`nodeProjectFs`). Both never throw: an unreadable folder lists nothing, an unreadable file reads undefined.
import * as l10n from '@vscode/l10n';

export interface ProjectEntry {
  readonly name: string;
  readonly kind: 'file' | 'dir';
}

export interface ProjectFs {
  list(dir: string): Promise<readonly ProjectEntry[]>;
  /** At most `maxBytes` bytes of the file as UTF-8 text; undefined when it cannot be read. */
  read(path: string, maxBytes: number): Promise<string | undefined>;
}

/** Folders never searched: dependencies, virtual environments, caches, build output, version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  'env',
  '.env',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.ipynb_checkpoints',
  '__pycache__',
  'site-packages',
  '.cache',
  '.dvc',
  '.mlroadmap',
  '.vscode-test',
  'dist',
  'build',
  'checkpoints',
  'wandb',
]);

export interface WalkLimits {
  /** Folder levels below the root searched. Default 6. */
  readonly maxDepth?: number;
  /** Entries (files and folders) looked at before the search stops. Default 20,000. */
  readonly maxEntries?: number;
}

export interface Walk {
  /** Every file found, relative paths, sorted. */
  readonly files: readonly string[];
  /** Every folder found (the root excluded), relative paths, sorted. */
  readonly dirs: readonly string[];
  /** Set when the search stopped early, saying why. */
  readonly truncated?: string;
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Lists the project breadth-first, skipping `SKIPPED_FOLDERS` and hidden folders (except `mlruns`' content, which has
 * none that matter), within the depth and entry limits.
 */
export async function walkProject(fs: ProjectFs, limits: WalkLimits = {}): Promise<Walk> {
  const maxDepth = limits.maxDepth ?? 6;
  const maxEntries = limits.maxEntries ?? 20_000;
  const files: string[] = [];
  const dirs: string[] = [];
  let seen = 0;
  let truncated: string | undefined;
  let level: string[] = [''];
  for (let depth = 0; level.length > 0 && truncated === undefined; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = [...(await fs.list(dir))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      seen += entries.length;
      if (seen > maxEntries) {
        truncated = l10n.t('search stopped after {0} files and folders', maxEntries);
        break;
      }
      for (const e of entries) {
        const path = joinPath(dir, e.name);
        if (e.kind === 'file') files.push(path);
        else if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) {
          dirs.push(path);
          if (depth < maxDepth) next.push(path);
        }
      }
    }
    level = next;
  }
  files.sort();
  dirs.sort();
  return truncated !== undefined ? { files, dirs, truncated } : { files, dirs };
}
