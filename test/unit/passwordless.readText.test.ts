import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readText } from '../../src/cli/readText';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'keyless-read-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('reading files for a scan through one reused buffer', () => {
  it('reads what readFileSync reads: multi-byte characters, a BOM, an empty file', () => {
    assert.equal(readText(write('a.ts', '\uFEFFconst s = "höhe — 東京 🚀";\n')), '\uFEFFconst s = "höhe — 東京 🚀";\n');
    assert.equal(readText(write('empty.ts', '')), '');
  });

  it('keeps nothing of a longer earlier file in a shorter later one', () => {
    assert.equal(readText(write('long.ts', 'x'.repeat(5000))), 'x'.repeat(5000));
    assert.equal(readText(write('short.ts', 'ab')), 'ab');
  });

  it('reads files at and past the buffer size whole', () => {
    for (const size of [1024 * 1024 - 1, 1024 * 1024, 3 * 1024 * 1024 + 7]) {
      const content = Buffer.alloc(size, 'abcdefgh');
      assert.equal(readText(write(`big-${size}.js`, content)), content.toString('utf8'));
    }
  });

  it('throws as readFileSync does for a missing file', () => {
    assert.throws(() => readText(join(dir, 'gone.ts')), /ENOENT/);
  });
});
