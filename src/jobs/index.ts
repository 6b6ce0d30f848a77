// The Jobs view (Slurm jobs of every roadmap), its status bar count, the failed jobs' diagnostics, and the
// commands Show Job Log, Cancel Job and Re-submit Job.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { argsOf, guardCommand, refuseUntrusted, resolveTarget, isOutcome, type TargetArgs } from '../commands/target';
import { executionOf } from '../core/jobs/execution';
import { describeJob } from '../core/jobs/state';
import { isActive, type JobRecord } from '../core/jobs/types';
import { EvaluationResultsIndex } from '../evaluation/resultsIndex';
import { Commands, ContextKeys, Views } from '../ids';
import type { Services } from '../services';
import { NodeTreeProvider } from '../views/nodeTreeProvider';
import type { ViewNode } from '../views/viewNode';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { JobDiagnostics } from './diagnostics';
import { RoadmapJobs } from './jobs';
import { buildJobNodes } from './jobsTree';

export type { SubmitResult } from './jobs';

/** The jobs feature's parts, for tests and the evaluate commands. */
export interface JobsHandle {
  readonly jobs: RoadmapJobs;
  readonly provider: NodeTreeProvider;
  readonly view: vscode.TreeView<ViewNode>;
  readonly statusBar: vscode.StatusBarItem;
  readonly diagnostics: JobDiagnostics;
}

interface JobArgs extends TargetArgs {
  /** The job id. */
  readonly job?: string;
}

export const jobsRestrictedMessage = (): string => vscode.l10n.t('ML Roadmap does not submit or cancel Slurm jobs in Restricted Mode. Trust this workspace to do so.');

/** Whether a roadmap sends any candidate to Slurm. */
export function usesSlurm(entry: RoadmapEntry): boolean {
  const roadmap = entry.roadmap;
  return !!roadmap && roadmap.candidates.some((c) => executionOf(roadmap, c.id).executor === 'slurm');
}

