// A candidate id and paths full of shell syntax reach the evaluation process as plain arguments: without a shell
// (the default) and with the `evaluation.shell: true` opt-in, where every value is quoted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../src/evaluation/commands';
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
