import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanDocument } from '../../src/passwordless/engine';
import { fileNames } from '../fixtures/passwordless/harness';
import { storageKey } from '../fixtures/passwordless/model';

/** Generous: catches catastrophic backtracking (seconds to hours), not ordinary speed, which bench/ measures. */
const boundMs = 3000;
const files = Object.values(fileNames);

/** Pieces that wake every detector: callee names, anchors, quotes, brackets, comment openers, separators. */
const fragments = [
  'new ServiceBusClient(', 'BlobServiceClient.fromConnectionString(', 'from_connection_string(', '.connectionString(', 'azblob.NewClientFromConnectionString(',
  'AccountKey=', 'SharedAccessKey=', 'Secret=', 'Password=', 'sig=', '?sv=2022-11-02&', 'Q~', '==', '.azconfig.io', '.database.windows.net;',
  'postgres://u:p@', '.postgres.database.azure.com', '"', "'", '`', '(', ')', '{', '}', '[', ']', ';', '=', ':', '\n', '//', '/*', '#', ' ', 'keyless-ignore',
  storageKey, 'A', 'x', '\\', '${', '%', '<', '>', '\u0000', '\uFFFD', '😀',
];

async function scanWithinBound(text: string, fileName: string): Promise<void> {
  const started = performance.now();
  const findings = await scanDocument({ text, fileName });
  const elapsed = performance.now() - started;
  assert.ok(Array.isArray(findings));
  for (const f of findings) assert.ok(f.startOffset >= 0 && f.endOffset <= text.length && f.startOffset <= f.endOffset);
  assert.ok(elapsed < boundMs, `${fileName}: ${text.length} chars took ${elapsed.toFixed(0)} ms`);
}

describe('the engine on random and adversarial input', () => {
  it('never throws on arbitrary text in any language', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...files), scanWithinBound),
      { numRuns: 300 },
    );
  });

  it('never throws on soups of detector anchors and syntax', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...fragments), { maxLength: 400 }).map((parts) => parts.join('')), fc.constantFrom(...files), scanWithinBound),
      { numRuns: 300 },
    );
  });

  it('stays within the bound on deep nesting', async () => {
    for (const file of files) {
      await scanWithinBound(`${'new ServiceBusClient('.repeat(5000)}${')'.repeat(5000)}`, file);
      await scanWithinBound(`x = ${'{"a":['.repeat(20000)}`, file);
    }
  });

  it('stays within the bound on 1 MB single lines', async () => {
    const line = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
    const cases = [
      line('a'),
      line('A'), // one long base64 run
      line('=='),
      line('AccountKey=AAAA;'),
      line('"'), // unbalanced quotes
      line('Q~'),
      line(`new ServiceBusClient(cs); `),
      line('sig=&'),
      line('postgres.database.azure.com@:'),
    ];
    for (const text of cases) for (const file of ['a.ts', 'a.py', '.env', 'appsettings.json', 'application.yml']) await scanWithinBound(text, file);
  });

  it('survives binary bytes read as text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 50_000 }), fc.constantFrom(...files), (bytes, file) => scanWithinBound(Buffer.from(bytes).toString('utf8'), file)),
      { numRuns: 40 },
    );
  });
});
