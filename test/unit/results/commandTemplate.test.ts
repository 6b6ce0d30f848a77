import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { type Outcome, buildArgv, buildShellCommand, commandLine, joinArgv, missingVariables, shellQuote, splitTemplate } from '../../../src/core/results/commandTemplate';

/** The value of a successful outcome; fails the test with the error otherwise. */
function ok<T>(o: Outcome<T>): T {
  if (!o.ok) assert.fail(o.error);
  return o.value;
}

const HOSTILE = `; rm -rf x $(touch pwned) && | \`id\` "a" 'b' \\ > out < in * ? ~ # \n`;

describe('evaluation command template', () => {
  describe('splitTemplate', () => {
    it('splits on whitespace and keeps ${…} for later', () => {
      assert.deepEqual(ok(splitTemplate('  ${python}   evaluate.py --candidate ${candidate}\t--out ${results} ')), [
        '${python}',
        'evaluate.py',
        '--candidate',
        '${candidate}',
        '--out',
        '${results}',
      ]);
    });

    it('single quotes are literal, double quotes take \\" and \\\\, a backslash escapes outside quotes', () => {
      assert.deepEqual(ok(splitTemplate(`a 'b c' "d \\"e\\" \\\\ \\n" f\\ g 'h'"i"j ''`)), ['a', 'b c', 'd "e" \\ \\n', 'f g', 'hij', '']);
    });

    it('reports unterminated quotes and empty commands', () => {
      assert.deepEqual(splitTemplate(`python 'x`), { ok: false, error: "unterminated ' quote at character 8" });
      assert.deepEqual(splitTemplate(`python "x`), { ok: false, error: 'unterminated " quote at character 8' });
      assert.deepEqual(splitTemplate('   '), { ok: false, error: 'the command is empty' });
    });
  });

  describe('buildArgv', () => {
    it('substitutes every variable inside its argument', () => {
      const argv = buildArgv('${python} "${workspaceFolder}/eval.py" --candidate=${candidate} --data ${dataset} --out ${results}', {
        python: '/usr/bin/python3',
        workspaceFolder: '/w s',
        candidate: 'cnn',
        dataset: 'data/d.csv',
        results: 'results/cnn.json',
      });
      assert.deepEqual(ok(argv), ['/usr/bin/python3', '/w s/eval.py', '--candidate=cnn', '--data', 'data/d.csv', '--out', 'results/cnn.json']);
    });

    it('a value full of shell syntax and whitespace stays one argument, byte for byte', () => {
      const argv = buildArgv('${python} e.py ${candidate} --out ${results}', { python: 'py', candidate: HOSTILE, results: `r/${HOSTILE}.json` });
      assert.deepEqual(ok(argv), ['py', 'e.py', HOSTILE, '--out', `r/${HOSTILE}.json`]);
    });

    it('property: any values give the template arguments with the values inside, never more arguments', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (candidate, results) => {
          const argv = buildArgv('${python} e.py --candidate ${candidate} --out=${results}', { python: 'py', candidate, results });
          assert.deepEqual(ok(argv), ['py', 'e.py', '--candidate', candidate, `--out=${results}`]);
        }),
        { numRuns: 500 },
      );
    });

    it('unknown variables and variables without a value are errors', () => {
      assert.deepEqual(missingVariables('${python} ${foo} ${dataset} ${foo}', { python: 'p' }), ['foo', 'dataset']);
      const r = buildArgv('${python} e.py ${epochs}', { python: 'p' });
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.error, /unknown variable \$\{epochs\}/);
      const d = buildArgv('${python} e.py ${dataset}', { python: 'p' });
      assert.match(d.ok ? '' : d.error, /\$\{dataset\} has no value \(set evaluation\.dataset/);
    });
  });

  describe('shell opt-in', () => {
    it('keeps the template as shell text and quotes each value', () => {
      const r = buildShellCommand('${python} e.py --candidate ${candidate} | tee log.txt', { python: '/usr/bin/python3', candidate: "it's; x" });
      assert.equal(ok(r), `/usr/bin/python3 e.py --candidate 'it'\\''s; x' | tee log.txt`);
    });

    it('a real POSIX shell receives each quoted value as one word, nothing run', () => {
      for (const value of [HOSTILE, '', "'", "''\\'", '$HOME', 'a\tb', '-n', '😀 ü']) {
        const cmd = buildShellCommand(`printf '%s|' \${candidate}`, { candidate: value });
        assert.equal(execFileSync('/bin/sh', ['-c', ok(cmd)], { encoding: 'utf8' }), `${value}|`);
      }
    });

    it('shellQuote leaves plain words alone', () => {
      assert.equal(shellQuote('results/cnn.json'), 'results/cnn.json');
      assert.equal(shellQuote(''), "''");
      assert.equal(shellQuote('a b'), "'a b'");
    });
  });

  it('commandLine is the readable command results are stamped with', () => {
    const values = { python: 'python3', candidate: 'cnn', results: 'out dir/cnn.json' };
    assert.equal(ok(commandLine('${python} e.py ${candidate} ${results}', values, false)), "python3 e.py cnn 'out dir/cnn.json'");
    assert.equal(ok(commandLine('${python} e.py ${candidate} ${results}', values, true)), "python3 e.py cnn 'out dir/cnn.json'");
    assert.equal(joinArgv(['a', 'b c']), "a 'b c'");
  });
});
