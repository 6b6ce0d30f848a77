import { strict as assert } from 'node:assert';
import { lastLines, pythonTracebacks } from '../../../src/core/jobs/log';

describe('job log reading', () => {
  it('keeps the last non-empty lines, cut to a width', () => {
    assert.deepEqual(lastLines('a\n\nb\nc\n\n', 2), ['b', 'c']);
    assert.deepEqual(lastLines('x'.repeat(10), 1, 5), ['xxxx…']);
    assert.deepEqual(lastLines(''), []);
  });

  it('finds the innermost frame of the user code with its exception line', () => {
    const log = [
      'loading data',
      'Traceback (most recent call last):',
      '  File "/work/demo/evaluate.py", line 40, in <module>',
      '    main()',
      '  File "/work/demo/evaluate.py", line 12, in main',
      '    raise ValueError("no such candidate")',
      '  File "/usr/lib/python3/dist-packages/sklearn/base.py", line 7, in fit',
      '    x',
      'ValueError: no such candidate',
      'done',
    ].join('\n');
    assert.deepEqual(pythonTracebacks(log), [{ file: '/work/demo/evaluate.py', line: 12, message: 'ValueError: no such candidate' }]);
  });

  it('reads every traceback, CRLF lines too, and nothing from text that only looks like one', () => {
    const one = 'Traceback (most recent call last):\r\n  File "a.py", line 3, in f\r\n    f()\r\nKeyboardInterrupt\r\n';
    const two = 'Traceback (most recent call last):\n  File "<frozen runpy>", line 1, in run\nSystemExit: 2\n';
    assert.deepEqual(pythonTracebacks(one + two), [
      { file: 'a.py', line: 3, message: 'KeyboardInterrupt' },
      { file: '<frozen runpy>', line: 1, message: 'SystemExit: 2' },
    ]);
    assert.deepEqual(pythonTracebacks('ValueError: not in a traceback\n  File "x.py", line 1\n'), []);
  });
});
