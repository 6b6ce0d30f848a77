// Answering a command's flow the way a user does: through the workbench's quick input, one prompt at a time.
import * as vscode from 'vscode';
import type { ShownPrompt } from '../../../src/commands/flow';
import { waitFor } from './extension';
import { extensionApi } from './roadmapFile';

/**
 * Runs `run` (a command that asks in a flow) and accepts the default of each prompt once the flow has shown it,
 * with the workbench's own "accept" command. Returns the command's result and the prompts it showed, in order.
 */
export async function acceptFlowDefaults<T>(run: () => Thenable<T>, timeoutMs = 30_000): Promise<{ result: T; prompts: ShownPrompt[] }> {
  const api = await extensionApi();
  const prompts: ShownPrompt[] = [];
  const listener = api.onDidShowFlowPrompt((p) => prompts.push(p));
  let outcome: { readonly result: T } | { readonly error: unknown } | undefined;
  Promise.resolve(run()).then(
    (result) => (outcome = { result }),
    (error: unknown) => (outcome = { error }),
  );
  try {
    for (let accepted = 0; ; accepted++) {
      await waitFor(`prompt ${accepted + 1} of the flow, or its end`, () => outcome !== undefined || prompts.length > accepted, timeoutMs).catch(async (e: Error) => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        throw new Error(`${e.message}; prompts shown: ${prompts.map((p) => `${p.title} ${p.step}/${p.totalSteps} ${p.kind}`).join(', ')}`);
      });
      if (outcome) break;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  } finally {
    listener.dispose();
  }
  if ('error' in outcome) throw outcome.error;
  return { result: outcome.result, prompts };
}
