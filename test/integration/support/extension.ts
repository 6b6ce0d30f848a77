// Helpers for integration tests: reach the extension under test and its contributions.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mlroadmap.mlroadmap';

/** The extension under test, activated; fails the test when VS Code does not know it. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

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
