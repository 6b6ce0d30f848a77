// A candidate whose latest Slurm job failed carries a diagnostic in mlroadmap.yaml (exit code and the log's last
// lines), and the Python traceback in the job's log shows in Problems at the line that raised, as a local run's does.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lastLines, pythonTracebacks } from '../core/jobs/log';
import { describeJob } from '../core/jobs/state';
import type { JobRecord } from '../core/jobs/types';
import { toRange } from '../language/roadmapSources';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import type { RoadmapJobs } from './jobs';
import { headRange } from '../views/viewNode';

const FAILED = new Set(['failed', 'timeout']);
/** Only the end of a log is read: the failure is there. */
const TAIL_BYTES = 64 * 1024;

async function readTail(file: string): Promise<string> {
  try {
    const handle = await fsp.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/**
 * The latest job of each candidate, when it failed or timed out and no result of that candidate was recorded after it
 * (a later evaluation, here or on the cluster, supersedes the failure).
 */
function failedLatest(jobs: readonly JobRecord[], recordedAt: (candidate: string) => string | undefined): JobRecord[] {
  const latest = new Map<string, JobRecord>();
  for (const j of jobs) latest.set(j.candidate, j);
  return [...latest.values()].filter((j) => {
    if (!FAILED.has(j.state)) return false;
    const at = recordedAt(j.candidate);
    return at === undefined || Date.parse(at) < Date.parse(j.ended ?? j.submitted);
  });
}

export class JobDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mlroadmap-jobs');
  private readonly owned = new Map<string, vscode.Uri[]>();
  private generation = 0;

  constructor(
    private readonly jobs: RoadmapJobs,
    /** When the candidate's latest result counted by the pipeline was recorded, if it has one. */
    private readonly recordedAt: (entry: RoadmapEntry, candidate: string) => string | undefined,
  ) {}

  async update(): Promise<void> {
    const generation = ++this.generation;
    const next = new Map<string, Map<string, vscode.Diagnostic[]>>();
    for (const { entry, jobs } of this.jobs.all()) next.set(entry.uri.toString(), await this.diagnosticsOf(entry, jobs));
    if (generation !== this.generation) return;
    for (const [key, uris] of this.owned) if (!next.has(key)) for (const u of uris) this.collection.delete(u);
    for (const [key, byFile] of next) {
      for (const u of this.owned.get(key) ?? []) if (!byFile.has(u.toString())) this.collection.delete(u);
      const uris = [...byFile.keys()].map((k) => vscode.Uri.parse(k));
      for (const u of uris) this.collection.set(u, byFile.get(u.toString()));
      this.owned.set(key, uris);
    }
  }

  private async diagnosticsOf(entry: RoadmapEntry, jobs: readonly JobRecord[]): Promise<Map<string, vscode.Diagnostic[]>> {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => byFile.set(uri.toString(), [...(byFile.get(uri.toString()) ?? []), d]);
    const root = entry.root.fsPath;
    for (const job of failedLatest(jobs, (candidate) => this.recordedAt(entry, candidate))) {
      const log = path.resolve(root, job.log);
      const text = await readTail(log);
      const tail = lastLines(text, 5);
      const candidate = entry.roadmap?.candidates.find((c) => c.id === job.candidate);
      const message = vscode.l10n.t("Slurm job {0} of '{1}' {2}.", job.id, job.candidate, describeJob(job, new Date())) + (tail.length > 0 ? `\n${tail.join('\n')}` : '');
      const onCandidate = new vscode.Diagnostic(
        candidate ? toRange(headRange(candidate.range)) : new vscode.Range(0, 0, 0, 0),
        message,
        vscode.DiagnosticSeverity.Error,
      );
      onCandidate.source = 'ML Roadmap';
      onCandidate.code = 'evaluation/job-failed';
      onCandidate.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(log), new vscode.Position(0, 0)), vscode.l10n.t('the job log'))];
      add(entry.uri, onCandidate);
      for (const tb of pythonTracebacks(text)) {
        const file = path.resolve(root, tb.file);
        if (tb.file.startsWith('<')) continue;
        const d = new vscode.Diagnostic(new vscode.Range(tb.line - 1, 0, tb.line - 1, Number.MAX_SAFE_INTEGER), tb.message, vscode.DiagnosticSeverity.Error);
        d.source = 'python';
        d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(log), new vscode.Position(0, 0)), vscode.l10n.t('Slurm job {0} of {1}', job.id, job.candidate))];
        add(vscode.Uri.file(file), d);
      }
    }
    return byFile;
  }

  dispose(): void {
    this.collection.dispose();
  }
}
