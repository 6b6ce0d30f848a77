// Unit tests: plain Node, mocha + tsx over test/unit/**/*.test.ts, counted by the shared summary reporter.
// A test may take up to 15 s (mocha's 2 s default is for a quiet machine: the property tests run hundreds of generated
// documents and the git tests spawn git, both several times slower on a loaded 2-core runner). Speed is the bench's job.
import { runMochaLayer } from './test-summary.mjs';

process.exit(runMochaLayer('unit', 'test/unit/**/*.test.ts', {}, ['--timeout', '15000']));
