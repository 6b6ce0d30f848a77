// Registering a scaffolded baseline in the roadmap text: the candidate (unless it is there already)
// and, when the roadmap has none, the evaluation block. Comment-preserving edits from the roadmap core.
import { editSequence, type Change } from '../roadmap/edit-sequence';
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
  if (!roadmap) return { ok: false, error: 'the roadmap is not a YAML mapping' };
  const candidateAdded = !roadmap.candidates.some((c) => c.id === candidate.id);
  const evaluationAdded = roadmap.evaluation === undefined;
  const changes: Change[] = [];
  if (candidateAdded) changes.push((t) => addCandidate(t, { id: candidate.id, title: candidate.title, baseline: candidate.baseline, status: candidate.status }));
  if (evaluationAdded) changes.push((t) => setEvaluation(t, evaluation));
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
