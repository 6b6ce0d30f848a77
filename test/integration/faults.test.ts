// Faults of files and repositories in the real extension host, on the demo workspace (issue 14, "Hostile input and
// faults", Files): each case does the fault for real and checks the message the user gets and the bytes on disk after
// (and git's state where git is involved). The user's text is never overwritten or lost.
//
// Audit of the cases. "Before": the test(s) that existed before this suite, and whether they asserted (a) a clear
// message and (b) the bytes on disk after. "Now": where the case is proved; every case below asserts both.
//
// | case                                    | before                                                                  | (a) | (b) | now                                         |
// | --------------------------------------- | ----------------------------------------------------------------------- | --- | --- | ------------------------------------------- |
// | roadmap changed on disk, editor clean   | none for the roadmap (decisions.test.ts: a record file, Set Decision    | -   | -   | here                                        |
// |                                         | Status after another program wrote it)                                  |     |     |                                             |
// | roadmap changed on disk, edit pending   | none                                                                    | -   | -   | here (fix: says the change is unsaved)      |
// | roadmap deleted while open              | none (views.test.ts: a folder of roadmaps deleted leaves the store)     | -   | -   | here (fix: the edit was saved, silently     |
// |                                         |                                                                         |     |     | writing the deleted file back)              |
// | roadmap made unreadable                 | none. Tests run as root, and chmod 000 does not stop root: here a       | -   | -   | here (fix: the reason is said: ELOOP,       |
// |                                         | symbolic link loop (ELOOP) makes it unreadable for real                 |     |     | EACCES/EPERM, a folder, a missing file)     |
// | roadmap replaced by a folder            | none                                                                    | -   | -   | here (fix: was "could not be saved" after   |
// |                                         |                                                                         |     |     | editing the open editor)                    |
// | results file binary                     | unit/results/{csv,jsonl}-reader, tool-formats: the reader's problem     | yes | n/a | here, through Evaluate; the reader tests    |
// |                                         | (pure readers: nothing to overwrite)                                    |     |     | stay in test/unit                           |
// | results file huge                       | evaluation.test.ts called ingestResult directly: message, nothing       | yes | no  | here, through Evaluate (moved: deleted from |
// |                                         | recorded; not the results file's bytes; unit/results/tool-formats       |     |     | evaluation.test.ts)                         |
// | results file truncated mid-write        | unit/results/own-format ("invalid JSON with its line"), jsonl-reader    | yes | n/a | here, through Evaluate (fix: the line where |
// |                                         | (a malformed last row, the rest read); no test through the extension    |     |     | the JSON breaks off is in the message)      |
// | decisions folder that is a file         | decisionsFolder.test.ts: messages, the listing, the blocker's bytes;    | yes | yes | here (moved, + the roadmap's bytes with a   |
// |                                         | not the roadmap's bytes; unit/decisions/folder.test.ts (reader)         |     |     | choose-candidate decision)                  |
// | repository in the middle of a rebase    | unit/git/commitChanges.test.ts: the failure kind only (no message, no   | no  | no  | here, a real rebase stopped on a conflict   |
// |                                         | bytes); nothing in the extension                                        |     |     | (fix: the record was written and the        |
// |                                         |                                                                         |     |     | roadmap edited before the commit refused;   |
// |                                         |                                                                         |     |     | Set Status and Supersede edited records)    |
// | failing pre-commit hook                 | decisions.test.ts: kind, record on disk (a regex), HEAD, nothing staged | no  | no  | here (moved, + the message, the roadmap's   |
// |                                         | (unit/git/commitChanges.test.ts: the adapter's hook output, work state) |     |     | exact diff, `git status`, the user's edit)  |
// | Slurm: sbatch missing                   | unit/cli/evaluate.test.ts (the CLI: message, no jobs file)              | yes | yes | here too, in the extension                  |
// | Slurm: squeue failing                   | unit/slurm/client.test.ts: the client throws the message; nothing shown | yes | no  | here (fix: the Jobs view says Slurm cannot  |
// |                                         | to the user (a log line)                                                |     |     | be reached; the job's line byte for byte)   |
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RecordDecisionResult } from '../../src/decisions/recordArgs';
import type { LifecycleResult } from '../../src/decisions/lifecycle';
import type { GenerateIndexResult } from '../../src/decisions/generateIndex';
import type { EvaluateResult } from '../../src/evaluation/commands';
import { noSbatchMessage } from '../../src/slurm/client';
import { waitFor } from './support/extension';
import { commitAll, git } from './support/git';
import { demoRoadmapUri, extensionApi, readDisk, restoreFile, workspaceFolder } from './support/roadmapFile';
import { child, editDocument, viewsHandle } from './support/views';

