// Unit tests: plain Node, mocha + tsx over test/unit/**/*.test.ts, counted by the shared summary reporter.
// A test may take up to 15 s (mocha's 2 s default is for a quiet machine: the property tests run hundreds of generated
// documents and the git tests spawn git, both several times slower on a loaded 2-core runner). Speed is the bench's job.
// The CLI's Slurm tests submit real jobs: the layer runs with the single-node test cluster up.
import { withTestCluster } from './slurm-cluster.mjs';
import { runMochaLayer } from './test-summary.mjs';

process.exit(await withTestCluster(() => runMochaLayer('unit', 'test/unit/**/*.test.ts', {}, ['--timeout', '15000'])));
