// Scaffold Baseline speaks the display language where it tells the user why a baseline cannot be planned (an id, a
// dataset, a target column, a task, a template's variables and placeholders) and never in the code it writes.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planBaseline } from '../../../src/core/scaffold/baseline';
import { candidateIdProblem } from '../../../src/core/scaffold/candidate-id';
import { readCsvHeader } from '../../../src/core/scaffold/csv-header';
import { readCsvSample, targetProblem } from '../../../src/core/scaffold/dataset';
import { newCandidateIdProblem } from '../../../src/core/scaffold/defaults';
import { parseManifest, type TemplateManifest } from '../../../src/core/scaffold/manifest';
import { registerBaselineInRoadmap } from '../../../src/core/scaffold/register';
import { renderFile } from '../../../src/core/scaffold/render';
import { findTemplate, listTemplates, loadTemplate, type LoadedTemplate } from '../../../src/core/scaffold/templates';
import { resolveValues } from '../../../src/core/scaffold/values';
import { BUILTIN_TEMPLATES, DIGITS_CSV, tempDir } from '../scaffold/helpers';
import { untranslated, withPseudoL10n } from '../support/pseudoL10n';

function manifest(raw: Record<string, unknown>): TemplateManifest {
  const parsed = parseManifest({ name: 'team', files: ['evaluate.py'], ...raw });
  assert.ok(parsed.manifest, parsed.errors.join('; '));
  return parsed.manifest;
}

function template(m: TemplateManifest, text: string): LoadedTemplate {
  return { info: { name: m.name, source: 'workspace', dir: '/nowhere', manifest: m }, files: new Map([['evaluate.py', text]]) };
}

/** A thrown error's message. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  assert.fail('expected an error');
}

describe('l10n: the scaffold core', () => {
  it('every reason a baseline cannot be planned is translated; the files it plans are not', async () => {
    const dir = tempDir('l10n-scaffold');
    const texts: string[] = [];
    let planned = '';
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'blank-header.csv'), '\n\n');
    writeFileSync(join(dir, 'quote.csv'), 'a,"b\n1,2\n');
    writeFileSync(join(dir, 'one-line.csv'), 'x'.repeat(4 * 1024 * 1024 + 70 * 1024));
    writeFileSync(join(dir, 'few.csv'), 'x,kind\n1,cat\n');
    writeFileSync(join(dir, 'text.csv'), 'x,kind\n1,cat\n2,dog\n3,cat\n');
    mkdirSync(join(dir, 'team'));
    await withPseudoL10n(() => {
      const builtin = loadTemplate(findTemplate(listTemplates(BUILTIN_TEMPLATES), 'dumb')!);
      const plan = (over: Partial<Parameters<typeof planBaseline>[0]>) => planBaseline({ template: builtin, targetDir: join(dir, 'baselines', 'x'), datasetPath: DIGITS_CSV, target: 'label', ...over });
      const outcomes = [
        plan({ candidate: '' }),
        plan({ candidate: 'Bad Id' }),
        plan({ datasetPath: join(dir, 'no-such.csv') }),
        plan({ datasetPath: join(dir, 'empty.csv') }),
        plan({ task: 'clustering' as never }),
        plan({ target: 'digit' }),
        plan({ datasetPath: join(dir, 'few.csv'), target: 'kind' }),
        plan({ datasetPath: join(dir, 'text.csv'), target: 'kind', task: 'regression' }),
        planBaseline({ template: template(manifest({ tasks: ['regression'] }), ''), targetDir: dir, datasetPath: DIGITS_CSV, target: 'label', task: 'classification' }),
        planBaseline({ template: template(manifest({}), 'X = {{nope}}\n'), targetDir: dir, datasetPath: DIGITS_CSV, target: 'label' }),
        planBaseline({
          template: template(
            manifest({
              variables: [
                { name: 'owner', description: 'who runs it' },
                { name: 'other' },
                { name: 'epochs', type: 'integer' },
                { name: 'tag', type: 'id' },
                { name: 'mode', type: 'choice', choices: ['fast', 'slow'] },
              ],
            }),
            '',
          ),
          targetDir: dir,
          datasetPath: DIGITS_CSV,
          target: 'label',
          answers: { epochs: 'many', tag: 'Not An Id', mode: 'medium' },
        }),
      ];
      for (const o of outcomes) {
        assert.equal(o.ok, false);
        if (!o.ok) texts.push(...o.errors);
      }
      const ok = plan({});
      assert.ok(ok.ok);
      if (ok.ok) planned = ok.files.map((f) => f.content).join('\n');

      const vars = [
        { name: 'name', type: 'string' as const },
        { name: 'seed', type: 'integer' as const },
      ];
      for (const [text, mode] of [
        ['{{nope}}', 'python'],
        ['{{name|weird}}', 'python'],
        ['{{name|text}}', 'python'],
        ['{{seed}} {{missing}}', 'text'],
      ] as const) {
        texts.push(thrown(() => renderFile('evaluate.py', text, mode, text.includes('missing') ? [...vars, { name: 'missing', type: 'string' }] : vars, { name: 'x', seed: 1 })));
      }
      texts.push(thrown(() => renderFile('a.py', '{{x}}', 'python', [], {})));
      texts.push(...resolveValues(manifest({ variables: [{ name: 'a' }] }), {}).errors);

      texts.push(candidateIdProblem('') ?? '', candidateIdProblem('Bad Id') ?? '', newCandidateIdProblem('cnn', ['cnn']) ?? '');
      for (const file of ['empty.csv', 'blank-header.csv', 'quote.csv', 'one-line.csv']) texts.push(thrown(() => readCsvHeader(join(dir, file))));
      for (const file of ['empty.csv', 'quote.csv']) texts.push(thrown(() => readCsvSample(join(dir, file))));
      texts.push(targetProblem(readCsvSample(join(dir, 'few.csv')), 'nope', 'classification') ?? '');
      texts.push(thrown(() => loadTemplate({ name: 'team', source: 'workspace', dir: join(dir, 'team'), manifest: manifest({}) })));

      const registration = registerBaselineInRoadmap('- not a roadmap\n', { id: 'x', title: 'X', baseline: true, status: 'prototyping' }, { command: 'c', dataset: 'd', results: 'r' });
      if (!registration.ok) texts.push(registration.error);
    });
    rmSync(dir, { recursive: true, force: true });
    const all = texts.filter((t) => t !== '');
    assert.deepEqual(untranslated(all), []);
    assert.ok(new Set(all).size >= 28, `only ${new Set(all).size} distinct texts checked`);
    assert.ok(planned.includes('CANDIDATE = "x"') && !planned.includes('⟦'), planned);
  });
});
