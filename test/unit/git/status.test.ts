import assert from 'node:assert/strict';
import { parseStatus } from '../../../src/git';

describe('git adapter: parseStatus', () => {
  it('reads the branch headers and every kind of entry of porcelain v2 -z output', () => {
    const out = [
      '# branch.oid 0123456789abcdef0123456789abcdef01234567',
      '# branch.head main',
      '1 M. N... 100644 100644 100644 aaa bbb docs/a b.md',
      '1 .M N... 100644 100644 100644 aaa aaa mlroadmap.yaml',
      '2 R. N... 100644 100644 100644 aaa aaa R100 docs/new.md',
      'docs/old.md',
      'u UU N... 100644 100644 100644 100644 aaa bbb ccc docs/c.md',
      '? docs/d.md',
      '',
    ].join('\0');
    assert.deepEqual(parseStatus(out), {
      oid: '0123456789abcdef0123456789abcdef01234567',
      branch: 'main',
      detached: false,
      untracked: ['docs/d.md'],
      staged: ['docs/a b.md', 'docs/new.md'],
      changed: ['mlroadmap.yaml'],
      unmerged: ['docs/c.md'],
      stagedEntries: [
        { path: 'docs/a b.md', headMode: '100644', headOid: 'aaa', indexMode: '100644', indexOid: 'bbb' },
        { path: 'docs/new.md', origPath: 'docs/old.md', headMode: '100644', headOid: 'aaa', indexMode: '100644', indexOid: 'aaa' },
      ],
      modes: new Map([['mlroadmap.yaml', '100644']]),
    });
  });

  it('a detached HEAD has no branch; a branch without commits has no oid', () => {
    assert.deepEqual(parseStatus('# branch.oid (initial)\0# branch.head (detached)\0'), { detached: true, untracked: [], staged: [], changed: [], unmerged: [], stagedEntries: [], modes: new Map() });
  });
});
