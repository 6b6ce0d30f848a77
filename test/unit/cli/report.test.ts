// `mlroadmap report`: its options, the Markdown report on stdout, the HTML page's CSP (nothing from anywhere, the one
// script and stylesheet by hash) and a missing page bundle said plainly. The page itself is opened in Chromium by
// test/unit/report/html-browser.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { runReport } from '../../../src/cli/report';

const DEMO = path.resolve(__dirname, '../../../examples/digits');

describe('mlroadmap report (CLI)', () => {
  let tmp = '';
  beforeEach(() => (tmp = mkdtempSync(path.join(tmpdir(), 'mlroadmap-report-cli-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('--format md --out - prints the Markdown report', async () => {
    const io = memoryIo(DEMO);
    assert.equal(await main(['report', '--format', 'md', '--out', '-'], io), 0);
    assert.match(io.stdout.join(''), /^# Discovery report: Digit recognizer\n/);
  });

  it('usage errors exit 2: no --out, an unknown format, --since without a ref, two roadmaps', async () => {
    for (const args of [[], ['--out', 'r.html', '--format', 'pdf'], ['--out', 'r.html', '--since'], ['--out', 'r.html', '--since='], ['a.yaml', 'b.yaml', '--out', 'r.html']]) {
      const io = memoryIo(DEMO);
      assert.equal(await runReport(args, io), 2, args.join(' '));
      assert.match(io.stderr.join(''), /^mlroadmap report: /);
    }
    const io = memoryIo(tmp);
    assert.equal(await runReport(['--out', 'r.md'], io), 2);
    assert.match(io.stderr.join(''), /cannot read mlroadmap\.yaml: no such file/);
  });

  it('a .md file name chooses Markdown; HTML inlines the bundle under a CSP of hashes only', async () => {
    const io = memoryIo(DEMO);
    assert.equal(await runReport(['--out', path.join(tmp, 'r.md')], io), 0);
    assert.match(readFileSync(path.join(tmp, 'r.md'), 'utf8'), /^# Discovery report/);

    const assets = path.join(tmp, 'assets');
    rmSync(assets, { recursive: true, force: true });
    mkdirSync(assets);
    writeFileSync(path.join(assets, 'report.js'), 'document.body.dataset.drawn = "yes";');
    writeFileSync(path.join(assets, 'report.css'), 'body { margin: 0 }');
    assert.equal(await runReport(['--out', path.join(tmp, 'r.html')], memoryIo(DEMO), { assetsDir: assets }), 0);
    const html = readFileSync(path.join(tmp, 'r.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    assert.equal(csp, `default-src 'none'; script-src ${hash('document.body.dataset.drawn = "yes";')}; style-src ${hash('body { margin: 0 }')}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    assert.ok(html.includes('<script>document.body.dataset.drawn = "yes";</script>'));

    const missing = memoryIo(DEMO);
    assert.equal(await runReport(['--out', path.join(tmp, 'x.html')], missing, { assetsDir: path.join(tmp, 'none') }), 2);
    assert.match(missing.stderr.join(''), /the report's page bundle is missing/);
  });
});
