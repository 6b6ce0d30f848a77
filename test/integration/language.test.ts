// Language features on the demo's mlroadmap.yaml, through VS Code's own command API in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support/extension';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile } from './support/roadmapFile';

describe('language features on mlroadmap.yaml', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;
  let original = '';

  /** Position `delta` characters into the first occurrence of `needle`. */
  const at = (needle: string, delta = 0): vscode.Position => {
    const offset = doc.getText().indexOf(needle);
    assert.ok(offset >= 0, `${needle} is in the demo roadmap`);
    return doc.positionAt(offset + delta);
  };
  const lineOf = (needle: string) => at(needle).line;
  const completions = async (position: vscode.Position) =>
    (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position)).items;
  const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
  const hoverText = async (position: vscode.Position) => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
  };

  before(async () => {
    await extensionApi();
    original = await readDisk(demoRoadmapUri());
    doc = await vscode.workspace.openTextDocument(demoRoadmapUri());
    assert.equal(doc.languageId, 'yaml');
  });

  after(async () => {
    await restoreFile(demoRoadmapUri(), original);
  });

  it('completes literature ids with their titles in based_on', async () => {
    const items = await completions(at('[lecun98, karpathy19]', 1));
    const lit = items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(lit.map(label).sort(), ['alpaydin98', 'lecun98'], 'karpathy19 is already listed');
    assert.equal(lit.find((i) => label(i) === 'lecun98')?.detail, 'Gradient-based learning applied to document recognition');
  });

  it('completes candidate ids, baseline candidates for evaluation.baseline, and status values', async () => {
    const checked = (await completions(at('candidate: cnn', 11))).filter((i) => i.kind === vscode.CompletionItemKind.Class).map(label);
    assert.deepEqual(checked.sort(), ['cnn', 'knn', 'logreg', 'majority', 'mlp']);
    const baselines = (await completions(at('baseline: majority', 10))).filter((i) => i.kind === vscode.CompletionItemKind.Class).map(label);
    assert.deepEqual(baselines.sort(), ['logreg', 'majority']);
    const statuses = (await completions(at('status: prototyping', 8))).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(statuses.map(label), ['idea', 'shortlisted', 'prototyping', 'evaluated', 'rejected', 'chosen']);
    const doc0 = statuses[0].documentation;
    assert.match(doc0 instanceof vscode.MarkdownString ? doc0.value : String(doc0), /Where the candidate stands/);
    const verdicts = (await completions(at('verdict: planned', 9))).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(label);
    assert.deepEqual(verdicts, ['planned', 'promising', 'passed', 'failed']);
  });

  it('completes the keys missing at a new line of a candidate, with snippets', async () => {
    const edit = new vscode.WorkspaceEdit();
    const knn = at('status: idea');
    edit.insert(doc.uri, new vscode.Position(knn.line + 1, 0), '    \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const keys = (await completions(new vscode.Position(knn.line + 1, 4))).filter((i) => i.kind === vscode.CompletionItemKind.Property);
      const names = keys.map(label);
      for (const present of ['id', 'title', 'based_on', 'cost', 'benefit', 'status']) assert.ok(!names.includes(present), `${present} is already there`);
      for (const missing of ['baseline', 'novel_because', 'skip_reason', 'decision', 'results']) assert.ok(names.includes(missing), `${missing} is offered`);
      const baseline = keys.find((i) => label(i) === 'baseline');
      assert.ok(baseline?.insertText instanceof vscode.SnippetString);
      assert.equal(baseline.insertText.value, 'baseline: ${1|true,false|}');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(doc.uri, new vscode.Range(knn.line + 1, 0, knn.line + 2, 0));
      assert.ok(await vscode.workspace.applyEdit(undo));
    }
    assert.equal(doc.getText(), original);
  });

  it('goes from a based_on id to its literature entry, and from a reality check to its candidate', async () => {
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at('[lecun98]', 3));
    const targets = links.map((l) => ('targetRange' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range));
    assert.deepEqual(targets.map((r) => r.start.line), [lineOf('- id: lecun98')]);
    assert.equal(doc.getText(targets[0]), 'lecun98');
    const cnn = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at('candidate: cnn', 12));
    assert.deepEqual(cnn.map((l) => ('targetRange' in l ? l.targetRange : l.range).start.line), [lineOf('- id: cnn')]);
  });

  it('finds every reference of a literature entry, a candidate and a metric', async () => {
    const refs = async (position: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position)).map((l) => `${l.range.start.line}:${doc.getText(l.range)}`);
    const lecun = await refs(at('- id: lecun98', 7));
    assert.deepEqual(lecun, [`${lineOf('- id: lecun98')}:lecun98`, `${lineOf('[lecun98]')}:lecun98`, `${lineOf('[lecun98, karpathy19]')}:lecun98`]);
    const majority = await refs(at('- id: majority', 7));
    assert.deepEqual(majority, [`${lineOf('- id: majority')}:majority`, `${lineOf('baseline: majority')}:majority`]);
    const accuracy = await refs(at('- id: accuracy', 7));
    assert.equal(accuracy.filter((r) => r.endsWith(':accuracy')).length, 4, accuracy.join());
  });

  it('hovers keys with their meaning and ids with what they refer to', async () => {
    const takeaway = await hoverText(at('takeaway: Convolutional', 2));
    assert.match(takeaway, /What it teaches for this project/);
    const lecun = await hoverText(at('[lecun98, karpathy19]', 2));
    assert.match(lecun, /Gradient\\-based learning applied to document recognition/);
    assert.match(lecun, /Convolutional nets reach over 99%/);
    const status = await hoverText(at('status: prototyping', 10));
    assert.match(status, /\*\*`prototyping`\*\*/);
  });

  it('outlines sections, candidates, metrics, stages and steps', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    for (const section of ['project', 'metrics', 'literature', 'candidates', 'evaluation', 'reality_checks', 'discovery', 'production']) assert.ok(names.includes(section), section);
    const candidates = symbols.find((s) => s.name === 'candidates');
    assert.deepEqual(candidates?.children.map((c) => c.name), ['majority', 'logreg', 'cnn', 'mlp', 'knn']);
    assert.equal(candidates?.children[0].kind, vscode.SymbolKind.Class);
    const discovery = symbols.find((s) => s.name === 'discovery');
    assert.deepEqual(discovery?.children.map((c) => c.name), ['understand', 'define', 'ideate', 'prototype', 'test']);
    assert.deepEqual(discovery?.children[0].children.map((c) => c.name), ['business-problem', 'explore-data', 'literature-review']);
  });

  it('highlights statuses and verdicts by meaning with semantic tokens', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend.tokenTypes.includes('mlrStatusDone'), legend.tokenTypes.join());
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
    const found: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      found.push(`${doc.lineAt(line).text.slice(char, char + len)}=${legend.tokenTypes[type]}`);
    }
    assert.ok(found.includes('done=mlrStatusDone'), found.join());
    assert.ok(found.includes('doing=mlrStatusActive'), found.join());
    assert.ok(found.includes('todo=mlrStatusPending'), found.join());
    assert.ok(found.includes('prototyping=mlrStatusActive'), found.join());
    assert.ok(found.includes('planned=mlrStatusPending'), found.join());
    assert.equal(found.filter((f) => f.endsWith('=mlrStatusDone')).length, 5 + 2, 'five done steps and two evaluated candidates');
  });

  it('parses each change of the text once: the store and every language feature share the parse', async () => {
    const { store } = (await extensionApi()).services;
    await vscode.window.showTextDocument(doc);
    const edit = async (from: string, to: string) => {
      const offset = doc.getText().indexOf(from);
      assert.ok(offset >= 0, from);
      const change = new vscode.WorkspaceEdit();
      change.replace(doc.uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length)), to);
      assert.ok(await vscode.workspace.applyEdit(change));
    };
    const storeRead = () => waitFor('the store to read the editor text', () => store.get(doc.uri)?.text === doc.getText(), 5000);
    const useEveryFeature = async () => {
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
      await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri);
      await completions(at('[lecun98, karpathy19]', 1));
      await hoverText(at('takeaway: Convolutional', 2));
      await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at('[lecun98, karpathy19]', 2));
      await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, at('- id: majority', 7));
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    };
    await storeRead();
    const before = store.parseCount;

    // Asked right after the edit, the language features parse the new version; the store's debounced read reuses it.
    await edit('title: Nightly training job', 'title: Nightly training run');
    await useEveryFeature();
    await storeRead();
    await useEveryFeature();
    assert.equal(store.parseCount - before, 1, 'one edit, one parse');
    assert.equal(store.get(doc.uri)?.parsed, store.parsedDocument(doc), 'the entry and the language features hold the same parse');

    // Read by the store first, the parse is the one the language features get.
    await edit('title: Nightly training run', 'title: Nightly training job');
    await storeRead();
    await useEveryFeature();
    assert.equal(store.parseCount - before, 2, 'two edits, two parses');
    const entry = store.get(doc.uri);
    assert.equal(entry?.parsed, store.parsedDocument(doc));
    assert.equal(entry?.parse, entry?.parsed.parse);
  });

  it('colours the ${…} variables of the evaluation command through the injection grammar', async () => {
    // The workbench of this VS Code has no token-capture command: tokenize with the TextMate engine and the YAML
    // grammars it ships, plus the extension's injection grammar, as the editor does.
    const lines = await tokenizeWithInjection(doc.getText());
    const command = lines.find((l) => l.text.includes('command: ${python}'));
    assert.ok(command, 'the evaluation command line');
    const scopesOf = (word: string, line = command) => line.tokens.filter((t) => line.text.slice(t.startIndex, t.endIndex) === word).map((t) => t.scopes.join(' '));
    assert.ok(scopesOf('candidate').some((s) => s.includes('variable.other.readwrite.mlroadmap') && s.includes('source.yaml')), JSON.stringify(command.tokens));
    assert.ok(scopesOf('${').every((s) => s.includes('punctuation.definition.template-expression.begin.mlroadmap')));
    assert.equal(scopesOf('${').length, 4, 'python, candidate, dataset and results');
    const results = lines.find((l) => l.text.includes('results: results/${candidate}.json'));
    assert.ok(results && scopesOf('candidate', results).some((s) => s.includes('variable.other.readwrite.mlroadmap')));
    const comment = await tokenizeWithInjection('# run ${candidate} here\nkey: ${unknown}\n');
    assert.ok(comment[0].tokens.every((t) => !t.scopes.includes('variable.other.readwrite.mlroadmap')), 'nothing inside a comment');
    assert.ok(comment[1].tokens.every((t) => !t.scopes.includes('variable.other.readwrite.mlroadmap')), 'only the known variables');
  });
});

