// Helpers for integration tests: reach the extension under test and its contributions.
import * as vscode from 'vscode';

export { EXTENSION_ID } from '../../../src/ids';

/** Command ids the extension declares in package.json `contributes.commands`. */
export function contributedCommands(extension: vscode.Extension<unknown>): string[] {
  const json = extension.packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (json.contributes?.commands ?? []).map((c) => c.command);
}

/** View ids the extension declares in package.json `contributes.views` (VS Code adds commands such as `<id>.focus`). */
export function contributedViews(extension: vscode.Extension<unknown>): string[] {
  const json = extension.packageJSON as { contributes?: { views?: Record<string, { id: string }[]> } };
  return Object.values(json.contributes?.views ?? {}).flatMap((views) => views.map((v) => v.id));
}

/** Waits until `predicate` holds, polling; throws with `what` after `timeoutMs`. */
export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
