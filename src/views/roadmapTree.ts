import * as vscode from 'vscode';
import { PHASES, type Phase, type Roadmap, type Step } from '../core/roadmap/model';
import { STAGE_DESCRIPTIONS, USUAL_TRACKS } from '../core/process/stages';
import { phaseTitle, stepsProgress } from '../core/process/progress';
import type { RoadmapAnalysisResult } from '../workspace/analysis';
import { groupIcon, stepIcon } from './icons';
import { joinDefined, md } from './format';
import { contextValue, entryKey, headRange, type ViewNode } from './viewNode';
import { focusItemView } from './focus';

function counted(steps: readonly Step[]): string {
  const { done, total } = stepsProgress(steps);
  return `${done}/${total}`;
}

function stepNode(key: string, parent: string, step: Step): ViewNode {
  return {
    id: `${key}/step/${parent}/${step.id}`,
    label: step.title ?? step.id,
    description: joinDefined([step.owner, step.status !== 'todo' && step.status !== 'done' && step.status]),
    tooltip: joinDefined(
      [`**${md(step.title ?? step.id)}** \`${step.id}\``, vscode.l10n.t('Status: {0}', step.status), step.owner && vscode.l10n.t('Owner: {0}', md(step.owner)), step.notes && md(step.notes)],
      '\n\n',
    ),
    icon: stepIcon(step.status),
    contextValue: contextValue('step', step.range),
    roadmap: key,
    range: headRange(step.range),
    itemId: step.id,
  };
}

function discoveryChildren(key: string, roadmap: Roadmap, current: boolean): ViewNode[] {
  return roadmap.discovery.map((stage) => {
    const info = STAGE_DESCRIPTIONS[stage.stage];
    const active = current && stage.steps.some((s) => s.status === 'doing');
    return {
      id: `${key}/stage/${stage.stage}`,
      label: info.title,
      description: counted(stage.steps),
      tooltip: joinDefined([`**${md(info.title)}**`, md(info.purpose)], '\n\n'),
      icon: groupIcon(stage.steps.map((s) => s.status)),
      roadmap: key,
      range: headRange(stage.range),
      expanded: active,
      children: stage.steps.map((s) => stepNode(key, stage.stage, s)),
    };
  });
}

function productionChildren(key: string, roadmap: Roadmap, current: boolean): ViewNode[] {
  return roadmap.production.map((track) => ({
    id: `${key}/track/${track.track}`,
    label: track.track,
    description: joinDefined([track.role?.replace(/_/g, ' '), counted(track.steps)]),
    tooltip: joinDefined(
      [
        `**${md(track.track)}**`,
        USUAL_TRACKS.find((t) => t.id === track.track)?.purpose,
        track.role && vscode.l10n.t('Role: {0}', md(track.role.replace(/_/g, ' '))),
      ],
      '\n\n',
    ),
    icon: groupIcon(track.steps.map((s) => s.status)),
    roadmap: key,
    range: headRange(track.range),
    expanded: current,
    children: track.steps.map((s) => stepNode(key, track.track, s)),
  }));
}

function phaseNode(key: string, roadmap: Roadmap, phase: Phase): ViewNode {
  const current = roadmap.project.phase === phase;
  const passed = PHASES.indexOf(phase) < PHASES.indexOf(roadmap.project.phase);
  const steps = phase === 'discovery' ? roadmap.discovery.flatMap((s) => s.steps) : roadmap.production.flatMap((t) => t.steps);
  const children = phase === 'discovery' ? discoveryChildren(key, roadmap, current) : productionChildren(key, roadmap, current);
  return {
    id: `${key}/phase/${phase}`,
    label: phaseTitle(phase),
    description: joinDefined([current && vscode.l10n.t('current'), steps.length > 0 && counted(steps)]),
    tooltip: current ? vscode.l10n.t('The roadmap is in {0}.', phaseTitle(phase)) : passed ? vscode.l10n.t('Passed') : vscode.l10n.t('Not started'),
    icon: current ? { id: 'debug-stackframe', color: 'charts.yellow' } : passed ? stepIcon('done') : { id: 'circle-large-outline' },
    contextValue: 'phase',
    expanded: current,
    children,
  };
}

/** The Focus section, then phase -> Discovery stage or Production track -> step. */
export function buildRoadmapNodes(result: RoadmapAnalysisResult): ViewNode[] {
  const roadmap = result.roadmap;
  if (!roadmap) return [];
  const key = entryKey(result.entry);
  const focusChildren = result.focus.map((item, i) => focusItemView(key, item, i, roadmap.project.phase));
  const focus: ViewNode = {
    id: `${key}/focus`,
    label: vscode.l10n.t('Focus'),
    description: focusChildren.length ? vscode.l10n.t('{0} next', focusChildren.length) : vscode.l10n.t('nothing open'),
    tooltip: vscode.l10n.t('What the roadmap calls for now, most important first: open pitfall findings, then the next steps in stage order.'),
    icon: { id: 'target' },
    contextValue: 'focus',
    expanded: true,
    children: focusChildren,
  };
  const phases = (['discovery', 'production'] as const).map((p) => phaseNode(key, roadmap, p));
  if (roadmap.project.phase === 'shipped') {
    phases.push({ id: `${key}/phase/shipped`, label: vscode.l10n.t('Shipped'), description: vscode.l10n.t('current'), icon: stepIcon('done') });
  }
  return [focus, ...phases];
}
