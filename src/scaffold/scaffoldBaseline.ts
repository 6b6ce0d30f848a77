// ML Roadmap: Scaffold Baseline… — writes a runnable baseline project from a template (built-in or the
// team's), registers it as a candidate in the roadmap (with the evaluation block when there is none)
// and opens its entry point. Never replaces a file without asking; refused in Restricted Mode.
import { existsSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateRelativePath } from '../commands/configureEvaluation';
import { runFlow } from '../commands/flow';
import { argsOf, confirm, isOutcome, resolveTarget, restrictedOutcome, type CommandOutcome, type TargetArgs } from '../commands/target';
import { planBaseline } from '../core/scaffold/baseline';
import { findBuiltinTemplatesDir } from '../core/scaffold/builtin-dir';
import { TASKS, type Task } from '../core/scaffold/dataset';
import { defaultBaselineFolder, defaultCandidateId, newCandidateIdProblem } from '../core/scaffold/defaults';
import type { VariableValue } from '../core/scaffold/manifest';
import { allowOverwrite } from '../core/scaffold/plan';
import { findTemplate, listTemplates, loadTemplate, type TemplateInfo } from '../core/scaffold/templates';
import { conflictingFiles, writePlannedFiles } from '../core/scaffold/write';
import { Commands } from '../ids';
import type { Services } from '../services';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { copyDemoDataset, demoDatasetSource, displayPath, findWorkspaceCsvs } from './datasets';
import { scaffoldSteps, type ScaffoldChoices } from './questions';
import { evaluationRunsBaseline, registerInRoadmap } from './register';

export interface ScaffoldArgs extends TargetArgs {
  /** Template name: `dumb`, `sklearn`, `pytorch` or a team template. */
  readonly template?: string;
  /** Detected from the target column when absent. */
  readonly task?: Task;
  /** The CSV, relative to the roadmap's folder or absolute. */
  readonly dataset?: string;
  readonly target?: string;
  /** Relative to the roadmap's folder; default `baselines/<candidate>`. */
  readonly folder?: string;
  /** Candidate id; default from the folder's name, else the template's suggestion. */
  readonly name?: string;
  /** true: replace existing files; false: refuse without asking; absent: ask. */
  readonly overwrite?: boolean;
  /** Answers to a team template's own questions. */
  readonly answers?: Readonly<Record<string, VariableValue>>;
}

export interface ScaffoldOutcome extends CommandOutcome {
  /** Absolute paths of the files written. */
  readonly files?: readonly string[];
  readonly candidate?: string;
  /** Absolute path of the baseline's folder. */
  readonly folder?: string;
  /** Files that exist already (relative to the folder), when nothing was written because of them. */
  readonly existing?: readonly string[];
  readonly candidateAdded?: boolean;
  readonly evaluationAdded?: boolean;
}

/** Where the baseline goes: the roadmap (when there is one) and the folder paths resolve against. */
interface Place {
  readonly entry?: RoadmapEntry;
  readonly root: vscode.Uri;
}

export async function scaffoldBaselineCommand(services: Services, arg?: unknown): Promise<ScaffoldOutcome> {
  if (!vscode.workspace.isTrusted) return refuseRestricted();
  const args = argsOf<ScaffoldArgs>(arg);
  const place = await resolvePlace(services, args);
  if ('done' in place) return place;
  const root = place.root.fsPath;
  const taken = place.entry?.roadmap?.candidates.map((c) => c.id) ?? [];

  const listing = listTemplates(findBuiltinTemplatesDir(services.context.extensionUri.fsPath), root);
  for (const p of listing.problems) services.log.warn(`Scaffold Baseline: ignoring the template in ${p.dir}: ${p.errors.join('; ')}`);
  if (listing.templates.length === 0) return fail(vscode.l10n.t('No baseline template found (the extension\'s templates folder is missing).'), 'failed');

  const given = checkArgs(args, listing.templates, root, taken);
  if ('message' in given) return fail(given.message, 'invalid');
  const { choices, asked } = given;
  const argsDriven = args.template !== undefined && args.dataset !== undefined && args.target !== undefined;
  if (argsDriven) fillDefaults(choices, taken);
  else {
    const demo = demoDatasetSource(services.context.extensionUri);
    const csvs = asked.has('dataset') ? [] : await findWorkspaceCsvs(place.root);
    const filled = await runFlow(vscode.l10n.t('Scaffold Baseline'), choices, scaffoldSteps({ root: place.root, templates: listing.templates, csvs, demo, taken, given: asked, givenAnswers: new Set(Object.keys(args.answers ?? {})) }));
    if (!filled) return { done: false, reason: 'cancelled' };
  }
  return writeBaseline(services, place, choices, args.overwrite);
}

