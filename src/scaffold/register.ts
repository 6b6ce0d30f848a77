// Registering a scaffolded baseline in mlroadmap.yaml: the candidate and, when the roadmap has none,
// the evaluation block, computed by the scaffold core on the document's current text and applied as
// one undoable edit (so an open editor with unsaved changes stays consistent).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { commandRunsScript } from '../core/scaffold/defaults';
import type { TemplateManifest } from '../core/scaffold/manifest';
import { registerBaselineInRoadmap } from '../core/scaffold/register';
import { candidateEntry, evaluationEntry, portableRelative, type EvaluationEntry } from '../core/scaffold/registration';
import { applyRoadmapEdits } from '../workspace/applyEdits';
import type { RoadmapEntry } from '../workspace/roadmapStore';

export type RegisterOutcome =
  | { readonly ok: true; readonly candidateAdded: boolean; readonly evaluationAdded: boolean; readonly evaluation: EvaluationEntry }
  | { readonly ok: false; readonly message: string };

export interface RegisterRequest {
  readonly entry: RoadmapEntry;
  readonly manifest: TemplateManifest;
  readonly candidate: string;
  /** Absolute paths. */
  readonly targetDir: string;
  readonly datasetPath: string;
}

export async function registerInRoadmap(request: RegisterRequest): Promise<RegisterOutcome> {
  const { entry, manifest, candidate } = request;
  const evaluation = evaluationEntry({
    roadmapDir: entry.root.fsPath,
    targetDir: request.targetDir,
    datasetPath: request.datasetPath,
    main: manifest.main,
    candidate,
    baseline: manifest.baseline,
  });
  let added = { candidateAdded: false, evaluationAdded: false };
  const applied = await applyRoadmapEdits(
    entry.uri,
    (text) => {
      const registration = registerBaselineInRoadmap(text, candidateEntry(manifest, candidate), evaluation);
      if (!registration.ok) return { error: registration.error };
      added = { candidateAdded: registration.candidateAdded, evaluationAdded: registration.evaluationAdded };
      return registration.edit ? [registration.edit] : [];
    },
    vscode.l10n.t('Scaffold baseline {0}', candidate),
  );
  return applied.ok ? { ok: true, ...added, evaluation } : { ok: false, message: applied.message };
}

/** Whether the roadmap's evaluation command (kept as it was) runs the scaffolded entry point of `candidate`. */
export function evaluationRunsBaseline(entry: RoadmapEntry, candidate: string, targetDir: string, main: string): boolean {
  const command = entry.roadmap?.evaluation?.command;
  if (!command) return false;
  const script = portableRelative(entry.root.fsPath, path.join(targetDir, ...main.split('/')));
  return commandRunsScript(command, candidate, script);
}
