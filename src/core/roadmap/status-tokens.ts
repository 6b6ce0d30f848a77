// Statuses and verdicts classified by meaning (done, in progress, blocked, not started, set aside; a good or
// a bad verdict), for semantic highlighting of mlroadmap.yaml.
import { specAt, walkScalars, type RoadmapSource } from './navigation';

/** Token types, in legend order; package.json `semanticTokenTypes` declares each. */
export const STATUS_TOKEN_TYPES = [
  'mlrStatusDone',
  'mlrStatusActive',
  'mlrStatusBlocked',
  'mlrStatusPending',
  'mlrStatusSkipped',
  'mlrVerdictGood',
  'mlrVerdictBad',
] as const;
export type StatusTokenType = (typeof STATUS_TOKEN_TYPES)[number];

const STEP: Readonly<Record<string, StatusTokenType>> = {
  todo: 'mlrStatusPending',
  doing: 'mlrStatusActive',
  done: 'mlrStatusDone',
  blocked: 'mlrStatusBlocked',
  skipped: 'mlrStatusSkipped',
};

const CANDIDATE: Readonly<Record<string, StatusTokenType>> = {
  idea: 'mlrStatusPending',
  shortlisted: 'mlrStatusPending',
  prototyping: 'mlrStatusActive',
  evaluated: 'mlrStatusDone',
  chosen: 'mlrVerdictGood',
  rejected: 'mlrStatusSkipped',
};

const VERDICT: Readonly<Record<string, StatusTokenType>> = {
  planned: 'mlrStatusPending',
  promising: 'mlrVerdictGood',
  passed: 'mlrVerdictGood',
  failed: 'mlrVerdictBad',
};

/** Which classification applies to the values of each key pattern. */
const CLASSIFIED: Readonly<Record<string, Readonly<Record<string, StatusTokenType>>>> = {
  'discovery[].steps[].status': STEP,
  'production[].steps[].status': STEP,
  'candidates[].status': CANDIDATE,
  'reality_checks[].verdict': VERDICT,
};

export interface StatusToken {
  /** 0-based line and character of the value. */
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: StatusTokenType;
}

/** Every status and verdict value with a known meaning, in document order. Unknown values get no token. */
export function statusTokens(source: RoadmapSource): StatusToken[] {
  const tokens: StatusToken[] = [];
  walkScalars(source.doc.contents, (scalar, path, on) => {
    if (on !== 'value' || !scalar.range || typeof scalar.value !== 'string') return;
    const table = CLASSIFIED[specAt(path).pattern];
    const type = table && Object.prototype.hasOwnProperty.call(table, scalar.value) ? table[scalar.value] : undefined;
    if (!type) return;
    const [start, end] = scalar.range;
    const from = source.positions.positionAt(start);
    const to = source.positions.positionAt(end);
    if (from.line !== to.line || end <= start) return;
    tokens.push({ line: from.line, character: from.character, length: end - start, type });
  });
  return tokens.sort((a, b) => a.line - b.line || a.character - b.character);
}
