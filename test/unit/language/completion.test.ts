import * as assert from 'node:assert/strict';
import { completionsAt, keySnippet } from '../../../src/core/roadmap/completion';
import { ROADMAP_FORMAT } from '../../../src/core/roadmap/format';
import { CANDIDATE_STATUSES, STEP_STATUSES, VERDICTS } from '../../../src/core/roadmap/model';
import { SAMPLE, cursor, inSample } from './sample';

const labels = (marked: string) => {
  const { source, offset } = cursor(marked);
  return completionsAt(source, offset).map((p) => p.label);
};
const sampleWithCursor = (needle: string, delta: number) => SAMPLE.slice(0, SAMPLE.indexOf(needle) + delta) + '|' + SAMPLE.slice(SAMPLE.indexOf(needle) + delta);

describe('completionsAt', () => {
  it('offers literature ids with their titles in based_on, without the ones already listed', () => {
    const { source, offset } = inSample('[graham02]', 1);
    const proposals = completionsAt(source, offset);
    assert.deepEqual(proposals.map((p) => p.label), ['graham02', 'bert19'], 'the id at the cursor is the one being replaced');
    assert.equal(proposals[0].detail, 'A plan for spam');
    assert.match(proposals[0].documentation ?? '', /Naive Bayes on tokens/);
    assert.equal(proposals[0].kind, 'reference');
    assert.equal(proposals[0].symbol, 'literature');
    const added = cursor(sampleWithCursor('[graham02]', 9).replace('graham02|', 'graham02, |'));
    assert.deepEqual(completionsAt(added.source, added.offset).map((p) => p.label), ['bert19']);
  });

  it('offers based_on ids as a flow list when the value is empty', () => {
    const { source, offset } = cursor('literature:\n  - id: a\ncandidates:\n  - id: x\n    based_on: |\n');
    const [proposal] = completionsAt(source, offset);
    assert.deepEqual([proposal.label, proposal.insertText], ['a', '[a]']);
  });

  it('offers candidate ids for a reality check and only baseline candidates for evaluation.baseline', () => {
    assert.deepEqual(labels(sampleWithCursor('candidate: nb', 11)), ['nb', 'bert', 'rules'], 'baselines last');
    assert.deepEqual(labels(sampleWithCursor('baseline: rules', 10)), ['rules']);
  });

  it('offers a numeric-looking candidate id as written', () => {
    assert.deepEqual(labels('candidates:\n  - id: 007\nreality_checks:\n  - id: r\n    candidate: |\n'), ['007']);
  });

  it('offers metric ids as benefit.expected keys, without the ones present', () => {
    const onKey = cursor(sampleWithCursor('recall: 0.85', 0));
    assert.deepEqual(completionsAt(onKey.source, onKey.offset).map((p) => [p.label, p.insertText]), [['recall', 'recall'], ['complaints', 'complaints']], 'on a key: every metric, the name only');
    const added = cursor(sampleWithCursor('recall: 0.85', 12).replace('0.85|', '0.85, |'));
    assert.deepEqual(completionsAt(added.source, added.offset).map((p) => p.label), ['complaints']);
    const { source, offset } = cursor('metrics:\n  - id: m1\n  - id: m2\ncandidates:\n  - id: x\n    benefit:\n      expected:\n        m|\n');
    const proposals = completionsAt(source, offset);
    assert.deepEqual(proposals.map((p) => [p.label, p.insertText]), [['m1', 'm1: '], ['m2', 'm2: ']]);
    assert.equal(source.text.slice(proposals[0].start, proposals[0].end), 'm');
  });

  it('offers the allowed values of statuses, verdicts and other closed sets, with the key description', () => {
    assert.deepEqual(labels(sampleWithCursor('status: prototyping', 8)), [...CANDIDATE_STATUSES]);
    assert.deepEqual(labels(sampleWithCursor('status: done', 8)), [...STEP_STATUSES]);
    assert.deepEqual(labels(sampleWithCursor('verdict: failed', 9)), [...VERDICTS]);
    assert.deepEqual(labels('metrics:\n  - id: a\n    kind: |\n'), ['offline', 'online', 'business']);
    assert.deepEqual(labels('candidates:\n  - id: a\n    cost: { risk: | }\n'), ['low', 'medium', 'high']);
    assert.deepEqual(labels('project:\n  phase: |\n'), ['discovery', 'production', 'shipped']);
    assert.deepEqual(labels('discovery:\n  - stage: |\n'), ['understand', 'define', 'ideate', 'prototype', 'test']);
    assert.deepEqual(labels('production:\n  - track: t\n    role: |\n'), ['business_owners', 'ml_engineers', 'data_engineers', 'software_engineers']);
    assert.deepEqual(labels('candidates:\n  - id: a\n    baseline: |\n'), ['true', 'false']);
    const { source, offset } = cursor('candidates:\n  - id: a\n    status: pro|\n');
    const proposals = completionsAt(source, offset);
    const prototyping = proposals.find((p) => p.label === 'prototyping');
    assert.match(prototyping?.documentation ?? '', /Where the candidate stands/);
    assert.match(prototyping?.documentation ?? '', /\*\*`prototyping`\*\*/);
    assert.equal(source.text.slice(proposals[0].start, proposals[0].end), 'pro');
  });

  it('offers the keys valid at the place that are not there yet, required first, with snippets', () => {
    const { source, offset } = cursor('candidates:\n  - id: a\n    title: A\n    |\n');
    const proposals = completionsAt(source, offset);
    const names = proposals.map((p) => p.label);
    assert.ok(!names.includes('id') && !names.includes('title'), names.join());
    assert.deepEqual(names.slice(0, 3), ['baseline', 'based_on', 'novel_because']);
    const status = proposals.find((p) => p.label === 'status');
    assert.equal(status?.insertText, 'status: ${1|idea,shortlisted,prototyping,evaluated,rejected,chosen|}');
    assert.equal(status?.snippet, true);
    assert.match(status?.documentation ?? '', /Where the candidate stands/);
    assert.equal(proposals.find((p) => p.label === 'cost')?.insertText, 'cost:\n\t$0');
    assert.equal(proposals.find((p) => p.label === 'based_on')?.insertText, 'based_on: [$0]');
    const newItem = cursor('candidates:\n  - id: a\n  - |\n');
    const sorted = [...completionsAt(newItem.source, newItem.offset)].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0].label, 'id', 'the required id comes first');
  });

  it('offers top-level keys not yet present, and keys inside a flow mapping without line breaks', () => {
    const top = labels(sampleWithCursor('acknowledged:', 0).replace('|', '|\n'));
    assert.deepEqual(top, ['roles', 'production', 'decisions', 'settings', 'overrides']);
    const { source, offset } = cursor('candidates:\n  - id: a\n    cost: { effort_days: 1, | }\n');
    const proposals = completionsAt(source, offset);
    assert.deepEqual(proposals.map((p) => [p.label, p.insertText]), [['compute_hours', 'compute_hours: $0'], ['risk', 'risk: ${1|low,medium,high|}']]);
  });

  it('offers the executor, parallel and slurm keys of the evaluation and a candidate, and the executor values', () => {
    const evaluation = labels('evaluation:\n  command: python e.py\n  |\n');
    for (const key of ['executor', 'parallel', 'slurm']) assert.ok(evaluation.includes(key), evaluation.join());
    const candidate = cursor('candidates:\n  - id: a\n    |\n');
    const proposals = completionsAt(candidate.source, candidate.offset);
    assert.equal(proposals.find((p) => p.label === 'executor')?.insertText, 'executor: ${1|local,slurm|}');
    assert.equal(proposals.find((p) => p.label === 'slurm')?.insertText, 'slurm:\n\t$0');
    assert.deepEqual(labels('evaluation:\n  executor: |\n'), ['local', 'slurm']);
    assert.deepEqual(labels('candidates:\n  - id: a\n    executor: |\n'), ['local', 'slurm']);
    assert.deepEqual(labels('evaluation:\n  slurm:\n    gpus: 1\n    |\n'), ['partition', 'cpus', 'mem', 'time', 'account', 'setup', 'extra']);
    const flow = cursor('candidates:\n  - id: a\n    slurm: { gpus: 2, | }\n');
    const extra = completionsAt(flow.source, flow.offset).find((p) => p.label === 'extra');
    assert.equal(extra?.insertText, 'extra: [$0]');
    assert.match(extra?.documentation ?? '', /added after the evaluation/);
  });

  it('replaces only the name of a key that already has its colon', () => {
    const { source, offset } = cursor('candidates:\n  - id: a\n    sta|tus: idea\n');
    const status = completionsAt(source, offset).find((p) => p.label === 'status');
    assert.deepEqual([status?.insertText, status?.snippet], ['status', false]);
    assert.equal(source.text.slice(status?.start, status?.end), 'status');
  });

  it('offers nothing in free text or where the format knows nothing', () => {
    assert.deepEqual(labels(sampleWithCursor('title: BERT', 8)), []);
    assert.deepEqual(labels('nope:\n  deeper: |\n'), []);
    assert.deepEqual(labels(':::{[[\n|'), []);
  });
});

describe('keySnippet', () => {
  it('starts a list of mappings with the item\'s required key', () => {
    assert.equal(keySnippet('literature', ROADMAP_FORMAT.fields.literature, false), 'literature:\n\t- id: $0');
    assert.equal(keySnippet('discovery', ROADMAP_FORMAT.fields.discovery, false), 'discovery:\n\t- stage: $0');
    assert.equal(keySnippet('version', ROADMAP_FORMAT.fields.version, false), 'version: $0');
  });
});
