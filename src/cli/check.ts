import type { CliIo } from './io';

/** `mlroadmap check`: not built yet. */
export async function runCheck(_args: readonly string[], io: CliIo): Promise<number> {
  io.err('mlroadmap check: not available yet');
  return 2;
}
