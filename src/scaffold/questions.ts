// The questions of Scaffold Baseline…, as steps of a QuickPick flow: template, dataset, target column,
// problem type (guessed from the column), folder, candidate id, then a team template's own questions.
// A step whose answer came with the command's arguments is skipped.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateRelativePath } from '../commands/configureEvaluation';
import { separator, type FlowPickItem, type FlowStep } from '../commands/flow';
import { guessTarget, readCsvHeader } from '../core/scaffold/csv-header';
import { columnValues, detectTask, readCsvSample, TASKS, type Task } from '../core/scaffold/dataset';
import { defaultBaselineFolder, defaultCandidateId, newCandidateIdProblem, suggestedCandidateId } from '../core/scaffold/defaults';
import type { VariableValue } from '../core/scaffold/manifest';
import { STANDARD_VARIABLES } from '../core/scaffold/baseline';
import type { TemplateInfo } from '../core/scaffold/templates';
import { browseForCsv, DEMO_TARGET, displayPath } from './datasets';

/** What the user chose so far. Paths are absolute except `folder`, relative to the roadmap's folder. */
export interface ScaffoldChoices {
  template?: TemplateInfo;
  dataset?: string;
  /** True when `dataset` is the extension's demo copy, to be copied into the project. */
  demo?: boolean;
  target?: string;
  task?: Task;
  folder?: string;
  /** The folder last offered by default: kept on Back only when the user changed it. */
  folderSuggestion?: string;
  name?: string;
  answers: Record<string, VariableValue>;
}

export interface QuestionContext {
  /** The roadmap's folder (or the workspace folder when there is no roadmap yet). */
  readonly root: vscode.Uri;
  readonly templates: readonly TemplateInfo[];
  readonly csvs: readonly string[];
  readonly demo?: string;
  /** Candidate ids the roadmap has already. */
  readonly taken: readonly string[];
  /** Answers that came with the command's arguments: their steps are not asked. */
  readonly given: ReadonlySet<keyof ScaffoldChoices>;
  /** Team template variables answered in the arguments. */
  readonly givenAnswers: ReadonlySet<string>;
}

const BROWSE = '\u0000browse';
const DEMO = '\u0000demo';

export function scaffoldSteps(ctx: QuestionContext): FlowStep<ScaffoldChoices>[] {
  const most = Math.max(0, ...ctx.templates.map((t) => ownQuestions(t).length));
  return [
    templateStep(ctx),
    datasetStep(ctx),
    targetStep(ctx),
    taskStep(ctx),
    folderStep(ctx),
    nameStep(ctx),
    ...Array.from({ length: most }, (_, i) => teamQuestionStep(ctx, i)),
  ];
}

function templateStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: () => ctx.given.has('template'),
    run: async (p, s) => {
      const source = (t: TemplateInfo) => (t.source === 'builtin' ? vscode.l10n.t('built-in') : vscode.l10n.t('team template'));
      s.template = await p.pick<TemplateInfo>({
        placeholder: vscode.l10n.t('Which baseline? A dumb one first: it stands up the evaluation pipeline.'),
        items: ctx.templates.map((t) => ({ label: t.manifest.title, description: `${t.name} · ${source(t)}`, detail: t.manifest.description, value: t })),
        active: s.template ?? ctx.templates[0],
        matchOnDetail: true,
      });
    },
  };
}

function datasetStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: () => ctx.given.has('dataset'),
    run: async (p, s) => {
      const root = ctx.root.fsPath;
      for (;;) {
        const items: FlowPickItem<string>[] = [
          ...(ctx.csvs.length > 0 ? [separator<string>(vscode.l10n.t('CSV files in the workspace'))] : []),
          ...ctx.csvs.map((file) => ({ label: `$(file) ${displayPath(root, file)}`, value: file })),
          separator<string>(''),
          ...(ctx.demo ? [{ label: vscode.l10n.t('$(beaker) Demo dataset: handwritten digits'), description: vscode.l10n.t('1,797 rows, target "label"; copied to data/digits.csv'), value: DEMO }] : []),
          { label: vscode.l10n.t('$(folder-opened) Browse for a CSV file…'), value: BROWSE },
        ];
        const placeholder =
          ctx.csvs.length > 0
            ? vscode.l10n.t('Dataset: a CSV with a header row')
            : vscode.l10n.t('There is no CSV file in this workspace: browse for one, or use the demo dataset');
        const picked = await p.pick({ placeholder, items, active: s.demo ? DEMO : (s.dataset ?? ctx.csvs[0] ?? (ctx.demo ? DEMO : BROWSE)) });
        if (picked === DEMO && ctx.demo) {
          s.dataset = ctx.demo;
          s.demo = true;
          s.target = DEMO_TARGET;
          return;
        }
        if (picked === BROWSE) {
          const file = await browseForCsv(ctx.root);
          if (file === undefined) continue;
          s.dataset = file;
        } else s.dataset = picked;
        s.demo = false;
        return;
      }
    },
  };
}

function targetStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: () => ctx.given.has('target'),
    run: async (p, s) => {
      const header = readCsvHeader(s.dataset!);
      if (header.length === 0) throw new Error(vscode.l10n.t('{0} has no header row.', displayPath(ctx.root.fsPath, s.dataset!)));
      const guess = guessTarget(header);
      const why = guess?.why === 'name' ? vscode.l10n.t('guessed: named like a target') : vscode.l10n.t('guessed: the last column');
      s.target = await p.pick({
        placeholder: vscode.l10n.t('Column to predict ({0} columns)', header.length),
        items: header.map((column, i) => ({
          label: column,
          description: column === guess?.column ? vscode.l10n.t('column {0} · {1}', i + 1, why) : vscode.l10n.t('column {0}', i + 1),
          value: column,
        })),
        active: s.target !== undefined && header.includes(s.target) ? s.target : guess?.column,
      });
    },
  };
}

function taskStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: (s) => {
      if (ctx.given.has('task')) return true;
      const supported = s.template?.manifest.tasks ?? TASKS;
      if (supported.length === 1) s.task = supported[0];
      return supported.length === 1;
    },
    run: async (p, s) => {
      const values = columnValues(readCsvSample(s.dataset!), s.target!);
      const guess = detectTask(values);
      const distinct = new Set(values).size;
      const describe = (task: Task) =>
        task === guess ? vscode.l10n.t('guessed: "{0}" has {1} distinct values in the first rows', s.target!, distinct) : undefined;
      const supported = s.template?.manifest.tasks ?? TASKS;
      s.task = await p.pick<Task>({
        placeholder: vscode.l10n.t('Problem type'),
        items: supported.map((task) => ({
          label: task === 'classification' ? vscode.l10n.t('Classification') : vscode.l10n.t('Regression'),
          description: describe(task),
          detail: task === 'classification' ? vscode.l10n.t('Metrics: accuracy, macro F1') : vscode.l10n.t('Metrics: RMSE, MAE'),
          value: task,
        })),
        active: s.task !== undefined && supported.includes(s.task) ? s.task : guess,
      });
    },
  };
}

function folderStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: () => ctx.given.has('folder'),
    run: async (p, s) => {
      const suggestion = defaultBaselineFolder(ctx.given.has('name') && s.name ? s.name : suggestedCandidateId(s.template!.manifest, ctx.taken));
      const suggested = s.folder !== undefined && s.folder !== s.folderSuggestion ? s.folder : suggestion;
      s.folderSuggestion = suggestion;
      s.folder = (
        await p.input({
          prompt: vscode.l10n.t('Folder to write the baseline into, relative to the roadmap\'s folder'),
          value: suggested,
          validate: validateRelativePath,
        })
      ).trim();
    },
  };
}

function nameStep(ctx: QuestionContext): FlowStep<ScaffoldChoices> {
  return {
    skip: () => ctx.given.has('name'),
    run: async (p, s) => {
      const value = defaultCandidateId(s.template!.manifest, path.posix.basename(s.folder!), ctx.taken);
      s.name = (
        await p.input({
          prompt: vscode.l10n.t('Candidate id in the roadmap'),
          value,
          validate: (text) => newCandidateIdProblem(text.trim(), ctx.taken),
        })
      ).trim();
    },
  };
}

/** The `index`-th of a team template's own questions (variables the scaffold does not fill itself). */
function teamQuestionStep(ctx: QuestionContext, index: number): FlowStep<ScaffoldChoices> {
  return {
    skip: (s) => {
      const question = s.template ? ownQuestions(s.template)[index] : undefined;
      return question === undefined || ctx.givenAnswers.has(question.variable);
    },
    run: async (p, s) => {
      const question = ownQuestions(s.template!)[index];
      const variable = s.template!.manifest.variables.find((v) => v.name === question.variable)!;
      if (variable.type === 'choice' && variable.choices) {
        s.answers[variable.name] = await p.pick({
          placeholder: question.prompt,
          items: variable.choices.map((c) => ({ label: c, value: c })),
          active: String(s.answers[variable.name] ?? variable.default ?? variable.choices[0]),
        });
        return;
      }
      const text = await p.input({
        prompt: question.prompt,
        value: String(s.answers[variable.name] ?? variable.default ?? ''),
        validate: (t) =>
          t.trim() === ''
            ? vscode.l10n.t('Enter a value.')
            : variable.type === 'integer' && !/^-?\d+$/.test(t.trim())
              ? vscode.l10n.t('Enter a whole number.')
              : undefined,
      });
      s.answers[variable.name] = variable.type === 'integer' ? Number(text.trim()) : text.trim();
    },
  };
}

function ownQuestions(template: TemplateInfo) {
  const standard: readonly string[] = STANDARD_VARIABLES;
  return template.manifest.questions.filter((q) => !standard.includes(q.variable));
}