/** The parts of vscode-textmate and vscode-oniguruma (shipped inside VS Code, untyped here) the test uses. */
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: TokenizedLine['tokens']; ruleStack: unknown };
}
interface TextMate {
  readonly INITIAL: unknown;
  parseRawGrammar(content: string, file: string): unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scope: string): Promise<unknown>;
    getInjections(scope: string): string[] | undefined;
  }) => { loadGrammar(scope: string): Promise<Grammar | null> };
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly { startIndex: number; endIndex: number; scopes: string[] }[];
}

/** Tokenizes YAML with vscode-textmate from this VS Code, its built-in YAML grammars and the extension's injection. */
async function tokenizeWithInjection(text: string): Promise<TokenizedLine[]> {
  const appModules = path.join(vscode.env.appRoot, 'node_modules');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const textmate = require(path.join(appModules, 'vscode-textmate')) as TextMate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const oniguruma = require(path.join(appModules, 'vscode-oniguruma')) as Oniguruma;
  const wasm = fs.readFileSync(path.join(appModules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
  const extension = vscode.extensions.getExtension('mlroadmap.mlroadmap');
  assert.ok(extension);
  const grammarFiles = [
    ...fs.readdirSync(path.join(vscode.env.appRoot, 'extensions', 'yaml', 'syntaxes')).map((f) => path.join(vscode.env.appRoot, 'extensions', 'yaml', 'syntaxes', f)),
    path.join(extension.extensionPath, 'syntaxes', 'mlroadmap-variables.tmLanguage.json'),
  ];
  const byScope = new Map<string, string>();
  for (const file of grammarFiles) byScope.set((JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string }).scopeName, file);
  const injection = (extension.packageJSON as { contributes: { grammars: { scopeName: string; injectTo?: string[] }[] } }).contributes.grammars.find((g) => g.injectTo?.includes('source.yaml'));
  assert.ok(injection, 'package.json injects a grammar into source.yaml');
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = byScope.get(scope);
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => (scope === 'source.yaml' ? [injection.scopeName] : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar, 'the YAML grammar loads');
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}
