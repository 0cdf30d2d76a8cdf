import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanDocument } from '../../src/passwordless/engine';
import { rememberedWindowsOf } from '../../src/passwordless/scanner/documentTrees';
import { parserFor } from '../../src/passwordless/scanner/grammars';
import { parseWindows } from '../../src/passwordless/scanner/parseWindows';
import { literalHits, planFor } from '../../src/passwordless/scanner/prefilter';
import { editBetween, ReusableTrees } from '../../src/passwordless/scanner/reusableTrees';
import { SecretDocument } from '../../src/passwordless/scanner/secretDocument';
import { applyEdit, lensDocument, typingEdits } from '../../bench/lensDocument';

const filler = (i: number) => `export function total${i}(values: number[]): number {\n  const kept = values.filter((v) => v > ${i});\n  return kept.reduce((a, b) => a + b, 0);\n}\n`;
const padding = (from: number, count: number) => Array.from({ length: count }, (_, i) => filler(from + i)).join('\n');
const findingsText = [
  'const storage = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!);',
  'export async function publish(order: Order): Promise<void> {\n  const bus = new ServiceBusClient(cs);\n  await bus.close();\n}',
  'const blobs = new BlobServiceClient(url, new DefaultAzureCredential());',
  'const settings = { storage: "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=' + 'QmVuY2hGYWtlS2V5'.repeat(5) + 'QmVuY2hGYWtl==;EndpointSuffix=core.windows.net" };',
].join('\n\n');
const document = `${padding(0, 30)}\n${findingsText}\n${padding(100, 30)}`;

/** Findings compare as JSON (order and every field). */
const json = (value: unknown) => JSON.stringify(value);

