// The keyed debounce, driven by a fake clock: what runs, when, and what a cancel or a newer schedule drops.
import assert from 'node:assert/strict';
import { KeyedDebouncer } from '../../../src/core/debounce';
import { FakeClock } from '../support/fakeClock';

describe('KeyedDebouncer', () => {
  let clock: FakeClock;
  let debounce: KeyedDebouncer;
  let ran: string[];

  beforeEach(() => {
    clock = new FakeClock();
    debounce = new KeyedDebouncer(clock);
    ran = [];
  });

  it('runs an action once its delay has passed, not before', () => {
    debounce.schedule('a', 300, () => ran.push(`a@${clock.now}`));
    clock.advance(299);
    assert.deepEqual(ran, []);
    assert.equal(debounce.isPending('a'), true);
    clock.advance(1);
    assert.deepEqual(ran, ['a@300']);
    assert.equal(debounce.isPending('a'), false);
  });

  it('a newer schedule for the same key replaces the waiting action and restarts its delay', () => {
    debounce.schedule('a', 300, () => ran.push('first'));
    clock.advance(200);
    debounce.schedule('a', 300, () => ran.push(`second@${clock.now}`));
    clock.advance(1000);
    assert.deepEqual(ran, ['second@500']);
    assert.equal(clock.waiting, 0, 'the replaced timer was cleared');
  });

  it('keys are independent', () => {
    debounce.schedule('a', 100, () => ran.push('a'));
    debounce.schedule('b', 50, () => ran.push('b'));
    debounce.schedule('a', 100, () => ran.push('a again'));
    clock.advance(100);
    assert.deepEqual(ran, ['b', 'a again']);
  });

  it('cancel drops the waiting action of one key and says whether there was one', () => {
    debounce.schedule('a', 100, () => ran.push('a'));
    debounce.schedule('b', 100, () => ran.push('b'));
    assert.equal(debounce.cancel('a'), true);
    assert.equal(debounce.cancel('a'), false);
    assert.equal(debounce.cancel('never'), false);
    clock.advance(100);
    assert.deepEqual(ran, ['b']);
  });

  it('a delay of 0 (or less) still runs later, never during schedule', () => {
    debounce.schedule('a', 0, () => ran.push('zero'));
    debounce.schedule('b', -5, () => ran.push('negative'));
    assert.deepEqual(ran, []);
    clock.advance(0);
    assert.deepEqual(ran, ['zero', 'negative']);
  });

  it('an action may schedule its own key again', () => {
    let rounds = 0;
    const again = () => {
      ran.push(`round ${++rounds}`);
      if (rounds < 3) debounce.schedule('a', 10, again);
    };
    debounce.schedule('a', 10, again);
    clock.advance(100);
    assert.deepEqual(ran, ['round 1', 'round 2', 'round 3']);
    assert.equal(debounce.isPending('a'), false);
  });

  it('dispose drops every waiting action', () => {
    debounce.schedule('a', 10, () => ran.push('a'));
    debounce.schedule('b', 20, () => ran.push('b'));
    debounce.dispose();
    clock.advance(100);
    assert.deepEqual(ran, []);
    assert.equal(clock.waiting, 0);
  });
});
