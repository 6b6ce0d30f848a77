// The Roadmap Board's view model: Discovery as its five Design-Thinking stages and Production as its parallel
// tracks, one column each, step cards, the gate and the open findings. Built by the host from the parse and the
// analysis the editor already has; the webview only draws it (and an offline report can embed it as JSON).
import * as l10n from '@vscode/l10n';
import type { GateResult } from '../process/gates';
import type { PhaseProgress } from '../process/progress';
import { STAGE_DESCRIPTIONS } from '../process/stages';
import { ROLE_NAMES, STAGES, STEP_STATUSES, type RoleName, type Roadmap, type RoadmapDiagnostic } from '../roadmap/model';
import type { BoardCard, BoardColumn, BoardFix, BoardModel } from './board-model';

export * from './board-model';

export interface BoardInputs {
  readonly gate?: GateResult;
  readonly progress?: PhaseProgress;
  readonly findings: readonly RoadmapDiagnostic[];
  /** The fixes of a finding, titled. */
  readonly fixesOf: (finding: RoadmapDiagnostic) => readonly BoardFix[];
  readonly readOnly: boolean;
}

export function roleTitle(role: RoleName): string {
  switch (role) {
    case 'business_owners':
      return l10n.t('business owners');
    case 'ml_engineers':
      return l10n.t('ML engineers');
    case 'data_engineers':
      return l10n.t('data engineers');
    case 'software_engineers':
      return l10n.t('software engineers');
  }
}

export function boardModel(roadmap: Roadmap | undefined, inputs: BoardInputs): BoardModel {
  if (!roadmap) {
    return { project: '', phase: 'discovery', statuses: STEP_STATUSES, columns: [], findings: [], owners: [], roles: [], readOnly: inputs.readOnly, problem: l10n.t('The roadmap cannot be read: fix the errors in mlroadmap.yaml (see Problems).') };
  }
  const rolesOf = (owner: string | undefined): RoleName[] => (owner ? ROLE_NAMES.filter((r) => roadmap.roles[r]?.includes(owner)) : []);
  const card = (s: Roadmap['discovery'][number]['steps'][number]): BoardCard => ({
    id: s.id,
    title: s.title ?? s.id,
    status: s.status,
    ...(s.owner !== undefined ? { owner: s.owner } : {}),
    ...(s.notes !== undefined ? { notes: s.notes } : {}),
    roles: rolesOf(s.owner),
  });
  const discovery: BoardColumn[] = STAGES.map((stage) => ({
    key: `discovery:${stage}`,
    phase: 'discovery',
    title: STAGE_DESCRIPTIONS[stage].title,
    subtitle: STAGE_DESCRIPTIONS[stage].purpose,
    cards: roadmap.discovery.filter((d) => d.stage === stage).flatMap((d) => d.steps.map(card)),
  }));
  // A track listed twice is one column.
  const tracks = [...new Set(roadmap.production.map((t) => t.track))];
  const production: BoardColumn[] = tracks.map((track) => {
    const parts = roadmap.production.filter((t) => t.track === track);
    const role = parts.find((t) => t.role)?.role;
    return {
      key: `production:${track}`,
      phase: 'production',
      title: track,
      ...(role ? { role, subtitle: roleTitle(role) } : {}),
      cards: parts.flatMap((t) => t.steps.map(card)),
    };
  });
  const columns = [...discovery, ...production];
  const owners = [...new Set(columns.flatMap((c) => c.cards.flatMap((k) => (k.owner ? [k.owner] : []))))].sort((a, b) => a.localeCompare(b));
  return {
    project: roadmap.project.name ?? '',
    phase: roadmap.project.phase,
    ...(inputs.progress ? { progress: { done: inputs.progress.done, total: inputs.progress.total } } : {}),
    statuses: STEP_STATUSES,
    columns,
    ...(inputs.gate ? { gate: { from: roadmap.project.phase, to: inputs.gate.target, passed: inputs.gate.passed, unmet: inputs.gate.unmet.map((u) => u.message) } } : {}),
    findings: inputs.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: f.range.start.line, fixes: inputs.fixesOf(f) })),
    owners,
    roles: ROLE_NAMES.filter((r) => (roadmap.roles[r]?.length ?? 0) > 0 || columns.some((c) => c.role === r)),
    readOnly: inputs.readOnly,
  };
}

