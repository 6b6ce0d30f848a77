import type { CliIo } from './io';

/** `mlroadmap scaffold`: not built yet. */
export async function runScaffold(_args: readonly string[], io: CliIo): Promise<number> {
  io.err('mlroadmap scaffold: not available yet');
  return 2;
}
