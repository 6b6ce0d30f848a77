import * as vscode from 'vscode';
import { describeJob } from '../core/jobs/state';
import { jobKey, type JobRecord, type JobState } from '../core/jobs/types';
import { joinDefined, md } from '../views/format';
import { entryKey, headRange, type NodeIcon, type ViewNode } from '../views/viewNode';
import type { RoadmapEntry } from '../workspace/roadmapStore';

const STATE_ICONS: Record<JobState, NodeIcon> = {
  pending: { id: 'clock' },
  running: { id: 'sync~spin', color: 'charts.blue' },
  completed: { id: 'pass-filled', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash' },
  timeout: { id: 'watch', color: 'testing.iconFailed' },
  unknown: { id: 'question' },
};

export function jobIcon(state: JobState): NodeIcon {
  return STATE_ICONS[state];
}

/** `job.active` (Cancel), `job.ended` (Re-submit); both show the log. */
function jobContext(job: JobRecord): string {
  return job.state === 'pending' || job.state === 'running' ? 'job.active' : 'job.ended';
}

function gatheredText(job: JobRecord): string | undefined {
  if (!job.gathered) return undefined;
  return job.gathered.recorded ? vscode.l10n.t('result recorded') : job.gathered.error ? vscode.l10n.t('not recorded: {0}', job.gathered.error) : undefined;
}

/** One node per job, newest first: the candidate, its state in words, the job id. Selecting it opens the job's log. */
export function buildJobNodes(entry: RoadmapEntry, jobs: readonly JobRecord[], now: Date): ViewNode[] {
  const key = entryKey(entry);
  const root = entry.root.fsPath;
  return [...jobs].reverse().map((job) => {
    const state = describeJob(job, now);
    const candidate = entry.roadmap?.candidates.find((c) => c.id === job.candidate);
    const started = job.state !== 'pending';
    return {
      id: `${key}/job/${jobKey(job)}`,
      label: candidate?.title ? `${job.candidate} — ${candidate.title}` : job.candidate,
      description: joinDefined([state, vscode.l10n.t('job {0}', job.id)]),
      tooltip: joinDefined(
        [
          `**${md(job.candidate)}** · ${md(vscode.l10n.t('Slurm job {0}', job.id))}`,
          md(state),
          gatheredText(job) && md(gatheredText(job)!),
          `${vscode.l10n.t('Submitted')} ${md(job.submitted)}${job.git ? ` · ${vscode.l10n.t('commit')} ${md(job.git.commit.slice(0, 8))}${job.git.dirty ? ` (${vscode.l10n.t('with uncommitted changes')})` : ''}` : ''}`,
          '`' + job.command.replace(/`/g, "'") + '`',
          md(vscode.l10n.t('Log: {0}', job.log)),
        ],
        '\n\n',
      ),
      icon: jobIcon(job.state),
      contextValue: jobContext(job),
      roadmap: entry.uri.toString(),
      itemId: job.id,
      ...(started ? { file: vscode.Uri.joinPath(vscode.Uri.file(root), job.log).fsPath } : candidate ? { range: headRange(candidate.range) } : {}),
    };
  });
}
