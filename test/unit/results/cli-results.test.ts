import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { runResults } from '../../../src/cli/results';
import { FIXTURES, tempDir } from './helpers';

describe('mlroadmap results (CLI)', () => {
  it('prints one row per run with last and best, exit 0 when all read', async () => {
    const io = memoryIo(FIXTURES);
    const code = await main(['results', 'csv/yolo-style/results.csv', 'mlroadmap/cnn.json'], io);
    assert.equal(code, 0);
    assert.deepEqual(io.stderr, []);
    const lines = io.stdout.join('\n').split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^run\s+format\s+metrics: last \(best\)\s+source$/);
    assert.match(lines[1], /^yolo-style\s+csv\s+train\/box_loss 1\.102 {2}· {2}metrics\/precision\(B\) 0\.3102 \(best 0\.3439\)/);
    assert.match(lines[1], /\[csv\/yolo-style\/results\.csv\]$/);
    assert.match(lines[2], /^cnn\s+mlroadmap\s+accuracy 0\.912 {2}· {2}f1 0\.887 {2}· {2}latency_ms 14\.2/);
  });

  it('prints JSON with runs and problems, exit 1 when a file had problems', async () => {
    const io = memoryIo(FIXTURES);
    const code = await runResults(['--json', 'jsonl/malformed.jsonl', 'mlflow'], io);
    assert.equal(code, 1);
    const out = JSON.parse(io.stdout.join(''));
    assert.deepEqual(
      out.runs.map((r: { source: string; format: string; candidate: string | null }) => [r.source, r.format, r.candidate]),
      [
        ['jsonl/malformed.jsonl', 'jsonl', null],
        ['mlflow/mlruns/0/4f1c2b3a9d8e4f00a1b2c3d4e5f60718', 'mlflow', 'resnet'],
      ],
    );
    assert.deepEqual(out.runs[0].metrics.loss, { last: 0.6, best: 0.5, count: 4, goal: 'minimize', step: 6 });
    assert.deepEqual(
      out.problems.map((p: { source: string; line: number }) => [p.source, p.line]),
      [
        ['jsonl/malformed.jsonl', 3],
        ['jsonl/malformed.jsonl', 4],
        ['mlflow/mlruns/0/4f1c2b3a9d8e4f00a1b2c3d4e5f60718/metrics/loss', 3],
      ],
    );
  });

  it('lists problems on stderr after the table', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await runResults(['jsonl/malformed.jsonl'], io), 1);
    assert.match(io.stdout.join(''), /malformed\.jsonl/);
    assert.match(io.stderr.join('\n'), /^jsonl\/malformed\.jsonl:3: error: not valid JSON/);
  });

  it('writes values as every view does (4 significant digits, nothing non-zero as 0), and keeps full precision in --json', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cnn.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'cnn', metrics: { accuracy: 0.91234567, gap: 0.0004, tiny: 1e-7 } }));
    const io = memoryIo(dir);
    assert.equal(await runResults(['cnn.json'], io), 0);
    assert.match(io.stdout.join('\n'), /accuracy 0\.9123 {2}· {2}gap 0\.0004 {2}· {2}tiny 1e-7/);
    const json = memoryIo(dir);
    assert.equal(await runResults(['--json', 'cnn.json'], json), 0);
    assert.match(json.stdout.join('\n'), /0\.91234567/);
  });

  it('warnings alone keep exit 0', async () => {
    const io = memoryIo(FIXTURES);
    assert.equal(await runResults(['jsonl/train/metrics.jsonl'], io), 0);
    assert.match(io.stderr.join(''), /warning: metric 'loss': 1 non-finite value/);
  });

  it('exits 2 on usage errors: no paths, unknown option, missing path', async () => {
    for (const args of [[], ['--csv', 'x'], ['does-not-exist.json']]) {
      const io = memoryIo(FIXTURES);
      assert.equal(await runResults(args, io), 2, args.join(' '));
      assert.equal(io.stdout.length, 0);
      assert.ok(io.stderr.join('').length > 0);
    }
    const help = memoryIo(FIXTURES);
    assert.equal(await runResults(['--help'], help), 0);
    assert.match(help.stdout.join(''), /^Usage: mlroadmap results/);
  });

  it('exits 1 for a folder with no results', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'readme.md'), '#');
    const io = memoryIo(dir);
    assert.equal(await runResults(['.'], io), 1);
    assert.match(io.stdout.join(''), /No runs read\./);
    assert.match(io.stderr.join(''), /no result files found/);
  });

});
