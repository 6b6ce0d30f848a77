// Registering a scaffolded baseline in the roadmap text: the candidate (unless it is there already)
// and, when the roadmap has no evaluation command, the evaluation block (an existing block without a command, as
// Initialize Roadmap writes it when it found only a dataset, gets the command and keeps what it holds). Comment-preserving
// edits from the roadmap core. The starter's proposed dumb baseline, untouched, is replaced by a scaffolded baseline.
import * as l10n from '@vscode/l10n';
import { STARTER_BASELINE_ID, STARTER_BASELINE_LINES } from '../process/starter';
import { diffEdit, editSequence, type Change } from '../roadmap/edit-sequence';
import { addCandidate, applyEdits, setEvaluation } from '../roadmap/edits';
import type { TextEdit } from '../roadmap/model';
import { parseRoadmap } from '../roadmap/parse';
import type { CandidateEntry, EvaluationEntry } from './registration';

export type Registration =
  | {
      readonly ok: true;
      /** The roadmap text after the change (equal to the input when nothing was added). */
      readonly text: string;
      /** One edit of the original text covering every change; absent when nothing changed. */
      readonly edit?: TextEdit;
      readonly candidateAdded: boolean;
      readonly evaluationAdded: boolean;
    }
  | { readonly ok: false; readonly error: string };

export function registerBaselineInRoadmap(text: string, candidate: CandidateEntry, evaluation: EvaluationEntry): Registration {
  const { roadmap } = parseRoadmap(text);
  if (!roadmap) return { ok: false, error: l10n.t('the roadmap is not a YAML mapping') };
  const candidateAdded = !roadmap.candidates.some((c) => c.id === candidate.id);
  const current = roadmap.evaluation;
  const evaluationAdded = current?.command === undefined;
  const changes: Change[] = [];
  if (candidateAdded) changes.push((t) => addCandidate(t, { id: candidate.id, title: candidate.title, baseline: candidate.baseline, status: candidate.status }));
  if (evaluationAdded) {
    // A block without a command: the command and the results pattern are added, a dataset already named is kept, and
    // a scaffolded baseline becomes the evaluation's baseline (the one named before had no command to run it).
    const fields: EvaluationEntry = current
      ? {
          command: evaluation.command,
          dataset: current.dataset ?? evaluation.dataset,
          results: current.results ?? evaluation.results,
          ...(evaluation.baseline !== undefined ? { baseline: evaluation.baseline } : current.baseline !== undefined ? { baseline: current.baseline } : {}),
        }
      : evaluation;
    changes.push((t) => setEvaluation(t, fields));
    // The starter's proposed `dumb-baseline`, untouched, gives way to the scaffolded baseline that replaces it as the
    // evaluation's baseline (left in, Evaluate All would run the command for a candidate that has no code).
    if (evaluation.baseline !== undefined && current?.baseline === STARTER_BASELINE_ID && evaluation.baseline !== STARTER_BASELINE_ID) {
      changes.push((t) => {
        const lines = STARTER_BASELINE_LINES.join('\n') + '\n';
        return t.includes(lines) ? { ok: true, edits: [diffEdit(t, t.replace(lines, ''))] } : { ok: true, edits: [] };
      });
    }
  }
  const result = editSequence(text, changes);
  if (!result.ok) return { ok: false, error: result.error };
  const [edit] = result.edits;
  return {
    ok: true,
    text: applyEdits(text, result.edits),
    ...(edit ? { edit } : {}),
    candidateAdded,
    evaluationAdded,
  };
}
