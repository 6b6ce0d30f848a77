// Paths of the results fixtures and temp folders for the results tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/results');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mlroadmap-results-'));
}
