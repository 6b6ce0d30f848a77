// Candidate ids name result files and folders and appear in commands: keep them to a safe alphabet.
import * as l10n from '@vscode/l10n';

export const CANDIDATE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export function isValidCandidateId(id: string): boolean {
  return CANDIDATE_ID_PATTERN.test(id);
}

/** Why `id` is not a valid candidate id, or undefined when it is. */
export function candidateIdProblem(id: string): string | undefined {
  if (id === '') return l10n.t('the candidate id is empty');
  if (isValidCandidateId(id)) return undefined;
  return l10n.t("'{0}' is not a valid candidate id: use lower-case letters, digits, '-' and '_', starting with a letter or digit", id);
}

/** A valid candidate id made from a free name (folder name, title), or undefined when nothing usable is left. */
export function candidateIdFrom(name: string): string | undefined {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '');
  return isValidCandidateId(id) ? id : undefined;
}
