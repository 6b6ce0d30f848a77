import * as assert from 'node:assert/strict';
import { ROADMAP_FORMAT } from '../../../src/core/roadmap/format';
import { escapeMarkdown, hoverAt } from '../../../src/core/roadmap/hover-text';
import { readSource } from '../../../src/core/roadmap/navigation';
import { SAMPLE, inSample } from './sample';

const hover = (needle: string, delta: number) => {
  const { source, offset } = inSample(needle, delta);
  return hoverAt(source, offset);
};

describe('hoverAt', () => {
  it('shows what a key means, from the format description, with its values and default', () => {
    const h = hover('status: prototyping', 2);
    assert.ok(h);
    assert.equal(SAMPLE.slice(h.start, h.end), 'status');
    assert.match(h.markdown, /^`candidates\[\]\.status`/);
    const description = ROADMAP_FORMAT.fields.candidates.kind === 'array' && ROADMAP_FORMAT.fields.candidates.items.kind === 'object' ? ROADMAP_FORMAT.fields.candidates.items.fields.status.description : '';
    assert.ok(h.markdown.includes(escapeMarkdown(description)), h.markdown);
    assert.match(h.markdown, /Values: `idea` · `shortlisted`/);
    assert.match(h.markdown, /Default: `idea`/);
    assert.match(hover('takeaway:', 2)?.markdown ?? '', /What it teaches for this project/);
    assert.match(hover('expected:', 2)?.markdown ?? '', /Keys: A metric id/);
  });

  it('on a Slurm option, shows its meaning and the form its value must have', () => {
    const text = 'evaluation:\n  executor: slurm\n  slurm:\n    mem: 32G\n    time: "02:00:00"\n    extra: [--constraint=a100]\n';
    const at = (needle: string, delta: number) => hoverAt(readSource(text), text.indexOf(needle) + delta);
    const mem = at('mem:', 1);
    assert.ok(mem);
    assert.equal(text.slice(mem.start, mem.end), 'mem');
    assert.match(mem.markdown, /^`evaluation\.slurm\.mem` — text/);
    assert.match(mem.markdown, /Form: a memory size/);
    assert.match(at('time:', 1)?.markdown ?? '', /Form: a Slurm time: MM, MM:SS, HH:MM:SS/);
    assert.match(at('extra:', 1)?.markdown ?? '', /Each item: an sbatch option on one line, starting with \\-/);
    const executor = at('slurm\n', 2);
    assert.ok(executor);
    assert.match(executor.markdown, /Values: `local` · \*\*`slurm`\*\*/);
  });

  it('on a status value, shows the allowed values with the current one in bold', () => {
    const h = hover('status: blocked', 10);
    assert.ok(h);
    assert.equal(SAMPLE.slice(h.start, h.end), 'blocked');
    assert.match(h.markdown, /\*\*`blocked`\*\*/);
    assert.match(h.markdown, /`done`/);
  });

  it('on a based_on id, shows the literature title, takeaway and link', () => {
    const h = hover('[graham02]', 3);
    assert.ok(h);
    assert.equal(SAMPLE.slice(h.start, h.end), 'graham02');
    assert.match(h.markdown, /\*\*graham02\*\* — literature entry/);
    assert.match(h.markdown, /\*A plan for spam\*/);
    assert.match(h.markdown, /Naive Bayes on tokens catches most spam\\\./);
    assert.match(h.markdown, /<http:\/\/www\.paulgraham\.com\/spam\.html>/);
  });

  it('on a candidate reference and a metric key, shows the candidate and the metric', () => {
    assert.match(hover('baseline: rules', 11)?.markdown ?? '', /\*\*rules\*\* — candidate · baseline · status `evaluated`/);
    assert.match(hover('candidate: nb', 11)?.markdown ?? '', /\*Naive Bayes\*/);
    const metric = hover('recall: 0.85', 1)?.markdown ?? '';
    assert.match(metric, /\*\*recall\*\* — metric · kind `offline` · goal `maximize` · target `0\.9`/);
    assert.match(metric, /Missed spam costs support time/);
  });

  it('on a definition, tells how often the id is used', () => {
    assert.match(hover('- id: graham02', 8)?.markdown ?? '', /1 reference in this roadmap/);
    assert.match(hover('- id: bert19', 8)?.markdown ?? '', /1 reference in this roadmap/);
    assert.match(hover('id: complaints', 5)?.markdown ?? '', /0 references in this roadmap/);
  });

  it('says so when a reference names no id', () => {
    const source = readSource('candidates:\n  - id: a\n    based_on: [nowhere]\n');
    assert.equal(hoverAt(source, source.text.indexOf('nowhere') + 1)?.markdown, 'No literature entry `nowhere` in this roadmap.');
  });

  it('escapes text from the file', () => {
    const source = readSource('literature:\n  - id: x\n    title: "*bold* [link](javascript:alert(1)) <b>"\ncandidates:\n  - { id: c, based_on: [x] }\n');
    const h = hoverAt(source, source.text.lastIndexOf('[x]') + 1);
    assert.ok(h);
    assert.ok(h.markdown.includes('\\*bold\\* \\[link\\]\\(javascript:alert\\(1\\)\\) \\<b\\>'), h.markdown);
  });

  it('shows nothing on free text, unknown keys or outside the document', () => {
    assert.equal(hover('title: BERT', 8), undefined);
    const source = readSource('nope: 1\n');
    assert.equal(hoverAt(source, 1), undefined);
    assert.equal(hoverAt(source, 100), undefined);
  });
});
