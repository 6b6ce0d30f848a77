import assert from 'node:assert/strict';
import type { TemplateVariable } from '../../../src/core/scaffold/manifest';
import { RenderError, renderFile } from '../../../src/core/scaffold/render';

const VARIABLES: TemplateVariable[] = [
  { name: 'candidate', type: 'id' },
  { name: 'dataset', type: 'path' },
  { name: 'target', type: 'string' },
  { name: 'seed', type: 'integer' },
];
const VALUES = { candidate: 'majority', dataset: '../my data/"x".csv', target: "it's", seed: 7 };

describe('scaffold: rendering files', () => {
  it('puts values into Python files as literals, integers as numbers', () => {
    const out = renderFile('evaluate.py', 'DATASET = {{dataset}}\nTARGET = {{ target }}\nSEED = {{seed}}\n', 'python', VARIABLES, VALUES);
    assert.equal(out, 'DATASET = "../my data/\\"x\\".csv"\nTARGET = "it\'s"\nSEED = 7\n');
  });

  it('puts values into other files as text, and shell-quotes on request', () => {
    const out = renderFile('README.md', '# {{candidate}} on `{{dataset}}`\nrun --dataset {{dataset|shell}}', 'text', VARIABLES, VALUES);
    assert.equal(out, `# majority on \`../my data/"x".csv\`\nrun --dataset '../my data/"x".csv'`);
  });

  it('allows raw text in Python only for values that cannot break the code', () => {
    assert.equal(renderFile('a.py', '# results/{{candidate|text}}.json, seed {{seed|text}}', 'python', VARIABLES, VALUES), '# results/majority.json, seed 7');
    assert.throws(() => renderFile('a.py', '# {{target|text}}', 'python', VARIABLES, VALUES), /could break the Python code/);
  });

  it('reports unknown variables and filters with the file and line', () => {
    assert.throws(
      () => renderFile('evaluate.py', 'x = 1\nY = {{nope}}\n', 'python', VARIABLES, VALUES),
      (e: unknown) => e instanceof RenderError && e.file === 'evaluate.py' && e.line === 2 && /names no variable/.test(e.message),
    );
    assert.throws(() => renderFile('a.md', '{{target|upper}}', 'text', VARIABLES, VALUES), /unknown filter 'upper'/);
  });

  it('copies files marked copy untouched', () => {
    const text = 'f"{{nope}}"';
    assert.equal(renderFile('a.py', text, 'copy', VARIABLES, VALUES), text);
  });
});
