// ML Roadmap: Configure Evaluation… — the automated evaluation pipeline: command template, dataset
// (picked from the workspace's CSV files), results path pattern and the baseline candidate.
import * as vscode from 'vscode';
import { setEvaluation } from '../core/roadmap/edits';
import { validateRequired } from '../core/roadmap/inputs';
import type { Services } from '../services';
import { runFlow, separator, type FlowPickItem } from './flow';
import { applyToRoadmap, argsOf, confirm, isOutcome, refuseUntrusted, resolveTarget, type CommandOutcome } from './target';

export const DEFAULT_EVALUATION_COMMAND = '${python} evaluate.py --candidate ${candidate} --out ${results}';
export const DEFAULT_RESULTS_PATTERN = 'results/${candidate}.json';

export interface ConfigureEvaluationArgs {
  readonly command?: string;
  readonly dataset?: string;
  readonly results?: string;
  readonly baseline?: string;
}

export interface ConfigureEvaluationOutcome extends CommandOutcome {
  readonly evaluation?: ConfigureEvaluationArgs;
}

const OTHER = '\u0000other';

/** A relative path that stays inside the roadmap's folder. */
export function validateRelativePath(text: string): string | undefined {
  const value = text.trim();
  if (!value) return vscode.l10n.t('Enter a path relative to the folder of mlroadmap.yaml.');
  if (value.startsWith('/') || /^[a-z]:[\\/]/i.test(value) || value.split(/[\\/]/).includes('..')) {
    return vscode.l10n.t('Use a path inside the project, relative to mlroadmap.yaml (no "/" at the start, no "..").');
  }
  return undefined;
}

interface State {
  command?: string;
  dataset?: string;
  results?: string;
  baseline?: string;
}

export async function configureEvaluationCommand(services: Services, arg?: unknown): Promise<ConfigureEvaluationOutcome> {
  const refused = refuseUntrusted();
  if (refused) return refused;
  const args = argsOf<ConfigureEvaluationArgs>(arg);
  const target = await resolveTarget(services, args);
  if (isOutcome(target)) return target;
  const { roadmap, entry } = target;
  const current = roadmap.evaluation;
  const baselines = roadmap.candidates.filter((c) => c.baseline);
  const argsDriven = args.command !== undefined || args.dataset !== undefined || args.results !== undefined || args.baseline !== undefined;

  let chosen: State | undefined;
  if (argsDriven) {
    chosen = { command: args.command, dataset: args.dataset, results: args.results, baseline: args.baseline };
  } else {
    const csvs = await findDatasets(entry.root);
    chosen = await runFlow<State>(vscode.l10n.t('Configure Evaluation'), {}, [
      {
        run: async (p, s) => {
          s.command = (
            await p.input({
              prompt: vscode.l10n.t('Command that evaluates one candidate; ${python}, ${candidate}, ${dataset} and ${results} are filled in'),
              value: s.command ?? current?.command ?? DEFAULT_EVALUATION_COMMAND,
              validate: (t) => validateRequired(t, vscode.l10n.t('a command')) ?? (t.includes('${candidate}') ? undefined : vscode.l10n.t('Pass ${candidate} so one command evaluates every candidate.')),
            })
          ).trim();
        },
      },
      {
        run: async (p, s) => {
          const items: FlowPickItem<string>[] = [
            ...(csvs.length ? [separator<string>(vscode.l10n.t('CSV files in the project'))] : []),
            ...csvs.map((path) => ({ label: `$(file) ${path}`, value: path })),
            separator<string>(''),
            { label: vscode.l10n.t('$(edit) Enter another path…'), value: OTHER },
          ];
          const picked = await p.pick({
            placeholder: vscode.l10n.t('Dataset the pipeline evaluates on (the same for every candidate)'),
            items,
            active: s.dataset ?? current?.dataset ?? csvs[0],
          });
          s.dataset = picked === OTHER ? undefined : picked;
          if (picked === OTHER) {
            s.dataset = (await p.input({ prompt: vscode.l10n.t('Dataset path, relative to mlroadmap.yaml'), value: current?.dataset, validate: validateRelativePath })).trim();
          }
        },
      },
      {
        run: async (p, s) => {
          s.results = (
            await p.input({
              prompt: vscode.l10n.t('Where each run writes its results (${candidate} is filled in)'),
              value: s.results ?? current?.results ?? DEFAULT_RESULTS_PATTERN,
              validate: (t) => validateRelativePath(t) ?? (t.includes('${candidate}') ? undefined : vscode.l10n.t('Include ${candidate} so runs do not overwrite each other.')),
            })
          ).trim();
        },
      },
      {
        skip: () => roadmap.candidates.length === 0,
        run: async (p, s) => {
          const pool = baselines.length > 0 ? baselines : roadmap.candidates;
          s.baseline = await p.pick({
            placeholder: baselines.length > 0 ? vscode.l10n.t('Baseline every candidate is compared with') : vscode.l10n.t('No candidate is marked baseline: which one is the reference?'),
            items: pool.map((c) => ({ label: c.id, description: c.title, detail: c.status, value: c.id })),
            active: s.baseline ?? current?.baseline ?? pool[pool.length - 1]?.id,
          });
        },
      },
    ]);
    if (!chosen) return { done: false, reason: 'cancelled' };
  }
  if (chosen.baseline !== undefined && !roadmap.candidates.some((c) => c.id === chosen.baseline)) {
    return { done: false, reason: 'invalid', message: vscode.l10n.t('There is no candidate "{0}" to use as the baseline.', chosen.baseline) };
  }
  for (const path of [chosen.dataset, chosen.results]) {
    const problem = path === undefined ? undefined : validateRelativePath(path);
    if (problem) return { done: false, reason: 'invalid', message: problem };
  }
  const evaluation = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined && v !== '')) as ConfigureEvaluationArgs;
  const outcome = await applyToRoadmap(target, vscode.l10n.t('Configure evaluation'), (text) => setEvaluation(text, evaluation), services);
  if (outcome.done) confirm(vscode.l10n.t('Evaluation pipeline configured.'));
  return { ...outcome, evaluation };
}

/** CSV files under the roadmap's folder, relative to it, nearest first. */
async function findDatasets(root: vscode.Uri): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.csv'), '{**/node_modules/**,**/.git/**,**/.venv/**,**/venv/**,**/results/**}', 200);
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return found
    .map((u) => u.path.slice(prefix.length))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}
