// A candidate id and paths full of shell syntax reach the evaluation process as plain arguments: without a shell
// (the default) and with the `evaluation.shell: true` opt-in, where every value is quoted. Links from the data are
// opened only when they are plain http(s) links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../src/evaluation/commands';
import type { ComparePanel } from '../../src/panels/compare';
import { waitFor } from './support/extension';
import { demoRoadmapUri, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';

const HOSTILE_ID = '; rm -rf x $(touch pwned) && |';
const RESULTS = 'out `touch pwned2`/${candidate} $(touch pwned3).json';
const DATASET = 'data/$(touch pwned4); | x.csv';

const DUMP_ARGV = `import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "argv.json"), "w") as f:
    json.dump(sys.argv[1:], f)
out = sys.argv[sys.argv.index("--out") + 1]
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as f:
    json.dump({"format": "mlroadmap-result/1", "candidate": sys.argv[sys.argv.index("--candidate") + 1], "metrics": {"accuracy": 0.5}}, f)
`;

function roadmap(shell: boolean): string {
  return `version: 1
project: { name: Injection, phase: discovery }
metrics:
  - { id: accuracy, goal: maximize, target: 0.9 }
candidates:
  - id: "${HOSTILE_ID}"
    baseline: true
    status: evaluated
evaluation:
  command: \${python} argv_dump.py --candidate \${candidate} --dataset \${dataset} --out \${results}
  results: "${RESULTS}"
  dataset: "${DATASET}"
  shell: ${shell}
`;
}

function pwnedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f).startsWith('pwned'));
}

describe('shell injection through evaluation values', function () {
  this.timeout(120_000);
  let root = '';
  let original = '';
  const resultsFile = () => path.join(root, RESULTS.replace('${candidate}', HOSTILE_ID));

  before(async () => {
    root = workspaceFolder().uri.fsPath;
    original = await readDisk(demoRoadmapUri());
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', '/usr/bin/python3', vscode.ConfigurationTarget.Global);
    fs.writeFileSync(path.join(root, 'argv_dump.py'), DUMP_ARGV);
    fs.mkdirSync(path.join(root, 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'x', 'keep.txt'), 'still here');
    fs.writeFileSync(path.join(root, DATASET), 'label\n1\n');
  });

  after(async () => {
    await restoreFile(demoRoadmapUri(), original);
    await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    for (const p of ['argv_dump.py', 'argv.json', 'x', DATASET, '.mlroadmap', path.dirname(RESULTS)]) fs.rmSync(path.join(root, p), { recursive: true, force: true });
  });

  for (const shell of [false, true]) {
    it(`the values reach the process as plain arguments (${shell ? 'shell: true, values quoted' : 'no shell'})`, async () => {
      fs.rmSync(path.join(root, 'argv.json'), { force: true });
      await restoreFile(demoRoadmapUri(), roadmap(shell));
      const result = await vscode.commands.executeCommand<EvaluateResult>('mlroadmap.evaluateCandidate', { roadmap: demoRoadmapUri().toString(), candidate: HOSTILE_ID });
      assert.equal(result.done, true, JSON.stringify(result));
      const argv = JSON.parse(fs.readFileSync(path.join(root, 'argv.json'), 'utf8')) as string[];
      assert.deepEqual(argv, ['--candidate', HOSTILE_ID, '--dataset', DATASET, '--out', RESULTS.replace('${candidate}', HOSTILE_ID)]);
      assert.ok(fs.existsSync(resultsFile()), 'the results file was written where the path says');
      assert.deepEqual(pwnedFiles(root), [], 'no command inside a value ran');
      assert.equal(fs.readFileSync(path.join(root, 'x', 'keep.txt'), 'utf8'), 'still here');
      const history = fs.readFileSync(path.join(root, '.mlroadmap', 'history.jsonl'), 'utf8').trim().split('\n');
      const last = JSON.parse(history[history.length - 1]) as { candidate: string };
      assert.equal(last.candidate, HOSTILE_ID);
    });
  }
});

// Links from the data reach VS Code's Open External only when they are http(s) links without bidirectional controls
// or invisible characters: the Open Link command (used by the Literature tree and Compare Candidates) refuses the
// others at runtime, and Compare Candidates' contract refuses them before the command is asked.
describe('links from the data', function () {
  this.timeout(120_000);
  const HOSTILE_LINKS = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'command:workbench.action.terminal.new',
    'https://example.com/\u202Efdp.exe',
    'https://example.com/\u2067abc\u2069',
    'https://exa\u200Fmple.com/',
    'https://example.com/\u200Bhidden',
    'https://example.com/ with space',
    `https://example.com/${'a'.repeat(3_000)}`,
  ];
  type Env = { openExternal: (uri: vscode.Uri) => Thenable<boolean> };
  type Win = { showErrorMessage: (message: string) => Thenable<undefined> };
  const opened: string[] = [];
  const errors: string[] = [];
  let restore: (() => void) | undefined;

  before(() => {
    // Nothing may reach the browser: Open External and the error messages are recorded instead.
    const env = vscode.env as unknown as Env;
    const win = vscode.window as unknown as Win;
    const [openExternal, showErrorMessage] = [env.openExternal, win.showErrorMessage];
    env.openExternal = async (uri) => {
      opened.push(uri.toString(true));
      return false;
    };
    win.showErrorMessage = async (message) => {
      errors.push(message);
      return undefined;
    };
    assert.notEqual(vscode.env.openExternal, openExternal, 'Open External can be replaced in this host');
    restore = () => {
      env.openExternal = openExternal;
      win.showErrorMessage = showErrorMessage;
    };
  });

  after(() => restore?.());

  it('Open Link refuses every non-http(s) link and every link with bidirectional or invisible characters', async () => {
    for (const url of HOSTILE_LINKS) {
      errors.length = 0;
      assert.equal(await vscode.commands.executeCommand('mlroadmap.openLink', url), false, JSON.stringify(url));
      assert.equal(errors.length, 1, `one error message for ${JSON.stringify(url.slice(0, 60))}`);
      assert.doesNotMatch(errors[0], /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/, 'the message quotes the link without its controls');
    }
    assert.deepEqual(opened, [], 'nothing was opened');
    // A plain https link goes on to Open External (and its confirmation): the refusals above were not a broken command.
    await vscode.commands.executeCommand('mlroadmap.openLink', 'https://example.com/paper.pdf');
    assert.deepEqual(opened, ['https://example.com/paper.pdf']);
    opened.length = 0;
  });

  it('Compare Candidates refuses openLink messages with such links before anything is done', async () => {
    const panel = await vscode.commands.executeCommand<ComparePanel>('mlroadmap.compareCandidates', { roadmap: demoRoadmapUri().toString() });
    assert.ok(panel);
    await waitFor('the webview to say ready and get its snapshot', () => panel.lastSent !== undefined, 60_000);
    const refusedBefore = panel.refused.length;
    for (const url of HOSTILE_LINKS) assert.equal(await panel.receive({ type: 'openLink', url }), false, JSON.stringify(url.slice(0, 60)));
    assert.equal(panel.refused.length - refusedBefore, HOSTILE_LINKS.length);
    assert.deepEqual(opened, [], 'nothing was opened');
    assert.equal(await panel.receive({ type: 'openLink', url: 'https://example.com/paper.pdf' }), true);
    assert.deepEqual(opened, ['https://example.com/paper.pdf']);
  });
});
