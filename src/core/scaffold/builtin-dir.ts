// Locating the built-in templates: `templates/` at the package root, found from the running file
// (`dist/cli.js` and `dist/extension.js` when bundled, `src/cli/*.ts` when run from the sources).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKER = join('dumb', 'template.json');

/** The nearest `templates` folder holding the built-in templates, walking up from `fromDir`. */
export function findBuiltinTemplatesDir(fromDir: string): string | undefined {
  let dir = fromDir;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, MARKER))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
