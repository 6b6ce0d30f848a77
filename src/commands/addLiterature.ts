// ML Roadmap: Add Literature Entry… — id, title, URL (validated) and the takeaway for this project.
import * as vscode from 'vscode';
import { addLiterature } from '../core/roadmap/edits';
import { validateNewId, validateRequired, validateUrl } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { runFlow } from './flow';
import { applyToRoadmap, argsOf, confirm, isOutcome, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export interface AddLiteratureArgs {
  readonly id?: string;
  readonly title?: string;
  readonly url?: string;
  readonly takeaway?: string;
}

export interface AddLiteratureOutcome extends CommandOutcome {
  readonly id?: string;
}

interface State {
  id?: string;
  title?: string;
  url?: string;
  takeaway?: string;
}

export async function addLiteratureCommand(services: Services, arg?: unknown): Promise<AddLiteratureOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<AddLiteratureArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const taken = target.roadmap.literature.map((l) => l.id);

  let entry: AddLiteratureArgs & { id: string };
  if (args.id !== undefined) {
    const problem = validateNewId(args.id, taken) ?? validateRequired(args.title ?? '', vscode.l10n.t('a title')) ?? validateUrl(args.url ?? '');
    if (problem) return { done: false, reason: 'invalid', message: problem };
    entry = { id: args.id, title: args.title, url: args.url || undefined, takeaway: args.takeaway || undefined };
  } else {
    const filled = await runFlow<State>(vscode.l10n.t('Add Literature Entry'), {}, [
      {
        run: async (p, s) => {
          s.id = (
            await p.input({
              prompt: vscode.l10n.t('Id of the entry (e.g. author and year: lecun98)'),
              value: s.id,
              validate: (t) => validateNewId(t, taken),
            })
          ).trim();
        },
      },
      {
        run: async (p, s) => {
          s.title = (await p.input({ prompt: vscode.l10n.t('Title of the paper, post or project'), value: s.title, validate: (t) => validateRequired(t, vscode.l10n.t('a title')) })).trim();
        },
      },
      {
        run: async (p, s) => {
          s.url = (await p.input({ prompt: vscode.l10n.t('Link (optional)'), placeholder: 'https://', value: s.url, validate: (t) => validateUrl(t) })).trim();
        },
      },
      {
        run: async (p, s) => {
          s.takeaway = (
            await p.input({
              prompt: vscode.l10n.t('Takeaway: what it means for this project'),
              value: s.takeaway,
              validate: (t) => validateRequired(t, vscode.l10n.t('a takeaway')),
            })
          ).trim();
        },
      },
    ]);
    if (!filled?.id) return { done: false, reason: 'cancelled' };
    entry = { id: filled.id, title: filled.title, url: filled.url || undefined, takeaway: filled.takeaway };
  }
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Add literature entry'), (text) => addLiterature(text, entry), services);
  if (outcome.done) confirm(vscode.l10n.t('Literature entry "{0}" added.', entry.id));
  return { ...outcome, id: entry.id };
}