async function writeBaseline(services: Services, place: Place, choices: ScaffoldChoices, overwrite: boolean | undefined): Promise<ScaffoldOutcome> {
  const root = place.root.fsPath;
  const info = choices.template!;
  const candidate = choices.name!;
  const targetDir = path.resolve(root, choices.folder!);
  let datasetPath = choices.dataset!;
  let demoCopy: string | undefined;
  if (choices.demo) {
    const copy = copyDemoDataset(datasetPath, root);
    datasetPath = copy.path;
    if (copy.created) demoCopy = copy.path;
  }
  // The demo copy stays only with a baseline written to use it: any other way out removes it.
  let demoCopyUsed = false;
  try {
    const plan = planBaseline({ template: loadTemplate(info), targetDir, datasetPath, target: choices.target!, task: choices.task, candidate, answers: choices.answers });
    if (!plan.ok) {
      return fail(vscode.l10n.t('Cannot scaffold the {0} baseline: {1}', info.name, plan.errors.join('; ')), 'invalid');
    }
    let files = plan.files;
    const existing = conflictingFiles(targetDir, files);
    if (existing.length > 0) {
      const allowed = overwrite ?? (await confirmOverwrite(place.root, targetDir, existing));
      if (!allowed) {
        const message = vscode.l10n.t('Nothing was written: {0} already holds {1}.', displayPath(root, targetDir), existing.join(', '));
        if (overwrite === false) void vscode.window.showWarningMessage(message);
        services.log.info(`Scaffold Baseline: ${message}`);
        return { done: false, reason: overwrite === false ? 'invalid' : 'cancelled', message, existing, candidate, folder: targetDir };
      }
      files = allowOverwrite(files, existing);
    }
    const written = writePlannedFiles(targetDir, files);
    if (!written.ok) {
      const message = vscode.l10n.t('Nothing was written: {0} appeared in {1} meanwhile.', written.existing.join(', '), displayPath(root, targetDir));
      void vscode.window.showWarningMessage(message);
      return { done: false, reason: 'failed', message, existing: written.existing, candidate, folder: targetDir };
    }
    demoCopyUsed = true;
    const paths = written.written.map((f) => path.join(targetDir, ...f.split('/')));
    services.log.info(`Scaffold Baseline: wrote the ${info.name} baseline '${candidate}' (${plan.task}) to ${targetDir}: ${written.written.join(', ')}`);
    const base = { files: paths, candidate, folder: targetDir };

    let registered: { candidateAdded: boolean; evaluationAdded: boolean } = { candidateAdded: false, evaluationAdded: false };
    if (place.entry) {
      const outcome = await registerInRoadmap({ entry: place.entry, manifest: info.manifest, candidate, targetDir, datasetPath });
      if (!outcome.ok) {
        const message = vscode.l10n.t('The baseline is written in {0}, but mlroadmap.yaml could not be updated: {1}', displayPath(root, targetDir), outcome.message);
        void vscode.window.showErrorMessage(message);
        services.log.warn(`Scaffold Baseline: ${message}`);
        return { done: false, reason: 'failed', message, ...base };
      }
      registered = { candidateAdded: outcome.candidateAdded, evaluationAdded: outcome.evaluationAdded };
      const entry = (await services.store.reload(place.entry.uri)) ?? place.entry;
      if (!outcome.evaluationAdded && !evaluationRunsBaseline(entry, candidate, targetDir, info.manifest.main)) warnCommandDoesNotRun(entry, candidate, targetDir, info.manifest.main);
    } else {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The baseline is written in {0}. There is no mlroadmap.yaml yet, so it is not registered as a candidate: run "ML Roadmap: Initialize Roadmap", then scaffold again or add it.', displayPath(root, targetDir)),
      );
    }

    const main = vscode.Uri.file(path.join(targetDir, ...info.manifest.main.split('/')));
    await vscode.window.showTextDocument(main, { preview: false });
    confirm(vscode.l10n.t('Baseline {0} scaffolded in {1}.', candidate, displayPath(root, targetDir)));
    return { done: true, ...base, ...registered };
  } finally {
    if (demoCopy && !demoCopyUsed) rmSync(demoCopy, { force: true });
  }
}

