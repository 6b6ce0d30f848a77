import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRoadmap } from '../../../src/core/roadmap/parse';
import { ingestResult, type IngestRequest } from '../../../src/evaluation/ingest';
import { SlurmClient } from '../../../src/slurm/client';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';
import { DEMO_ROADMAP } from '../support/roadmaps';

// Why an evaluation's results were not recorded, and why Slurm refused a job, reach the user as they are (a
// notification, the Jobs view, the CLI): each is translated whole.
describe('l10n: recording an evaluation and the Slurm client', function () {
  this.timeout(30_000);
  let root = '';
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'mlroadmap-l10n-ingest-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('says every refusal in the display language', async () => {
    const roadmap = parseRoadmap(DEMO_ROADMAP).roadmap;
    assert.ok(roadmap);
    const request = (file: string, startedAt = 0): IngestRequest => ({
      root,
      roadmap,
      candidate: 'cnn',
      resultsFile: join(root, file),
      command: 'python3 evaluate.py',
      startedAt,
      maxWholeFileBytes: 1 << 20,
      cache: new Map(),
      stamps: { git: null, dataset: null },
    });
    writeFileSync(join(root, 'old.json'), '{"accuracy": 0.9}');
    utimesSync(join(root, 'old.json'), new Date(0), new Date(0));
    writeFileSync(join(root, 'other.json'), JSON.stringify({ format: 'mlroadmap-result/1', candidate: 'knn', metrics: { accuracy: 0.9 } }));
    writeFileSync(join(root, 'empty.json'), '{}');
    writeFileSync(join(root, 'broken.json'), '{"accuracy": 0.9, "macro');
    const messages = await withPseudoL10n(async () => {
      const refusals = [
        await ingestResult(request('missing.json')),
        await ingestResult(request('old.json', Date.now())),
        await ingestResult(request('other.json')),
        await ingestResult(request('empty.json')),
        await ingestResult(request('broken.json')),
      ].map((r) => (r.ok ? `recorded: ${JSON.stringify(r.record)}` : r.error));
      const notInstalled = new SlurmClient(async () => ({ code: null, stdout: '', stderr: '', startError: 'x', notInstalled: true }));
      const refusing = new SlurmClient(async () => ({ code: 1, stdout: '', stderr: 'sbatch: error: invalid partition specified: gpu' }));
      const submits = [await notInstalled.submit('job.sh', root), await refusing.submit('job.sh', root)].map((s) => (s.ok ? `submitted ${s.id}` : s.error));
      const silent = new SlurmClient(async () => ({ code: 1, stdout: '', stderr: '' }));
      const cancels = [await silent.cancel('not an id'), await silent.cancel('12')].map((c) => c.error ?? 'cancelled');
      return [...refusals, ...submits, ...cancels];
    });
    assert.deepEqual(untranslated(messages), []);
    assert.equal(new Set(messages).size, messages.length, messages.join('\n'));
  });
});