describe('secret documents answer the same from a local look and from the whole-document index', () => {
  it('gives equal segments, lines and word tests for the first questions and the later ones', () => {
    const alphabet = ['a', 'B', '=', ';', '"', "'", '`', '<', '>', '\n', '\r', ' ', 'accountkey=', 'devstoreaccount1', 'x'.repeat(700)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (parts, picks) => {
        const text = parts.join('');
        const offsets = picks.map((p) => (text.length === 0 ? 0 : p % text.length));
        const local = new SecretDocument(text);
        const indexed = new SecretDocument(text);
        for (let i = 0; i < 40; i++) indexed.lineAround(0); // past the local questions: the index answers from now on
        for (const offset of offsets) {
          const a = local.segmentAround(offset);
          const b = indexed.segmentAround(offset);
          assert.deepEqual(a, b);
          assert.equal(local.lineAround(offset), indexed.lineAround(offset));
          for (const word of ['accountkey=', 'devstoreaccount1', 'b=']) assert.equal(local.contains(a, word), indexed.contains(b, word));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('incremental reparsing gives the tree a fresh parse gives', () => {
  it('describes the changed span with its rows and columns', () => {
    const edit = editBetween('ab\ncd\nef', 'ab\ncXYd\nef')!;
    assert.deepEqual(edit, {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 6,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 3 },
    });
    assert.equal(editBetween('abcdef', 'uvwxyz'), undefined, 'another document, not an edit');
  });

  it('holds over 60 typing edits of a generated 1,000-line file, with the file broken most of the time', async () => {
    const parser = await parserFor('typescript');
    const trees = new ReusableTrees();
    const doc = lensDocument(1_000, 3);
    let text = doc.text;
    const first = parser.parse(text)!;
    assert.ok(trees.keep('doc', 'typescript', text, first));
    for (const edit of typingEdits(doc, 60, 9)) {
      text = applyEdit(text, edit);
      const reparsed = trees.reparse('doc', 'typescript', text, parser);
      assert.ok(reparsed, 'one character changed: the kept tree is reused');
      const fresh = parser.parse(text)!;
      assert.equal(reparsed.rootNode.toString(), fresh.rootNode.toString());
      fresh.delete();
    }
    trees.clear();
  });
});

describe("the editor's rescans after each edit find what a scan without history finds", () => {
  it('holds for every version the lexer can follow, after any history of edits', async () => {
    const fileName = 'src/typed.ts';
    const positions = fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', ' ', '.', '(', ')', '{', '}', '"', '`', '\n', '')), { minLength: 1, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(positions, async (edits) => {
        let text = document;
        await scanDocument({ text, fileName });
        for (const [at, insert] of edits) {
          text = applyEdit(text, { offset: at % text.length, insert });
          const typed = await scanDocument({ text, fileName });
          if (parseWindows(text, 'js', []) === undefined) continue; // does not lex: see the next test
          assert.equal(json(typed), json(await scanDocument({ text, fileName: 'src/fresh.ts' })));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the findings of untouched code while an open quote elsewhere stops the lexer, and follows edits of the finding itself', async () => {
    const fileName = 'src/quote.ts';
    const before = await scanDocument({ text: document, fileName });
    assert.equal(before.filter((f) => f.ruleId.endsWith('connection-string')).length, 2);
    // An open backtick in a function far above: a whole parse would read the rest of the file as a template string.
    const at = document.indexOf('const kept', document.indexOf('total5('));
    const broken = applyEdit(document, { offset: at, insert: '`' });
    assert.equal(parseWindows(broken, 'js', []), undefined);
    const typed = await scanDocument({ text: broken, fileName });
    assert.deepEqual(
      typed.map((f) => [f.ruleId, f.startOffset - 1, f.endOffset - 1]),
      before.map((f) => [f.ruleId, f.startOffset, f.endOffset]),
    );
    // Then the finding's own call is edited: its window is parsed again and the finding follows the edit.
    const callee = broken.indexOf('fromConnectionString');
    const renamed = applyEdit(broken, { offset: callee, insert: '' });
    const after = await scanDocument({ text: renamed, fileName });
    assert.equal(after.filter((f) => f.ruleId === 'blob-connection-string').length, 0, 'romConnectionString is no finding');
    assert.equal(after.filter((f) => f.ruleId === 'service-bus-connection-string').length, 1);
  });

  /** Findings moved by `shift` characters, as [rule, start, end]. */
  const spans = (findings: Awaited<ReturnType<typeof scanDocument>>, shift = 0) => findings.map((f) => [f.ruleId, f.startOffset + shift, f.endOffset + shift]);
  /** Ranges moved by `by` characters from `at` on (an insertion at `at`). */
  const shifted = (ranges: ReadonlyArray<[number, number]>, at: number, by: number) => ranges.map(([start, end]): [number, number] => (start >= at ? [start + by, end + by] : [start, end]));
  const shiftedSpans = (found: Array<Array<string | number>>, moves: Array<[number, number]>) =>
    found.map(([rule, start, end]) => {
      let [s, e] = [start as number, end as number];
      for (const [at, by] of moves) if (s >= at) [s, e] = [s + by, e + by];
      return [rule, s, e];
    });
  /** An open backtick far above the findings: a whole parse reads the rest of the file as a template string. */
  const openBacktick = (text: string) => applyEdit(text, { offset: text.indexOf('const kept', text.indexOf('total5(')), insert: '`' });

  it('carries the windows of a version that lexes but was parsed whole (a window with a syntax error) to the next versions', async () => {
    const fileName = 'src/alternating.ts';
    await scanDocument({ text: document, fileName });
    // Still lexes, but the window of the credential-free client no longer parses cleanly: the whole file is parsed.
    const broken = applyEdit(document, { offset: document.indexOf(' = new BlobServiceClient(url'), insert: ' x' });
    const plan = planFor('typescript');
    const lexed = parseWindows(broken, 'js', literalHits(broken, plan).filter((hit) => plan.codeIndex!.has(hit.literal)));
    assert.ok(lexed && lexed.ranges.length > 0);
    const whole = await scanDocument({ text: broken, fileName });
    assert.equal(json(whole), json(await scanDocument({ text: broken, fileName: 'src/alternating-fresh.ts' })));
    assert.deepEqual(rememberedWindowsOf(fileName), { text: broken, ranges: lexed.ranges }, "the lexer's windows are remembered");
    // Then the file stops lexing, more than a carried change away from the version before: the windows of the
    // version parsed whole are carried, and the findings of untouched code stay.
    const open = openBacktick(broken);
    const backtick = open.indexOf('`');
    assert.equal(parseWindows(open, 'js', []), undefined);
    const typed = await scanDocument({ text: open, fileName });
    assert.deepEqual(spans(typed), spans(whole, 1));
    assert.deepEqual(rememberedWindowsOf(fileName), { text: open, ranges: shifted(lexed.ranges, backtick, 1) }, 'the windows were carried');
  });

  it('carries remembered windows through a version parsed whole because a candidate was typed outside them', async () => {
    const fileName = 'src/forward.ts';
    await scanDocument({ text: document, fileName });
    const open = openBacktick(document);
    const before = await scanDocument({ text: open, fileName });
    const carried = rememberedWindowsOf(fileName)!;
    assert.equal(carried.text, open);
    // A new candidate above the findings, outside every window: that version is parsed whole...
    const at = open.indexOf('export function total20');
    const call = 'new ServiceBusClient(cs)';
    const withCall = applyEdit(open, { offset: at, insert: `const extra = ${call};\n` });
    const whole = await scanDocument({ text: withCall, fileName });
    assert.equal(json(whole), json(await scanDocument({ text: withCall, fileName: 'src/forward-whole.ts' }, { parse: 'whole' })));
    assert.deepEqual(rememberedWindowsOf(fileName), { text: withCall, ranges: shifted(carried.ranges, at, call.length + 16) }, 'the windows follow the edit');
    // ...the call is deleted again, and a letter is typed far above it (together more than a carried change).
    const deleted = withCall.slice(0, at + 14) + withCall.slice(at + 14 + call.length);
    await scanDocument({ text: deleted, fileName });
    const x = deleted.indexOf('total3(');
    const text = applyEdit(deleted, { offset: x, insert: 'x' });
    const typed = await scanDocument({ text, fileName });
    assert.deepEqual(spans(typed), shiftedSpans(spans(before), [[x, 1], [at + 1, 16]]));
    assert.deepEqual(rememberedWindowsOf(fileName), { text, ranges: shifted(shifted(carried.ranges, at, 16), x, 1) }, 'carried over every edit');
  });

  it('parses the whole file when a candidate is typed outside every window of the previous version', async () => {
    const fileName = 'src/new.ts';
    const broken = applyEdit(document, { offset: document.indexOf('const kept'), insert: '`' });
    await scanDocument({ text: broken, fileName });
    const line = '\nconst extra = new ServiceBusClient(cs);\n';
    const at = broken.indexOf('export function total20');
    const typed = broken.slice(0, at) + line + broken.slice(at);
    const findings = await scanDocument({ text: typed, fileName });
    const whole = await scanDocument({ text: typed, fileName: 'src/new-whole.ts' }, { parse: 'whole' });
    assert.equal(json(findings), json(whole));
  });
});

