import * as assert from 'node:assert/strict';
import { focusAsMarkdown, sprintFocus } from '../../../src/core/process/focus';
import type { RoadmapDiagnostic } from '../../../src/core/roadmap/model';
import { checkPitfalls } from '../../../src/core/pitfalls/check';
import { at, healthyRoadmap, okContext, stage, step, track } from '../pitfalls/builder';

function finding(code: string, severity: RoadmapDiagnostic['severity'], target?: string): RoadmapDiagnostic {
  return { code, severity, message: `${code} message`, range: at(3), ...(target ? { target } : {}) } as RoadmapDiagnostic;
}

const DISCOVERY = [
  stage('prototype', [step('proto', 'todo'), step('proto2', 'doing', { owner: 'Lee' })]),
  stage('understand', [step('problem', 'done'), step('data', 'blocked', { notes: 'waiting for access' }), step('lit', 'skipped'), step('users', 'todo', { owner: 'Dana' })]),
  stage('test', [step('demo', 'doing')]),
];

describe('sprint focus', () => {
  it('lists pitfall findings first, errors before warnings, then steps', () => {
    const findings = [
      finding('pitfall/too-incremental', 'warning', 'forest'),
      finding('yaml/syntax', 'error'),
      finding('pitfall/faulty-evaluation', 'error'),
    ];
    const items = sprintFocus(healthyRoadmap(), findings);
    assert.deepEqual(items.slice(0, 2).map((i) => [i.kind, i.code, i.title]), [
      ['pitfall', 'pitfall/faulty-evaluation', 'Faulty evaluation'],
      ['pitfall', 'pitfall/too-incremental', 'Too incremental: forest'],
    ]);
    assert.equal(items[1].target, 'forest');
    assert.deepEqual(items[0].range, at(3));
    assert.deepEqual(items.slice(2).map((i) => i.stepId), ['prototype-best', 'demo']);
  });

  it('puts doing before todo, each in stage order, skipping done and skipped, showing blocked with its state', () => {
    const items = sprintFocus(healthyRoadmap({ discovery: DISCOVERY }), []);
    assert.deepEqual(items.map((i) => i.stepId), ['proto2', 'demo', 'data', 'users', 'proto']);
    assert.equal(items[0].owner, 'Lee');
    assert.equal(items[0].detail, 'Prototype · doing');
    assert.equal(items[2].detail, 'Understand · blocked: waiting for access');
    assert.equal(items[2].status, 'blocked');
    assert.equal(items[3].group, 'understand');
  });

  it('names each finding by what to do, so two findings of one pitfall read as two tasks', () => {
    const r = healthyRoadmap({ evaluation: { range: at(0) } });
    const items = sprintFocus(r, checkPitfalls(r, okContext()));
    const faulty = items.filter((i) => i.code === 'pitfall/faulty-evaluation');
    assert.deepEqual(
      faulty.map((i) => [i.title, i.pitfall]),
      [
        ['Configure the evaluation command', 'Faulty evaluation'],
        ['Name the evaluation dataset', 'Faulty evaluation'],
        ["Say where the results of 'majority' are written", 'Faulty evaluation'],
      ],
    );
    assert.match(focusAsMarkdown(faulty, r), /\*\*Name the evaluation dataset\*\* \(Faulty evaluation, error\): No `evaluation.dataset`/);
  });

  it('in Production takes the first open step of each track, in parallel', () => {
    const r = healthyRoadmap({
      project: { ...healthyRoadmap().project, phase: 'production' },
      production: [
        track('data', [step('ingest', 'done'), step('clean', 'todo'), step('version', 'todo')]),
        track('serving', [step('api', 'skipped'), step('canary', 'doing'), step('scale', 'todo')]),
        track('monitoring', [step('alerts', 'done')]),
      ],
    });
    const items = sprintFocus(r, []);
    assert.deepEqual(items.map((i) => [i.stepId, i.detail]), [
      ['canary', 'serving · doing'],
      ['clean', 'data · todo'],
    ]);
  });

  it('has no steps once shipped', () => {
    const r = healthyRoadmap({ project: { ...healthyRoadmap().project, phase: 'shipped' } });
    assert.deepEqual(sprintFocus(r, []), []);
  });

  it('keeps at most the limit, 7 by default', () => {
    const many = Array.from({ length: 9 }, (_, i) => finding('pitfall/one-architecture', 'warning', `c${i}`));
    assert.equal(sprintFocus(healthyRoadmap(), many).length, 7);
    assert.equal(sprintFocus(healthyRoadmap(), many, { limit: 3 }).length, 3);
    assert.equal(sprintFocus(healthyRoadmap({ discovery: DISCOVERY }), [], { limit: 2 }).map((i) => i.stepId).join(), 'proto2,demo');
  });

  it('renders a Markdown checklist with the project, the phase and owners', () => {
    const r = healthyRoadmap({ discovery: DISCOVERY });
    const md = focusAsMarkdown(sprintFocus(r, [finding('pitfall/faulty-evaluation', 'error')], { limit: 3 }), r);
    assert.equal(
      md,
      [
        '## Focus: Digits (Discovery)',
        '',
        '- [ ] **Faulty evaluation** (error): pitfall/faulty-evaluation message',
        '- [ ] Step proto2: Prototype · doing (@Lee)',
        '- [ ] Step demo: Test · doing',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing is open', () => {
    const r = healthyRoadmap({ project: { ...healthyRoadmap().project, phase: 'shipped', name: 'Line\nbreak' } });
    assert.match(focusAsMarkdown([], r), /^## Focus: Line break \(Shipped\)\n\nNothing open/);
  });
});
