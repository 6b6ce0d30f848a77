// The one rule for links from the data (Compare's links, its contract, the Open Link command).
import assert from 'node:assert/strict';
import { isFollowableLink, linkProblem, quotable } from '../../../src/core/links';

describe('links from the data', () => {
  it('follows plain http(s) links only', () => {
    for (const url of ['https://example.com/paper.pdf', 'http://yann.lecun.com/exdb/publis/pdf/lecun-98.pdf', 'HTTPS://EXAMPLE.COM/a?b=c#d', 'https://example.com/%E2%80%AE']) {
      assert.equal(linkProblem(url), undefined, url);
    }
  });

  it('refuses other schemes, bidirectional controls, whitespace, invisible characters and very long links', () => {
    const refused = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'vscode://ms-python.python/x',
      'https:/example.com',
      'https:///path',
      'https://example.com/\u202Efdp.exe',
      'https://example.com/\u2066x\u2069',
      'https://exa\u200Fmple.com/',
      'https://example.com/\u061C',
      'https://example.com/\u200Bx',
      'https://example.com/a b',
      'https://example.com/\n',
      'https://example.com/\u0000',
      `https://example.com/${'a'.repeat(2_000)}`,
    ];
    for (const url of refused) assert.equal(isFollowableLink(url), false, JSON.stringify(url));
    assert.match(linkProblem('https://example.com/\u202E') ?? '', /bidirectional/);
    assert.match(linkProblem('javascript:x') ?? '', /only http and https/);
  });

  it('quotes a link in a message with its controls written out and cut short', () => {
    assert.equal(quotable('https://example.com/\u202Efdp.exe'), 'https://example.com/<U+202E>fdp.exe');
    assert.equal(quotable('a\u0000b\u2067c'), 'a<U+0000>b<U+2067>c');
    assert.equal(quotable('x'.repeat(300)).length, 201);
  });
});
