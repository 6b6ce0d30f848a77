// A mocha reporter shared by every test layer: the usual spec output, plus a JSON summary
// { passed, failed, skipped } written to the file named by MLROADMAP_TEST_SUMMARY (when set),
// so unit, integration and end-to-end runs are counted the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
}

export const SUMMARY_ENV = 'MLROADMAP_TEST_SUMMARY';

export class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const summary: TestSummary = { passed: 0, failed: 0, skipped: 0 };
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => summary.passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => summary.failed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => summary.skipped++);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => writeSummary(summary));
  }
}

export function writeSummary(summary: TestSummary, file = process.env[SUMMARY_ENV]): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(summary) + '\n');
}

// mocha's --reporter loads this module and takes its default export as the reporter class
export default SummaryReporter;
