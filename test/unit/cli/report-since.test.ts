// `mlroadmap report --since <ref>` in a real temporary git repository: the demo roadmap and its decision records
// committed, then statuses changed, a target moved, a decision added and another's status changed, history appended;
// the "Since" section lists exactly those changes. A ref git does not know, or a folder outside any repository:
// exit 2 and nothing written.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { runReport } from '../../../src/cli/report';
import { makeTempRepo, type TempRepo } from '../git/tempRepo';

const DEMO = path.resolve(__dirname, '../../../examples/digits');

function history(candidate: string, metrics: Record<string, number>, recordedAt: string): string {
  return `${JSON.stringify({ candidate, metrics, source: `results/${candidate}.json`, format: 'mlroadmap-result', git: { commit: 'abcdef1234567', dirty: false }, dataset: null, command: null, recordedAt })}\n`;
}

/** The section of the Markdown from its heading to the next `## `. */
function sinceSection(md: string): string {
  const start = md.indexOf('## Since ');
  assert.ok(start >= 0, 'a Since section');
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('mlroadmap report --since (CLI, real git repository)', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeTempRepo();
    cpSync(path.join(DEMO, 'mlroadmap.yaml'), path.join(repo.dir, 'mlroadmap.yaml'));
    cpSync(path.join(DEMO, 'docs'), path.join(repo.dir, 'docs'), { recursive: true });
    mkdirSync(path.join(repo.dir, '.mlroadmap'));
    writeFileSync(path.join(repo.dir, '.mlroadmap', 'history.jsonl'), history('logreg', { accuracy: 0.95 }, '2020-01-01T00:00:00Z'));
    repo.git('add', '--', 'mlroadmap.yaml', 'docs', '.mlroadmap');
    repo.git('commit', '-q', '-m', 'roadmap as it was last week');
  });
  afterEach(() => repo.cleanup());

  function changeEverything(): void {
    const file = path.join(repo.dir, 'mlroadmap.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/(- id: evaluation-pipeline\n(?:.*\n)*?\s+status: )doing/, '$1done')
      .replace(/(- id: cnn\n(?:.*\n)*?\s+status: )shortlisted/, '$1prototyping')
      .replace(/(- id: accuracy\n(?:.*\n)*?\s+target: )0\.97/, '$10.98');
    writeFileSync(file, text);
    const adr2 = path.join(repo.dir, 'docs/decisions/0002-shortlist-a-small-cnn.md');
    writeFileSync(adr2, readFileSync(adr2, 'utf8').replace('status: proposed', 'status: accepted'));
    writeFileSync(path.join(repo.dir, 'docs/decisions/0003-try-an-mlp-too.md'), '---\nstatus: proposed\ndate: 2026-12-05\n---\n\n# Try an MLP too\n\n## Context and Problem Statement\n\nA second option.\n');
    const later = new Date(Date.now() + 60_000).toISOString();
    writeFileSync(path.join(repo.dir, '.mlroadmap', 'history.jsonl'), history('logreg', { accuracy: 0.95 }, '2020-01-01T00:00:00Z') + history('mlp', { accuracy: 0.9712, macro_f1: 0.97 }, later));
    repo.git('add', '--', 'mlroadmap.yaml', 'docs', '.mlroadmap');
    repo.git('commit', '-q', '-m', 'this week');
  }

  it('lists exactly the steps, candidates, targets, decisions and results that changed since HEAD~1', async () => {
    changeEverything();
    const io = memoryIo(repo.dir);
    assert.equal(await runReport(['--since', 'HEAD~1', '--format', 'md', '--out', '-'], io, { gitEnv: repo.env }), 0, io.stderr.join(''));
    const since = sinceSection(io.stdout.join(''));
    const commit = repo.git('rev-parse', '--short=7', 'HEAD~1').trim();
    assert.match(since, new RegExp(`^## Since HEAD\\\\~1\\n\\nChanges since HEAD\\\\~1 \\(commit ${commit}, `));
    const rows = since.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    assert.deepEqual(rows, [
      '| Step | Stage or track | Before | Now |',
      '| Automate the end-to-end evaluation (evaluation-pipeline) | Define | doing | done |',
      '| Candidate | Before | Now |',
      '| Small CNN on 8x8 images (cnn) | shortlisted | prototyping |',
      '| Metric | Before | Now |',
      '| accuracy | 0.97 | 0.98 |',
      '| Number | Decision | Before | Now |',
      '| 0002 | Shortlist a small CNN on the 8x8 images | proposed | accepted |',
      '| 0003 | Try an MLP too | new | proposed |',
      '| Candidate | Recorded | Metrics | Commit |',
      rows[10]!,
    ]);
    assert.match(rows[10]!, /^\| mlp \| \S+ \| accuracy 0\.9712, macro\\_f1 0\.97 \| abcdef1 \|$/);
  });

  it('nothing changed: says so; the HTML page carries the same section in its snapshot', async () => {
    const io = memoryIo(repo.dir);
    assert.equal(await runReport(['--since', 'HEAD', '--format', 'md', '--out', '-'], io, { gitEnv: repo.env }), 0, io.stderr.join(''));
    assert.match(sinceSection(io.stdout.join('')), /\nNothing changed\.\n/);

    changeEverything();
    const assets = mkdtempSync(path.join(tmpdir(), 'mlroadmap-assets-'));
    try {
      writeFileSync(path.join(assets, 'report.js'), '');
      writeFileSync(path.join(assets, 'report.css'), '');
      assert.equal(await runReport(['--since=HEAD~1', '--out', 'r.html'], memoryIo(repo.dir), { gitEnv: repo.env, assetsDir: assets }), 0);
      const html = readFileSync(path.join(repo.dir, 'r.html'), 'utf8');
      const json = /<script type="application\/json" id="mlroadmap-report-data">(.*)<\/script>/.exec(html)?.[1] ?? '';
      const since = (JSON.parse(json) as { since?: { ref: string; steps: unknown[]; decisions: unknown[] } }).since;
      assert.equal(since?.ref, 'HEAD~1');
      assert.equal(since?.steps.length, 1);
      assert.equal(since?.decisions.length, 2);
    } finally {
      rmSync(assets, { recursive: true, force: true });
    }
  });

  it('a ref that is not a commit, one like an option, or a folder outside git: exit 2, nothing written', async () => {
    for (const ref of ['no-such-branch', 'HEAD~5', '--output=x']) {
      const io = memoryIo(repo.dir);
      assert.equal(await runReport([`--since=${ref}`, '--out', 'r.md'], io, { gitEnv: repo.env }), 2, ref);
      assert.match(io.stderr.join(''), /^mlroadmap report: --since .*not a (commit|git ref)/, ref);
      assert.ok(!existsSync(path.join(repo.dir, 'r.md')), ref);
    }
    const plain = mkdtempSync(path.join(tmpdir(), 'mlroadmap-nogit-'));
    try {
      cpSync(path.join(DEMO, 'mlroadmap.yaml'), path.join(plain, 'mlroadmap.yaml'));
      const io = memoryIo(plain);
      assert.equal(await runReport(['--since', 'HEAD~1', '--out', 'r.md'], io), 2);
      assert.match(io.stderr.join(''), /not in a git repository/);
      assert.ok(!existsSync(path.join(plain, 'r.md')));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