export function activateJobs(services: Services): vscode.Disposable[] {
  const index = services.results;
  if (!(index instanceof EvaluationResultsIndex)) return [];
  const { store, log } = services;
  const jobs = new RoadmapJobs(store, index, services.files, log);
  const provider = new NodeTreeProvider(Views.jobs, (e) => buildJobNodes(e, jobs.jobsOf(e), new Date()), () => store.all());
  const view = vscode.window.createTreeView(Views.jobs, { treeDataProvider: provider });
  const statusBar = vscode.window.createStatusBarItem('mlroadmap.jobs', vscode.StatusBarAlignment.Left, 49);
  statusBar.name = vscode.l10n.t('ML Roadmap Jobs');
  statusBar.command = { command: `${Views.jobs}.focus`, title: vscode.l10n.t('Show the Slurm jobs') };
  const diagnostics = new JobDiagnostics(jobs, (entry, candidate) => {
    const latest = index.latest(entry, candidate);
    return latest && !latest.notFromPipeline ? latest.at : undefined;
  });
  let ticker: NodeJS.Timeout | undefined;

  const update = (entry?: RoadmapEntry) => {
    provider.update(entry);
    const { pending, running } = jobs.counts();
    if (pending + running > 0) {
      statusBar.text = `$(server-process) ${running > 0 ? vscode.l10n.t('{0} running', running) : ''}${running > 0 && pending > 0 ? ', ' : ''}${pending > 0 ? vscode.l10n.t('{0} pending', pending) : ''}`;
      statusBar.tooltip = vscode.l10n.t('Slurm jobs of the roadmap: click to show them.');
      statusBar.show();
    } else statusBar.hide();
    const hasJobs = store.all().some((e) => jobs.jobsOf(e).length > 0 || usesSlurm(e));
    void vscode.commands.executeCommand('setContext', ContextKeys.hasJobs, hasJobs);
    // Slurm out of reach (squeue missing or failing): the jobs keep their last known state, and the view says why.
    const unreachable = jobs.unreachable();
    view.message = unreachable ? vscode.l10n.t('Slurm cannot be reached ({0}). The jobs keep their last known state.', unreachable.replace(/\.$/, '')) : undefined;
    view.badge = running + pending > 0 ? { value: running + pending, tooltip: vscode.l10n.t('{0} job(s) pending or running', running + pending) } : undefined;
    // Running jobs show their elapsed time: redraw every few seconds while one runs.
    if (running > 0 && !ticker) ticker = setInterval(() => provider.update(), 5000);
    if (running === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
    void diagnostics.update();
  };
  update();

  const target = async (arg: unknown): Promise<{ entry: RoadmapEntry; job: JobRecord } | { done: false; reason: 'invalid' | 'cancelled' | 'no-roadmap'; message?: string }> => {
    const args = argsOf<JobArgs>(arg);
    const resolved = await resolveTarget(services, args);
    if (isOutcome(resolved)) return { done: false, reason: 'no-roadmap', ...(resolved.message ? { message: resolved.message } : {}) };
    const entry = resolved.entry;
    await jobs.whenRead();
    const all = jobs.jobsOf(entry);
    const id = args.job ?? args.itemId;
    if (id !== undefined) {
      // The newest job of that id (a wiped scheduler numbers from 1 again).
      const job = [...all].reverse().find((j) => j.id === id);
      if (!job) {
        const message = vscode.l10n.t('There is no Slurm job {0} in {1}.', id, vscode.workspace.asRelativePath(entry.uri));
        void vscode.window.showErrorMessage(message);
        return { done: false, reason: 'invalid', message };
      }
      return { entry, job };
    }
    if (all.length === 0) {
      const message = vscode.l10n.t('No Slurm jobs yet: set evaluation.executor: slurm and evaluate a candidate.');
      void vscode.window.showInformationMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    const now = new Date();
    const picked = await vscode.window.showQuickPick(
      [...all].reverse().map((j) => ({ label: j.candidate, description: describeJob(j, now), detail: vscode.l10n.t('job {0} · submitted {1}', j.id, j.submitted), job: j })),
      { title: vscode.l10n.t('Which Slurm job?') },
    );
    return picked ? { entry, job: picked.job } : { done: false, reason: 'cancelled' };
  };

  /** Followed logs: while the job runs, the editor showing its log keeps its last line in sight. */
  const following = new Map<string, NodeJS.Timeout>();
  const showLog = async (arg: unknown) => {
    const t = await target(arg);
    if (!('job' in t)) return t;
    const file = path.resolve(t.entry.root.fsPath, t.job.log);
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    } catch {
      const message = vscode.l10n.t('Job {0} has written no log yet ({1}).', t.job.id, describeJob(t.job, new Date()));
      void vscode.window.showInformationMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    const reveal = (e: vscode.TextEditor) => e.revealRange(new vscode.Range(e.document.lineCount - 1, 0, e.document.lineCount - 1, 0), vscode.TextEditorRevealType.Default);
    reveal(editor);
    if (isActive(t.job.state) && !following.has(file)) {
      const entry = t.entry;
      const id = t.job.id;
      following.set(
        file,
        setInterval(() => {
          const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file);
          const job = [...jobs.jobsOf(entry)].reverse().find((j) => j.id === id);
          if (visible) reveal(visible);
          if (!visible || !job || !isActive(job.state)) {
            clearInterval(following.get(file));
            following.delete(file);
          }
        }, 1000),
      );
    }
    return { done: true, file, job: t.job.id };
  };

  const cancel = async (arg: unknown) => {
    const refused = refuseUntrusted(jobsRestrictedMessage());
    if (refused) return refused;
    const t = await target(arg);
    if (!('job' in t)) return t;
    if (!isActive(t.job.state)) {
      const message = vscode.l10n.t('Job {0} of {1} has already ended ({2}).', t.job.id, t.job.candidate, describeJob(t.job, new Date()));
      void vscode.window.showInformationMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    const out = await jobs.cancel(t.entry, t.job.id);
    if (!out.ok) {
      const message = vscode.l10n.t('Slurm did not cancel job {0}: {1}', t.job.id, out.error ?? '');
      void vscode.window.showErrorMessage(message);
      return { done: false, reason: 'failed', message };
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('Cancelled Slurm job {0} ({1})', t.job.id, t.job.candidate), 5000);
    return { done: true, job: t.job.id };
  };

  const resubmit = async (arg: unknown) => {
    const refused = refuseUntrusted(jobsRestrictedMessage());
    if (refused) return refused;
    const t = await target(arg);
    if (!('job' in t)) return t;
    const fresh = store.get(t.entry.uri) ?? t.entry;
    if (!fresh.roadmap?.candidates.some((c) => c.id === t.job.candidate)) {
      const message = vscode.l10n.t("The roadmap has no candidate '{0}' any more.", t.job.candidate);
      void vscode.window.showErrorMessage(message);
      return { done: false, reason: 'invalid', message };
    }
    return submitAndSay(services, fresh, [t.job.candidate]);
  };

  const guard = <T>(id: string, body: (arg: unknown) => Promise<T>) => guardCommand(id, log, body);
  services.jobs = { jobs, provider, view, statusBar, diagnostics };
  return [
    jobs,
    provider,
    view,
    statusBar,
    diagnostics,
    jobs.onDidChange(update),
    // A result recorded after a failed job clears its diagnostic.
    index.onDidChange(() => void diagnostics.update()),
    { dispose: () => [ticker, ...following.values()].forEach((t) => t && clearInterval(t)) },
    vscode.commands.registerCommand(Commands.showJobLog, guard(Commands.showJobLog, showLog)),
    vscode.commands.registerCommand(Commands.cancelJob, guard(Commands.cancelJob, cancel)),
    vscode.commands.registerCommand(Commands.resubmitJob, guard(Commands.resubmitJob, resubmit)),
  ];
}

/** What the evaluate commands return for candidates sent to Slurm. */
export interface SubmittedOutcome {
  readonly done: boolean;
  readonly reason?: 'restricted' | 'failed';
  readonly message?: string;
  readonly jobs: readonly JobRecord[];
  readonly errors: readonly { readonly candidate: string; readonly error: string }[];
}

/** Submits the candidates' evaluations as Slurm jobs and says what happened (shows the Jobs view on success). */
export async function submitAndSay(services: Services, entry: RoadmapEntry, candidates: readonly string[]): Promise<SubmittedOutcome> {
  const refused = refuseUntrusted(jobsRestrictedMessage());
  if (refused) return { done: false, reason: 'restricted', message: refused.message ?? '', jobs: [], errors: [] };
  const handle = services.jobs;
  if (!handle) return { done: false, reason: 'failed', message: vscode.l10n.t('the jobs feature is not active'), jobs: [], errors: [] };
  const out = await handle.jobs.submit(entry, candidates);
  if (out.errors.length > 0) {
    const message = out.errors.map((e) => vscode.l10n.t('Cannot submit {0}: {1}', e.candidate, e.error)).join(' ');
    void vscode.window.showErrorMessage(message);
    return { done: out.jobs.length > 0, reason: 'failed', message, ...out };
  }
  const message = vscode.l10n.t('Submitted {0} Slurm job(s): {1}', out.jobs.length, out.jobs.map((j) => `${j.candidate} (${j.id})`).join(', '));
  vscode.window.setStatusBarMessage(`$(server-process) ${message}`, 8000);
  void vscode.commands.executeCommand(`${Views.jobs}.focus`).then(undefined, () => undefined);
  return { done: true, message, ...out };
}
