// The extension tests module that VS Code loads into its extension host (extensionTestsPath): runs mocha
// (bdd) over the compiled *.test.js files next to it, prints spec output to the console and writes the
// { passed, failed, skipped } summary to MLROADMAP_TEST_SUMMARY. Resolves when all pass, rejects otherwise.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { SummaryReporter } from '../support/summary-reporter';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

// scripts/code-server-test-shim.mjs prints the page console lines between these markers: the test output
const BEGIN = '[mlroadmap-tests] begin';
const END = '[mlroadmap-tests] end';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.MLROADMAP_INTEGRATION_TIMEOUT_MS ?? 90_000),
    reporter: SummaryReporter,
    // MLROADMAP_TEST_GREP=<text>: only the tests whose full title contains it, as written (not a pattern: parentheses and
    // dots are themselves) and in any case (while working on one feature).
    ...(process.env.MLROADMAP_TEST_GREP ? { grep: new RegExp(process.env.MLROADMAP_TEST_GREP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  console.log(BEGIN);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        console.log(END);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
