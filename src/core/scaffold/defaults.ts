// Defaults of a new baseline (Scaffold Baseline and `mlroadmap scaffold`): a candidate id not yet in
// the roadmap, the folder named after it, and whether the roadmap's evaluation command would run the scaffolded entry point.
import * as l10n from '@vscode/l10n';
import { candidateIdFrom, candidateIdProblem } from './candidate-id';
import type { TemplateManifest } from './manifest';

export const BASELINES_FOLDER = 'baselines';

/** `base` when it is free, else `base-2`, `base-3` ... */
export function uniqueCandidateId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The id a template suggests (its manifest's candidate id, else its name), made unique in the roadmap. */
export function suggestedCandidateId(manifest: TemplateManifest, taken: Iterable<string>): string {
  const base = candidateIdFrom(manifest.candidate.id ?? '') ?? candidateIdFrom(manifest.name) ?? 'baseline';
  return uniqueCandidateId(base, taken);
}

/**
 * The id a new baseline gets when none is given: the name of its folder when that makes a valid id
 * not in the roadmap (`baselines/Mon Modèle` gives `mon-modele`), else the template's suggestion.
 */
export function defaultCandidateId(manifest: TemplateManifest, folderName: string | undefined, taken: Iterable<string>): string {
  const used = [...taken];
  const fromFolder = folderName !== undefined ? candidateIdFrom(folderName) : undefined;
  return fromFolder !== undefined && newCandidateIdProblem(fromFolder, used) === undefined ? fromFolder : suggestedCandidateId(manifest, used);
}

/** `baselines/<id>`, relative to the roadmap's folder, with `/`. */
export function defaultBaselineFolder(candidate: string): string {
  return `${BASELINES_FOLDER}/${candidate}`;
}

/** Why `id` cannot name a new candidate of a roadmap holding `taken`, or undefined when it can. */
export function newCandidateIdProblem(id: string, taken: Iterable<string>): string | undefined {
  const problem = candidateIdProblem(id);
  if (problem) return problem;
  return new Set(taken).has(id) ? l10n.t("the roadmap already has a candidate '{0}'", id) : undefined;
}

/**
 * Whether an evaluation command template runs `script` (the entry point's path relative to the
 * roadmap's folder, with `/`) for `candidate`: `${candidate}` filled in, `./` and quotes ignored.
 */
export function commandRunsScript(command: string, candidate: string, script: string): boolean {
  const filled = command.split('${candidate}').join(candidate);
  const path = script.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s"'])(\\./)?${path}($|[\\s"'])`).test(filled);
}
