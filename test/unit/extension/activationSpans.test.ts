import assert from 'node:assert/strict';
import { ActivationSpans } from '../../../src/activationSpans';

/** Keeps the thread busy for about `ms`. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('ActivationSpans: the extension code on the way to the first view', () => {
  it('sums the outermost spans once: a span inside another counts as a part of it, not again', () => {
    const spans = new ActivationSpans(performance.now());
    spans.time('notify', () => {
      busy(5);
      spans.time('analysis', () => busy(5));
    });
    spans.time('parse', () => busy(5));
    const { total, spans: parts } = spans.finish();
    const notify = parts.get('notify')!;
    const analysis = parts.get('analysis')!;
    assert.ok(notify >= 10 && analysis >= 5 && analysis < notify, `notify ${notify} ms, analysis ${analysis} ms`);
    assert.ok(Math.abs(total - (notify + parts.get('parse')!)) < 1e-6, `total ${total} ms is notify + parse, without the analysis again`);
  });

  it('a span begun at an earlier time (activate) counts from then, and spans begun within it are its parts', () => {
    const started = performance.now();
    busy(5);
    const spans = new ActivationSpans(started);
    const endActivate = spans.begin('activate', started);
    spans.time('analysis', () => busy(2));
    endActivate();
    const { total, spans: parts } = spans.finish();
    assert.ok(parts.get('activate')! >= 7, `activate ${parts.get('activate')} ms`);
    assert.equal(total, parts.get('activate'));
  });

  it('a wait (the file read) is timed but is not extension code: not in the total', async () => {
    const spans = new ActivationSpans(performance.now());
    const value = await spans.wait('readWait', new Promise<number>((ok) => setTimeout(() => ok(42), 20)));
    spans.time('read', () => busy(1));
    const { total, spans: parts } = spans.finish();
    assert.equal(value, 42);
    assert.ok(parts.get('readWait')! >= 15, `readWait ${parts.get('readWait')} ms`);
    assert.equal(total, parts.get('read'));
  });

  it('stops measuring once finished: later spans still run and return, and change nothing', () => {
    const spans = new ActivationSpans(performance.now());
    spans.time('parse', () => busy(1));
    const first = spans.finish();
    const total = first.total;
    assert.equal(spans.time('parse', () => 'ran'), 'ran');
    spans.begin('activate')();
    assert.equal(spans.finish().total, total);
    assert.equal(spans.finish().spans.has('activate'), false);
  });
});