/** Checks the arguments and turns them into choices; the keys given are not asked again. */
function checkArgs(
  args: ScaffoldArgs,
  templates: readonly TemplateInfo[],
  root: string,
  taken: readonly string[],
): { choices: ScaffoldChoices; asked: Set<keyof ScaffoldChoices> } | { message: string } {
  const choices: ScaffoldChoices = { answers: { ...args.answers } };
  const asked = new Set<keyof ScaffoldChoices>();
  if (args.template !== undefined) {
    const info = findTemplate({ templates, problems: [] }, args.template);
    if (!info) return { message: vscode.l10n.t('There is no baseline template "{0}" (templates: {1}).', args.template, templates.map((t) => t.name).join(', ')) };
    choices.template = info;
    asked.add('template');
  }
  if (args.dataset !== undefined) {
    const file = path.resolve(root, args.dataset);
    if (!existsSync(file) || !statSync(file).isFile()) return { message: vscode.l10n.t('The dataset {0} does not exist.', file) };
    choices.dataset = file;
    asked.add('dataset');
  }
  if (args.target !== undefined) {
    choices.target = args.target;
    asked.add('target');
  }
  if (args.task !== undefined) {
    if (!TASKS.includes(args.task)) return { message: vscode.l10n.t('The problem type must be classification or regression (got "{0}").', String(args.task)) };
    choices.task = args.task;
    asked.add('task');
  }
  if (args.folder !== undefined) {
    const problem = validateRelativePath(args.folder);
    if (problem) return { message: problem };
    choices.folder = args.folder.trim();
    asked.add('folder');
  }
  if (args.name !== undefined) {
    const problem = newCandidateIdProblem(args.name, taken);
    if (problem) return { message: vscode.l10n.t('Cannot use "{0}" as the candidate id: {1}.', args.name, problem) };
    choices.name = args.name;
    asked.add('name');
  }
  return { choices, asked };
}

/** Arguments-driven runs ask nothing: the candidate id and folder get their defaults (the task is detected). */
function fillDefaults(choices: ScaffoldChoices, taken: readonly string[]): void {
  const folderName = choices.folder !== undefined ? path.posix.basename(choices.folder) : undefined;
  choices.name ??= defaultCandidateId(choices.template!.manifest, folderName, taken);
  choices.folder ??= defaultBaselineFolder(choices.name);
}

/** The roadmap to register in (asked when there are several), else the workspace folder. */
async function resolvePlace(services: Services, args: ScaffoldArgs): Promise<Place | ScaffoldOutcome> {
  await services.store.whenReady();
  if (args.roadmap !== undefined || args.entry !== undefined || services.store.all().length > 0) {
    const target = await resolveTarget(services, args);
    if (isOutcome(target)) return target;
    return { entry: target.entry, root: target.entry.root };
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return fail(vscode.l10n.t('Open a folder first: the baseline is written into the workspace.'), 'no-roadmap');
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder to write the baseline into') });
  return folder ? { root: folder.uri } : { done: false, reason: 'cancelled' };
}

/** A modal listing the files that exist: Overwrite or Cancel. */
async function confirmOverwrite(root: vscode.Uri, targetDir: string, existing: readonly string[]): Promise<boolean> {
  const overwrite = vscode.l10n.t('Overwrite');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already has {1} of the baseline\'s files. Overwrite them?', displayPath(root.fsPath, targetDir), existing.length),
    { modal: true, detail: existing.join('\n') },
    overwrite,
  );
  return choice === overwrite;
}

function warnCommandDoesNotRun(entry: RoadmapEntry, candidate: string, targetDir: string, main: string): void {
  const script = displayPath(entry.root.fsPath, path.join(targetDir, ...main.split('/')));
  const configure = vscode.l10n.t('Configure Evaluation…');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('Candidate {0} is registered, but the roadmap\'s evaluation command does not run {1}: make the command run it (e.g. with ${candidate} in its path) to evaluate it.', candidate, script),
      configure,
    )
    .then((choice) => {
      if (choice === configure) void vscode.commands.executeCommand(Commands.configureEvaluation, { roadmap: entry.uri });
    });
}

function refuseRestricted(): ScaffoldOutcome {
  return restrictedOutcome(vscode.l10n.t('ML Roadmap does not write or run code in Restricted Mode. Trust this workspace to scaffold a baseline.'));
}

function fail(message: string, reason: 'invalid' | 'failed' | 'no-roadmap'): ScaffoldOutcome {
  void vscode.window.showErrorMessage(message);
  return { done: false, reason, message };
}