const PYTHON = '/usr/bin/python3';

interface Outcome {
  readonly done: boolean;
  readonly reason?: string;
  readonly message?: string;
}

function setStepStatus(status: string): Thenable<Outcome> {
  return vscode.commands.executeCommand<Outcome>('mlroadmap.setStepStatus', { roadmap: demoRoadmapUri().toString(), stepId: 'business-problem', status });
}

/** Every path under `dir` (recursively, .git left out), sorted. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('.git'))
    .sort();
}

function bytesOf(file: string): Buffer | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}


/** Record Architecture Decision without a prompt: the demo's `cnn` chosen, with `title` and `reason`. */
function chooseCnn(title: string, reason: string, more: Record<string, unknown> = {}): Thenable<RecordDecisionResult | undefined> {
  return vscode.commands.executeCommand<RecordDecisionResult>('mlroadmap.recordDecision', {
    roadmap: demoRoadmapUri().toString(),
    kind: 'choose-candidate',
    chosen: 'cnn',
    title,
    reason,
    confirm: true,
    open: false,
    ...more,
  });
}
describe('faults: files and repositories', function () {
  this.timeout(120_000);
  let root = '';
  let roadmapPath = '';
  let original = '';

  before(async () => {
    await extensionApi();
    root = workspaceFolder().uri.fsPath;
    roadmapPath = demoRoadmapUri().fsPath;
    original = await readDisk(demoRoadmapUri());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The roadmap as shipped, whatever the fault left at its path (a folder, a link).
    const st = fs.lstatSync(roadmapPath, { throwIfNoEntry: false });
    if (st && !st.isFile()) fs.rmSync(roadmapPath, { recursive: true, force: true });
    if (!fs.existsSync(roadmapPath)) fs.writeFileSync(roadmapPath, original);
    await restoreFile(demoRoadmapUri(), original);
    const api = await extensionApi();
    await waitFor('the demo roadmap back in the store', () => api.services.store.get(demoRoadmapUri())?.text === original, 15_000);
  });

  describe('the roadmap', () => {
    it('changed on disk by another program just before a command (editor clean): the edit is made on the new text, which is kept', async () => {
      const doc = await vscode.workspace.openTextDocument(demoRoadmapUri());
      await vscode.window.showTextDocument(doc);
      // Another program (a `git pull`, a script) rewrites the file: a new comment line the editor has not loaded yet.
      const theirs = original.replace('version: 1\n', 'version: 1\n# pulled from the team: keep this line\n');
      assert.notEqual(theirs, original);
      fs.writeFileSync(roadmapPath, theirs);
      const outcome = await setStepStatus('blocked');
      assert.equal(outcome.done, true, outcome.message);
      const after = fs.readFileSync(roadmapPath, 'utf8');
      assert.equal(after, theirs.replace(/(- id: business-problem\n(?:.*\n)*? {8}status: )done/, '$1blocked'));
      assert.notEqual(after, theirs);
      assert.equal(doc.getText(), after);
      assert.equal(doc.isDirty, false);
    });

    it("changed on disk while an edit is pending (unsaved in the editor): the change goes into the editor, the user's unsaved text and the file's new bytes are both kept, and it says so", async () => {
      const doc = await editDocument(demoRoadmapUri(), 'version: 1\n', 'version: 1\n# my unsaved note\n');
      await vscode.window.showTextDocument(doc);
      const mine = doc.getText();
      assert.equal(doc.isDirty, true);
      const theirs = original.replace('version: 1\n', 'version: 1\n# pulled from the team\n');
      fs.writeFileSync(roadmapPath, theirs);
      const outcome = await setStepStatus('blocked');
      assert.equal(outcome.done, true, outcome.message);
      assert.match(outcome.message ?? '', /mlroadmap\.yaml has unsaved changes: the change is made in the editor and left unsaved/);
      assert.equal(doc.getText(), mine.replace(/(- id: business-problem\n(?:.*\n)*? {8}status: )done/, '$1blocked'));
      assert.equal(doc.isDirty, true, 'left for the user to save');
      assert.equal(fs.readFileSync(roadmapPath, 'utf8'), theirs, "the other program's bytes on disk, untouched");
    });

    it('deleted while open: a command refuses with a message and does not write the file back; the editor keeps its text', async () => {
      const doc = await vscode.workspace.openTextDocument(demoRoadmapUri());
      await vscode.window.showTextDocument(doc);
      fs.rmSync(roadmapPath);
      const before = listing(root);
      const outcome = await setStepStatus('blocked');
      assert.equal(outcome.done, false);
      assert.match(outcome.message ?? '', /^Cannot read .*mlroadmap\.yaml: it is not on disk any more \(deleted\?\)\. Nothing was changed\. Its editor still holds the text: save it from there to put the file back\.$/);
      assert.equal(fs.existsSync(roadmapPath), false, 'the file is not written back');
      assert.deepEqual(listing(root), before);
      assert.equal(doc.getText(), original, 'the editor keeps the text');
    });

    it('made unreadable (a symbolic link loop: root reads through chmod 000): a command says why it cannot read it; the link stays', async () => {
      fs.rmSync(roadmapPath);
      fs.symlinkSync('mlroadmap.yaml', roadmapPath);
      const before = listing(root);
      const outcome = await setStepStatus('blocked');
      assert.equal(outcome.done, false);
      assert.equal(outcome.reason, 'no-roadmap');
      assert.match(outcome.message ?? '', /^Cannot read .*mlroadmap\.yaml: a symbolic link that leads nowhere readable \(ELOOP\)\. Nothing was changed\.$/);
      assert.equal(fs.readlinkSync(roadmapPath), 'mlroadmap.yaml');
      assert.deepEqual(listing(root), before);
    });

    it('replaced by a folder (closed, then while open): a command says it is a folder; the folder and the file in it are left as they were', async () => {
      fs.rmSync(roadmapPath);
      fs.mkdirSync(roadmapPath);
      fs.writeFileSync(path.join(roadmapPath, 'notes.txt'), 'the team keeps notes here\n');
      const before = listing(root);
      const closed = await setStepStatus('blocked');
      assert.equal(closed.done, false);
      assert.match(closed.message ?? '', /^Cannot read .*mlroadmap\.yaml: it is a folder, not a file\. Nothing was changed\.$/);
      assert.deepEqual(listing(root), before);

      // The same with the roadmap open in an editor when it is replaced.
      fs.rmSync(roadmapPath, { recursive: true });
      fs.writeFileSync(roadmapPath, original);
      const doc = await vscode.workspace.openTextDocument(demoRoadmapUri());
      await vscode.window.showTextDocument(doc);
      fs.rmSync(roadmapPath);
      fs.mkdirSync(roadmapPath);
      fs.writeFileSync(path.join(roadmapPath, 'notes.txt'), 'the team keeps notes here\n');
      const open = await setStepStatus('blocked');
      assert.equal(open.done, false);
      assert.equal(open.message, closed.message);
      assert.deepEqual(listing(root), before);
      assert.equal(fs.readFileSync(path.join(roadmapPath, 'notes.txt'), 'utf8'), 'the team keeps notes here\n');
      assert.equal(doc.getText(), original);
    });
  });

  describe('a results file', () => {
    const FAULT_SCRIPT = 'fault_results.py';
    let source = '';

    before(async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
      // The "evaluation": copies prepared bytes to the results file and exits 0, as a run that wrote a bad file.
      fs.writeFileSync(path.join(root, FAULT_SCRIPT), 'import shutil, sys\nshutil.copyfile(sys.argv[1], sys.argv[2])\n');
      source = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-faults-')), 'bytes');
    });

    after(async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('mlroadmap').update('results.maxFileSizeMB', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(path.join(root, FAULT_SCRIPT), { force: true });
      fs.rmSync(path.dirname(source), { recursive: true, force: true });
    });

    afterEach(() => {
      fs.rmSync(path.join(root, 'results', 'knn.json'), { force: true });
      fs.rmSync(path.join(root, '.mlroadmap'), { recursive: true, force: true });
    });

    /** Evaluates knn with a command that writes `bytes` as its results file; checks the file and the history after. */
    async function evaluateWriting(bytes: Buffer): Promise<EvaluateResult & { message?: string; done?: boolean }> {
      fs.writeFileSync(source, bytes);
      const roadmap = original.replace(/^ {2}command: .*$/m, `  command: \${python} ${FAULT_SCRIPT} ${source} \${results}`);
      await restoreFile(demoRoadmapUri(), roadmap);
      const history = bytesOf(path.join(root, '.mlroadmap', 'history.jsonl'));
      const result = await vscode.commands.executeCommand<EvaluateResult & { message?: string; done?: boolean }>('mlroadmap.evaluateCandidate', {
        roadmap: demoRoadmapUri().toString(),
        candidate: 'knn',
      });
      assert.ok(result, 'the command returns its outcome');
      assert.equal(result.done, false, JSON.stringify(result));
      assert.deepEqual(fs.readFileSync(path.join(root, 'results', 'knn.json')), bytes, 'the results file is left as the run wrote it');
      assert.deepEqual(bytesOf(path.join(root, '.mlroadmap', 'history.jsonl')), history, 'nothing recorded');
      assert.equal(fs.readFileSync(roadmapPath, 'utf8'), roadmap, 'the roadmap untouched');
      const api = await extensionApi();
      const entry = api.services.store.get(demoRoadmapUri());
      assert.ok(entry);
      assert.equal(api.services.results.latest(entry, 'knn'), undefined, 'no result shown for knn');
      return result;
    }

    it('binary: Evaluate says it looks binary and records nothing; the file is left as written', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x08]);
      const result = await evaluateWriting(png);
      assert.match(result.message ?? '', /^Evaluation of knn failed: results\/knn\.json holds no metric values \(looks binary \(NUL bytes in its first KB\): not a results file; refused\); nothing was recorded\.$/);
    });

    it('huge (over results.maxFileSizeMB): Evaluate says it is over the limit and records nothing; the file is left as written', async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('results.maxFileSizeMB', 1, vscode.ConfigurationTarget.Global);
      const big = Buffer.from(JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'knn', metrics: { accuracy: 0.9 }, notes: 'x'.repeat(1536 * 1024) }));
      const result = await evaluateWriting(big);
      assert.match(result.message ?? '', /^Evaluation of knn failed: results\/knn\.json holds no metric values \(is 1\.5 MB, over the 1\.0 MB limit for files read whole; refused\); nothing was recorded\.$/);
    });

    it('truncated mid-write: Evaluate says where the JSON breaks off and records nothing; the file is left as written', async () => {
      const whole = JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'knn', metrics: { accuracy: 0.9812, macro_f1: 0.9809 } }, null, 2);
      const cut = Buffer.from(whole.slice(0, whole.indexOf('macro_f1') + 4));
      const result = await evaluateWriting(cut);
      assert.match(result.message ?? '', /^Evaluation of knn failed: results\/knn\.json holds no metric values \(line 6: not valid JSON: Unterminated string in JSON at position \d+\); nothing was recorded\.$/);
    });
  });

  describe('a decisions folder that is a file', () => {
    let blocker = '';

    before(() => {
      blocker = path.join(root, 'not-a-folder');
      fs.writeFileSync(blocker, 'a file where the decisions folder should be\n');
    });

    after(() => {
      fs.rmSync(blocker, { force: true });
    });

    it('shows as an error in the Decisions tree; Record Decision, Set Decision Status and Generate Decision Index refuse: no number given, nothing written', async () => {
      const moved = original.replace(/^decisions: docs\/decisions/m, 'decisions: not-a-folder/decisions');
      await restoreFile(demoRoadmapUri(), moved);
      const api = await extensionApi();
      await waitFor('the moved decisions key', () => api.services.store.get(demoRoadmapUri())?.roadmap?.decisions === 'not-a-folder/decisions');
      // The Decisions tree says the folder cannot be read, instead of showing "no decisions recorded yet".
      const { decisions } = await viewsHandle();
      await waitFor('the error node in the Decisions tree', () => decisions.getChildren(undefined).some((n) => n.label === 'Cannot read the decisions folder'));
      const node = child(decisions, 'Cannot read the decisions folder');
      assert.equal(node.description, 'ENOTDIR');
      assert.deepEqual(decisions.getChildren(undefined).map((n) => n.label), ['Cannot read the decisions folder']);
      const before = listing(root);
      const roadmap = demoRoadmapUri().toString();

      const recorded = await chooseCnn('Serve on CPU', 'the form router has no GPU', { initRepo: false });
      assert.equal(recorded?.committed, false, JSON.stringify(recorded));
      assert.equal(recorded?.file, undefined);
      assert.equal(recorded?.failure?.kind, 'io-error');
      assert.match(recorded?.failure?.message ?? '', /Cannot read the decisions folder .*not-a-folder.*\(ENOTDIR\); no number was given and nothing was written/);

      const status = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.setDecisionStatus', { roadmap, number: 1, status: 'accepted', confirm: true });
      assert.equal(status?.failure?.kind, 'io-error', JSON.stringify(status));
      assert.match(status?.failure?.message ?? '', /Cannot read the decisions folder .*not-a-folder.*ENOTDIR/);

      const index = await vscode.commands.executeCommand<GenerateIndexResult>('mlroadmap.generateDecisionIndex', { roadmap, open: false });
      assert.equal(index?.written, false, JSON.stringify(index));
      assert.match(index?.failure?.message ?? '', /Cannot read the decisions folder .*ENOTDIR/);

      assert.deepEqual(listing(root), before, 'no file was written');
      assert.equal(fs.readFileSync(blocker, 'utf8'), 'a file where the decisions folder should be\n');
      assert.equal(fs.readFileSync(roadmapPath, 'utf8'), moved, 'the roadmap untouched (cnn not marked chosen)');
    });
  });

  describe('a repository', () => {
    const decisionsDir = () => path.join(root, 'docs', 'decisions');
    let readme = '';

    before(async () => {
      readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      // VS Code's git extension is off while the test repository exists (its background calls fail once it is removed).
      await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
      commitAll(root);
    });

    after(async () => {
      fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
      fs.writeFileSync(path.join(root, 'README.md'), readme);
      await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    });

    it("with a failing pre-commit hook: the message says a hook refused and what stays on disk; the record and the decision's roadmap lines are on disk, uncommitted; the user's edit kept", async () => {
      const head = git(root, 'rev-parse', 'HEAD');
      // A saved but uncommitted edit of the user's in the roadmap.
      const userText = original.replace('    target: 0.8\n', '    target: 0.85\n');
      assert.notEqual(userText, original);
      await restoreFile(demoRoadmapUri(), userText);
      const hook = path.join(root, '.git', 'hooks', 'pre-commit');
      fs.writeFileSync(hook, '#!/bin/sh\necho "decision records need a reviewer" >&2\nexit 1\n', { mode: 0o755 });
      let record: string | undefined;
      try {
        const result = await chooseCnn('Train the CNN in bfloat16', 'it halves the GPU memory');
        assert.ok(result);
        record = result.file;
        assert.equal(result.committed, false);
        assert.equal(result.failure?.kind, 'hook-failed', JSON.stringify(result));
        assert.equal(
          result.failure?.message,
          'A git hook refused the commit (its output is in the ML Roadmap log). Nothing was committed; 0003-train-the-cnn-in-bfloat16.md, mlroadmap.yaml stay on disk.',
        );
        assert.equal(record, path.join(decisionsDir(), '0003-train-the-cnn-in-bfloat16.md'));
        assert.match(fs.readFileSync(record, 'utf8'), /Chosen option: "Small CNN on 8x8 images", because it halves the GPU memory\./);
        // On disk: the user's text with the decision's lines, and nothing else.
        assert.equal(fs.readFileSync(roadmapPath, 'utf8'), userText.replace(/(- id: cnn\n(?:.*\n)*? {4}status: )shortlisted\n {4}decision: "0002"/, '$1chosen\n    decision: "0003"'));
        assert.deepEqual(git(root, 'diff', '-U0', '--', 'mlroadmap.yaml').split('\n').filter((l) => /^[+-][^+-]/.test(l)), [
          '-    target: 0.8',
          '+    target: 0.85',
          '-    status: shortlisted',
          '-    decision: "0002"          # ADR number',
          '+    status: chosen',
          '+    decision: "0003"          # ADR number',
        ]);
        assert.equal(git(root, 'rev-parse', 'HEAD'), head, 'nothing committed');
        assert.equal(git(root, 'diff', '--cached', '--name-only'), '', 'nothing left staged');
        assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }), ' M mlroadmap.yaml\n?? docs/decisions/0003-train-the-cnn-in-bfloat16.md\n');
      } finally {
        fs.rmSync(hook, { force: true });
        if (record) fs.rmSync(record, { force: true });
      }
    });

    it('in the middle of a rebase stopped on a conflict: Record Decision, Set Decision Status and Supersede Decision refuse before writing anything; the conflict, the roadmap, the records and the rebase are left as they were', async () => {
      const main = git(root, 'rev-parse', 'HEAD');
      git(root, 'checkout', '-q', '-b', 'feature');
      fs.appendFileSync(path.join(root, 'README.md'), '\nThe feature branch says this.\n');
      git(root, 'commit', '-qam', 'feature');
      git(root, 'checkout', '-q', 'main');
      fs.appendFileSync(path.join(root, 'README.md'), '\nMain says that.\n');
      git(root, 'commit', '-qam', 'main');
      git(root, 'checkout', '-q', 'feature');
      assert.throws(() => git(root, 'rebase', 'main'), 'the rebase stops on the conflict');
      try {
        assert.ok(fs.existsSync(path.join(root, '.git', 'rebase-merge')), 'a rebase is in progress');
        const api = await extensionApi();
        await api.services.store.reload(demoRoadmapUri());
        const conflicted = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
        assert.match(conflicted, /^<<<<<<< /m);
        const status0 = git(root, 'status', '--porcelain');
        const head = git(root, 'rev-parse', 'HEAD');
        const before = listing(root);
        const roadmap = fs.readFileSync(roadmapPath, 'utf8');

        const result = await chooseCnn('Go on with the small CNN', 'it is the only candidate expected above the target');
        assert.ok(result);
        assert.equal(result.committed, false);
        assert.equal(result.file, undefined, 'no record written');
        assert.equal(result.failure?.kind, 'rebase-in-progress', JSON.stringify(result));
        assert.match(result.failure?.message ?? '', /^A rebase is in progress\. Finish it \(git rebase --continue\) or abort it, then record the decision again\. Nothing was written\.$/);
        assert.deepEqual(listing(root), before, 'no file written');
        assert.equal(fs.readFileSync(roadmapPath, 'utf8'), roadmap, 'the roadmap untouched');
        assert.equal(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), conflicted, 'the conflict as it was');
        assert.equal(git(root, 'status', '--porcelain'), status0);
        assert.equal(git(root, 'rev-parse', 'HEAD'), head);
        assert.ok(fs.existsSync(path.join(root, '.git', 'rebase-merge')), 'the rebase is still in progress');

        // Changing a decision refuses the same way, before its record is touched (in the editor or on disk).
        const records = fs.readdirSync(decisionsDir()).filter((f) => f.endsWith('.md')).map((f) => path.join(decisionsDir(), f));
        const recordBytes = records.map((f) => fs.readFileSync(f));
        const refusal = /^A rebase is in progress\. Finish it \(git rebase --continue\) or abort it, then change the decision again\. Nothing was changed\.$/;
        const status = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.setDecisionStatus', { roadmap: demoRoadmapUri().toString(), number: 2, status: 'accepted', confirm: true });
        assert.equal(status?.committed, false);
        assert.equal(status?.failure?.kind, 'rebase-in-progress', JSON.stringify(status));
        assert.match(status?.failure?.message ?? '', refusal);
        const superseded = await vscode.commands.executeCommand<LifecycleResult>('mlroadmap.supersedeDecision', { roadmap: demoRoadmapUri().toString(), number: 1, by: 2, confirm: true });
        assert.equal(superseded?.committed, false);
        assert.equal(superseded?.failure?.kind, 'rebase-in-progress', JSON.stringify(superseded));
        assert.match(superseded?.failure?.message ?? '', refusal);
        assert.deepEqual(records.map((f) => fs.readFileSync(f)), recordBytes, 'every record byte for byte as it was');
        assert.ok(
          vscode.workspace.textDocuments.filter((d) => records.includes(d.uri.fsPath)).every((d) => !d.isDirty),
          'no record edited in an editor either',
        );
        assert.deepEqual(listing(root), before, 'no file written');
        assert.equal(git(root, 'status', '--porcelain'), status0);
        assert.equal(git(root, 'rev-parse', 'HEAD'), head);
      } finally {
        git(root, 'rebase', '--abort');
        git(root, 'checkout', '-q', 'main');
        git(root, 'reset', '-q', '--hard', main);
      }
    });
  });

  describe('Slurm out of reach', () => {
    let savedPath: string | undefined;
    let bin = '';

    before(async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
      bin = fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-bin-'));
      savedPath = process.env.PATH;
    });

    afterEach(() => {
      process.env.PATH = savedPath;
      fs.rmSync(path.join(root, '.mlroadmap'), { recursive: true, force: true });
    });

    after(async () => {
      await vscode.workspace.getConfiguration('mlroadmap').update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(bin, { recursive: true, force: true });
    });

    it('sbatch missing: Evaluate with executor slurm says how to reach a cluster and submits nothing; no jobs file, the roadmap untouched', async () => {
      const slurm = original.replace(/^evaluation:.*\n/m, (line) => `${line}  executor: slurm\n`);
      await restoreFile(demoRoadmapUri(), slurm);
      // The extension host's PATH without any Slurm tool (the test cluster's are on the usual one).
      process.env.PATH = bin;
      const result = await vscode.commands.executeCommand<EvaluateResult & { submitted?: { done: boolean; jobs: unknown[]; errors: { candidate: string; error: string }[] } }>(
        'mlroadmap.evaluateCandidate',
        { roadmap: demoRoadmapUri().toString(), candidate: 'knn' },
      );
      process.env.PATH = savedPath;
      assert.ok(result?.submitted, JSON.stringify(result));
      assert.equal(result.submitted.done, false);
      assert.deepEqual(result.submitted.jobs, []);
      assert.deepEqual(result.submitted.errors, [{ candidate: 'knn', error: noSbatchMessage() }]);
      assert.equal(fs.existsSync(path.join(root, '.mlroadmap', 'jobs.jsonl')), false, 'no job recorded');
      assert.equal(fs.readFileSync(roadmapPath, 'utf8'), slurm);
    });

    it('squeue failing (controller down): the Jobs view says Slurm cannot be reached; the running job keeps its state, its line byte for byte', async () => {
      const api = await extensionApi();
      const handle = api.services.jobs;
      assert.ok(handle, 'the jobs feature exposes its handle');
      const calls = path.join(bin, 'squeue-calls');
      fs.writeFileSync(
        path.join(bin, 'squeue'),
        `#!/bin/sh\necho called >> ${calls}\necho "slurm_load_jobs error: Unable to contact slurm controller (connect failure)" >&2\nexit 1\n`,
        { mode: 0o755 },
      );
      process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
      const job = {
        id: '4242424',
        executor: 'slurm',
        candidate: 'knn',
        state: 'running',
        rawState: 'RUNNING',
        submitted: '2026-12-07T10:00:00.000Z',
        started: '2026-12-07T10:00:05.000Z',
        script: '.mlroadmap/jobs/knn-4242424.sh',
        log: '.mlroadmap/jobs/knn-4242424.log',
        results: 'results/knn.json',
        command: 'python3 evaluate.py --candidate knn',
        git: null,
        dataset: null,
        updated: '2026-12-07T10:00:05.000Z',
      };
      const jobsFile = path.join(root, '.mlroadmap', 'jobs.jsonl');
      const line = JSON.stringify(job) + '\n';
      fs.mkdirSync(path.dirname(jobsFile), { recursive: true });
      fs.writeFileSync(jobsFile, line);
      const entry = api.services.store.get(demoRoadmapUri());
      assert.ok(entry);
      await waitFor('the Jobs view to say Slurm cannot be reached', () => /Unable to contact slurm controller/.test(handle.view.message ?? ''), 20_000);
      assert.equal(
        handle.view.message,
        'Slurm cannot be reached (squeue failed: slurm_load_jobs error: Unable to contact slurm controller (connect failure)). The jobs keep their last known state.',
      );
      await waitFor('a second look at the scheduler', () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').length > 2 : false), 20_000);
      assert.equal(fs.readFileSync(jobsFile, 'utf8'), line, 'the job is not marked forgotten or ended');
      assert.deepEqual(handle.jobs.jobsOf(entry).map((j) => [j.id, j.state]), [['4242424', 'running']]);
      // The jobs gone, nothing to ask Slurm: the message goes.
      fs.rmSync(path.join(root, '.mlroadmap'), { recursive: true, force: true });
      await waitFor('the message to go', () => handle.view.message === undefined, 20_000);
    });
  });
});
