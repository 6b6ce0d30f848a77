import type { CliIo } from './io';

/** `mlroadmap decisions`: not built yet. */
export async function runDecisions(_args: readonly string[], io: CliIo): Promise<number> {
  io.err('mlroadmap decisions: not available yet');
  return 2;
}
