import * as vscode from 'vscode';
import type { RoadmapAnalysis } from '../workspace/analysis';
import { Commands } from '../ids';
import { md } from './format';
import { phaseSummary, phaseTitle } from '../core/process/progress';

/** What the status bar item shows, computed from the analysis of the roadmap in focus. */
export interface StatusBarContent {
  readonly text: string;
  readonly tooltip: string;
  readonly blocked: boolean;
}

export function statusBarContent(analysis: RoadmapAnalysis): StatusBarContent | undefined {
  const focused = analysis.focused();
  const roadmap = focused?.roadmap;
  if (!focused || !roadmap) return undefined;
  const phase = phaseTitle(roadmap.project.phase);
  const summary = phaseSummary(roadmap, focused.progress);
  const progress = focused.progress ? ` ${focused.progress.done}/${focused.progress.total}` : '';
  const blocked = focused.blockers.length > 0;
  const lines = [
    `**${md(roadmap.project.name ?? focused.entry.label)}** — ${md(vscode.l10n.t('{0} phase', phase))}${progress ? ` (${vscode.l10n.t('{0} steps done', progress.trim())})` : ''}`,
  ];
  if (blocked) lines.push(vscode.l10n.t('Blocked:'), ...focused.blockers.map((b) => `- ${md(b)}`));
  else if (focused.gate?.passed) lines.push(vscode.l10n.t('The gate to {0} is open.', phaseTitle(focused.gate.target)));
  else if (focused.gate) lines.push(vscode.l10n.t('Still ahead for {0}:', phaseTitle(focused.gate.target)), ...focused.gate.unmet.map((u) => `- ${md(u.message)}`));
  lines.push(vscode.l10n.t('Click to open the ML Roadmap view.'));
  return { text: `${blocked ? '$(warning)' : '$(beaker)'} ${summary}`, tooltip: lines.join('\n\n'), blocked };
}

/** Left status bar item: the current phase and its progress, a warning while something blocks the roadmap. */
export class RoadmapStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analysis: RoadmapAnalysis) {
    this.item = vscode.window.createStatusBarItem('mlroadmap.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('ML Roadmap');
    this.item.command = { command: Commands.showBoard, title: vscode.l10n.t('Show the Roadmap Board') };
    this.disposables.push(
      this.item,
      analysis.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const content = statusBarContent(this.analysis);
    if (!content) {
      this.item.hide();
      return;
    }
    this.item.text = content.text;
    const tooltip = new vscode.MarkdownString(content.tooltip, true);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: content.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
