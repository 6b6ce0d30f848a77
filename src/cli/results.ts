import type { CliIo } from './io';

/** `mlroadmap results`: not built yet. */
export async function runResults(_args: readonly string[], io: CliIo): Promise<number> {
  io.err('mlroadmap results: not available yet');
  return 2;
}
