// The extension manifest and the ids the code uses must agree: a command the code registers under an id
// that package.json does not declare is invisible in the palette, and a declared one nobody registers fails.
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextKeys, Settings, TASK_TYPE, Views, EXTENSION_ID } from '../../../src/ids';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const contributes = pkg.contributes;

/** The English text of a manifest string: `%key%` looked up in package.nls.json, as VS Code and vsce do. */
const english = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);

describe('package.json and src/ids.ts', () => {
  it('declare the same commands, each with the ML Roadmap category', () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const c of contributes.commands) assert.equal(english(c.category), 'ML Roadmap', c.command);
  });

  it('gate every command in the palette with a when clause', () => {
    const gated = new Map(contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    for (const id of Object.values(Commands)) assert.ok(gated.get(id), `${id} has no commandPalette when clause`);
  });

  it('declare the same views in the ML Roadmap container', () => {
    assert.equal(contributes.viewsContainers.activitybar[0].id, Views.container);
    const declared = contributes.views[Views.container].map((v: { id: string }) => v.id).sort();
    const { container: _container, ...views } = Views;
    assert.deepEqual(declared, Object.values(views).sort());
  });

  it('use only context keys the code declares in when clauses', () => {
    const text = JSON.stringify(contributes);
    const used = new Set([...text.matchAll(/mlroadmap\.(has\w+|phase|gateBlocked)\b/g)].map((m) => m[0]));
    const known = new Set<string>(Object.values(ContextKeys));
    for (const key of used) assert.ok(known.has(key), `${key} is used in package.json but not declared in ContextKeys`);
  });

  it('declare the settings the code reads', () => {
    const props = Object.keys(contributes.configuration.properties);
    const { section, ...keys } = Settings;
    for (const key of Object.values(keys)) assert.ok(props.includes(`${section}.${key}`), `${section}.${key} not declared`);
  });

  it('declare the task type, the schema, the grammar and the walkthrough media that exist', () => {
    assert.equal(contributes.taskDefinitions[0].type, TASK_TYPE);
    assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
    for (const v of contributes.yamlValidation) assert.ok(existsSync(join(root, v.url)), v.url);
    for (const g of contributes.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
    for (const step of contributes.walkthroughs[0].steps) assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
    assert.ok(contributes.walkthroughs[0].steps.length <= 6);
  });

  it('name a 128 × 128 PNG icon that exists', () => {
    assert.match(pkg.icon, /\.png$/, 'the Marketplace takes a PNG icon, not an SVG');
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('keep engines.vscode, @types/vscode and the code-server the tests run on the same VS Code release', () => {
    const minor = (version: string) => /^\D*1\.(\d+)\./.exec(version)?.[1];
    const engine = minor(pkg.engines.vscode);
    assert.ok(engine, `engines.vscode ${pkg.engines.vscode}`);
    assert.equal(minor(pkg.devDependencies['@types/vscode']), engine, 'the API the code compiles against is the one it declares');
    // code-server 4.N.x bundles VS Code 1.N.x
    const codeServer = /CODE_SERVER_VERSION="4\.(\d+)\./.exec(readFileSync(join(root, 'scripts', 'setup-vscode.sh'), 'utf8'))?.[1];
    assert.equal(codeServer, engine, 'the tests run on the oldest VS Code the manifest accepts');
  });
});

/** Every string in `value` with the JSON path that leads to it. */
function* strings(value: unknown, path: string[] = []): Generator<[string[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, String(i)]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Whether the string at `path` is text a user reads (a title, a name, a description…) rather than an id, a when clause or a pattern. */
function userFacing(path: string[]): boolean {
  const key = path.at(-1) ?? '';
  const parent = path.at(-2) ?? '';
  if (path.length === 1) return key === 'displayName' || key === 'description';
  if (path[0] === 'capabilities') return key === 'description';
  if (path[0] !== 'contributes') return false;
  if (['title', 'category', 'contextualTitle', 'contents', 'description', 'markdownDescription', 'label'].includes(key)) return true;
  if (/^(markdown)?[eE]numDescriptions$/.test(parent)) return true;
  return path[1] === 'views' && key === 'name';
}

describe('package.json and package.nls.json', () => {
  const references = [...strings(pkg)].filter(([, v]) => /^%.+%$/.test(v));

  it('localize every user-facing string of the manifest through a %key%', () => {
    const literal = [...strings(pkg)].filter(([path, v]) => userFacing(path) && !/^%.+%$/.test(v));
    assert.deepEqual(literal.map(([path]) => path.join('.')), []);
    assert.ok(references.length > 80, `${references.length} references`);
  });

  it('define every %key% the manifest uses, and no key it does not use', () => {
    const used = new Set(references.map(([, v]) => v.slice(1, -1)));
    assert.deepEqual([...used].filter((key) => !(key in nls)), [], 'keys missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'keys of package.nls.json the manifest does not use');
    for (const [key, text] of Object.entries(nls)) assert.ok(typeof text === 'string' && text.trim() && !/^%.*%$/.test(text), key);
  });

  it('describe every setting, the properties of object settings included', () => {
    const undescribed: string[] = [];
    const check = (name: string, schema: { description?: string; markdownDescription?: string; properties?: Record<string, object> }) => {
      const text = english(schema.markdownDescription ?? schema.description ?? '');
      if (!text.trim() || /^%.*%$/.test(text)) undescribed.push(name);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) check(`${name}.${key}`, sub);
    };
    for (const [name, schema] of Object.entries(contributes.configuration.properties)) check(name, schema as object);
    assert.deepEqual(undescribed, []);
  });
});
