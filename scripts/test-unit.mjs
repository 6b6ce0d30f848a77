// Unit tests: plain Node, mocha + tsx over test/unit/**/*.test.ts, counted by the shared summary reporter.
import { runMochaLayer } from './test-summary.mjs';

process.exit(runMochaLayer('unit', 'test/unit/**/*.test.ts'));
