// Recording a decision (write the MADR record, edit the roadmap, commit the record and the decision's edit alone
// through simple-git) against a bare baseline that does the same safety work with the git CLI through execFile:
// the repository's status, the committed roadmap (cat-file), the blobs (hash-object), a temporary index from the
// repository's own (update-index), the commit, and the repository's index for the two paths. Each in a fresh
// temporary repository, interleaved, median of 30. Run alone: `npx tsx bench/decisions.bench.ts`.
// The ratio measures what the adapter adds on top of git (simple-git, reading git's answers, the edit).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderMadr, recordFileName, type DecisionDraft } from '../src/core/decisions';
import { recordAndCommit } from '../src/git/record';
import { median, round, runAlone } from './stats';
import type { BenchRow } from './types';

const REPEATS = 30;
const LIMIT = 1.3;
const run = promisify(execFile);

const ROADMAP = 'version: 1\nproject:\n  name: bench\n  phase: discovery\ncandidates:\n  - id: cnn-small\n    status: evaluated\n  - id: vit-tiny\n    status: evaluated\n';
const EXISTING = '---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use a baseline\n';
const editRoadmap = (text: string) => text.replace('status: evaluated', 'status: chosen\n    decision: "0002"');

const DRAFT: DecisionDraft = {
  title: 'Choose the small CNN',
  kind: 'choose-candidate',
  status: 'accepted',
  date: '2024-05-02',
  decisionMakers: ['Ana Lima'],
  consulted: [],
  informed: [],
  context: 'Two candidates were evaluated.',
  drivers: ['f1 >= 0.85'],
  options: [
    { id: 'cnn-small', title: 'Small CNN', evaluation: { metric: 'f1', value: 0.87, baseline: 0.81, commit: 'abc1234' }, pros: [], cons: [] },
    { id: 'vit-tiny', title: 'ViT-tiny', pros: [], cons: [] },
  ],
  outcome: { option: 'cnn-small', reason: 'it meets the target at the lowest cost' },
  consequences: [],
  candidates: ['cnn-small', 'vit-tiny'],
};

function freshRepo(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'docs', 'decisions'), { recursive: true });
  writeFileSync(join(dir, 'mlroadmap.yaml'), ROADMAP);
  writeFileSync(join(dir, 'docs', 'decisions', '0001-use-a-baseline.md'), EXISTING);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  return dir;
}

async function recordOnce(dir: string): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await recordAndCommit({ repoDir: dir, decisionsDir: 'docs/decisions', draft: DRAFT, roadmapPath: 'mlroadmap.yaml', roadmapEdits: editRoadmap });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!r.ok) throw new Error(`recordAndCommit failed: ${r.kind}: ${r.message}`);
  return ms;
}

/** `git <args>` with `input` on standard input; its standard output. */
function git(dir: string, args: readonly string[], input?: string, env?: NodeJS.ProcessEnv): Promise<string> {
  if (input === undefined) return run('git', [...args], { cwd: dir, env }).then((r) => r.stdout);
  return new Promise((ok, fail) => {
    const p = spawn('git', [...args], { cwd: dir, env });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    p.on('error', fail);
    p.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`git ${args.join(' ')} exited with ${code}`))));
    p.stdin.end(input);
  });
}

async function bareOnce(dir: string): Promise<number> {
  const record = join('docs', 'decisions', recordFileName(2, DRAFT.title));
  const recordText = renderMadr(DRAFT);
  writeFileSync(join(dir, record), recordText);
  writeFileSync(join(dir, 'mlroadmap.yaml'), editRoadmap(ROADMAP));
  const t = process.hrtime.bigint();
  await git(dir, ['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=no']);
  const committed = await git(dir, ['cat-file', 'blob', 'HEAD:mlroadmap.yaml']);
  const scratch = join(dir, '.git', 'bench-blob');
  writeFileSync(scratch, editRoadmap(committed));
  const [recordOid, roadmapOid] = (await git(dir, ['hash-object', '-w', '--no-filters', '--stdin-paths'], `${join(dir, record)}\n${scratch}\n`)).trim().split('\n');
  const entries = `100644 ${recordOid}\t${record}\x00100644 ${roadmapOid}\tmlroadmap.yaml\x00`;
  const temp = join(dir, '.git', 'bench-index');
  copyFileSync(join(dir, '.git', 'index'), temp);
  const tempEnv = { ...process.env, GIT_INDEX_FILE: temp };
  await git(dir, ['update-index', '-z', '--index-info'], entries, tempEnv);
  await run('git', ['commit', '-q', '-m', `docs(decision): 0002 ${DRAFT.title}`], { cwd: dir, env: tempEnv });
  await git(dir, ['update-index', '-z', '--index-info'], entries);
  return Number(process.hrtime.bigint() - t) / 1e6;
}



export default async function bench(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'mlroadmap-bench-decisions-'));
  try {
    const ours: number[] = [];
    const bare: number[] = [];
    // Warm-up (module loading, disk cache), not counted.
    await recordOnce(freshRepo(root, 'warm-ours'));
    await bareOnce(freshRepo(root, 'warm-bare'));
    for (let i = 0; i < REPEATS; i++) {
      const a = freshRepo(root, `ours-${i}`);
      const b = freshRepo(root, `bare-${i}`);
      if (i % 2 === 0) {
        ours.push(await recordOnce(a));
        bare.push(await bareOnce(b));
      } else {
        bare.push(await bareOnce(b));
        ours.push(await recordOnce(a));
      }
    }
    const o = median(ours);
    const b = median(bare);
    return [
      { name: 'record-and-commit (write record + roadmap, simple-git), median', value: round(o), unit: 'ms' },
      { name: 'bare git: status, cat-file, hash-object, temporary index, commit, index (execFile), median', value: round(b), unit: 'ms' },
      { name: 'record-and-commit / bare git doing the same', value: round(o / b, 3), unit: '', ratio: round(o / b, 3), limit: LIMIT },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) runAlone(bench);
