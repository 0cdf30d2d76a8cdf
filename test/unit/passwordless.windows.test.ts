import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { languageOf, scanDocument } from '../../src/passwordless/engine';
import { codeRules } from '../../src/passwordless/rules';
import type { CodeRuleLanguage } from '../../src/passwordless/rules/model';
import { CodeLexer } from '../../src/passwordless/scanner/codeLexer';
import { parserFor } from '../../src/passwordless/scanner/grammars';
import { parseWindows } from '../../src/passwordless/scanner/parseWindows';
import { literalHits, planFor } from '../../src/passwordless/scanner/prefilter';
import { parseWindowed } from '../../src/passwordless/scanner/windowedParse';
import { grammarFor } from '../../src/passwordless/languages';
import { fileNames, fixtureFor, unmark } from '../fixtures/passwordless/harness';
import type { CodeRuleFixture } from '../fixtures/passwordless/model';

const codeLanguages: CodeRuleLanguage[] = ['typescript', 'javascript', 'python', 'csharp', 'java', 'go'];

/** Ordinary code around a snippet, so that windows are a small part of the file (as in real files). */
const filler: Record<CodeRuleLanguage, (i: number) => string> = {
  typescript: (i) => `export function total${i}(values: number[]): number {\n  const kept = values.filter((v) => v > ${i});\n  return kept.reduce((a, b) => a + b, 0);\n}\n`,
  javascript: (i) => `function label${i}(item) {\n  const text = String(item.name).trim();\n  return { ...item, text: \`\${text}-${i}\` };\n}\n`,
  python: (i) => `def total_${i}(rows):\n    """Sum {rows}."""\n    return sum(r["v"] for r in rows if r["v"] > ${i})  # not ${i}\n\n`,
  csharp: (i) => `public static class Totals${i}\n{\n    public static int Sum(int[] xs) => xs.Where(x => x > ${i}).Sum(); // {\n}\n`,
  java: (i) => `final class Totals${i} {\n    static int sum(int[] xs) {\n        int s = 0; /* { */\n        for (int x : xs) { if (x > ${i}) s += x; }\n        return s;\n    }\n}\n`,
  go: (i) => `func total${i}(xs []int) int {\n\ts := 0\n\tfor _, x := range xs {\n\t\tif x > ${i} {\n\t\t\ts += x\n\t\t}\n\t}\n\treturn s\n}\n`,
};

/** Puts a snippet where real code has it: at the top, in a function or method body, in a nested block. */
const hosts: Record<CodeRuleLanguage, Array<(code: string) => string>> = {
  typescript: [(c) => c, (c) => `export class Host {\n  async run(): Promise<void> {\n    if (ready) {\n${c}\n    }\n  }\n}\n`],
  javascript: [(c) => c, (c) => `async function host() {\n  try {\n${c}\n  } finally {\n    done();\n  }\n}\n`],
  python: [(c) => c, (c) => `class Host:\n    def run(self):\n${c.replace(/^/gm, '        ')}\n`],
  csharp: [(c) => c, (c) => `public class Host\n{\n    public void Run()\n    {\n${c}\n    }\n}\n`],
  java: [(c) => `class Host {\n    void run() {\n${c}\n    }\n}\n`, (c) => `class Host {\n    void run() {\n        if (ready) {\n${c}\n        }\n    }\n}\n`],
  go: [(c) => c, (c) => (c.startsWith('package') ? c : `package main\n\nfunc host() {\n${c}\n}\n`)],
};

function pad(language: CodeRuleLanguage, text: string, before: number, after: number): string {
  const around = (from: number, count: number) => Array.from({ length: count }, (_, i) => filler[language](from + i)).join('\n');
  if (language === 'go' && text.startsWith('package')) {
    const header = text.indexOf('\n') + 1;
    return `${text.slice(0, header)}\n${around(0, before)}\n${text.slice(header)}\n${around(100, after)}`;
  }
  return `${around(0, before)}\n${text}\n${around(100, after)}`;
}

function snippets(language: CodeRuleLanguage): string[] {
  return codeRules.flatMap((rule) => {
    const cases = (fixtureFor(rule) as CodeRuleFixture).cases[language];
    if (!cases) return [];
    return [...cases.invalid.map((item) => unmark(typeof item === 'string' ? item : item.code).text), ...cases.valid];
  });
}

let scanned = 0;
/** Each document under its own name unless given one: the engine carries windows between versions of one file. */
async function sameFindings(text: string, language: CodeRuleLanguage, fileName = fileNames[language].replace(/(\.\w+)$/, `-${++scanned}$1`)): Promise<void> {
  const windows = await scanDocument({ text, fileName }, { parse: 'windows' });
  const whole = await scanDocument({ text, fileName }, { parse: 'whole' });
  assert.deepEqual(windows, whole, `windowed and whole-file findings differ in ${fileName}:\n${text}`);
}

/** Whether the engine's windowed path (not its whole-file fallback) handles this document. */
async function takesWindows(text: string, language: CodeRuleLanguage): Promise<boolean> {
  const plan = planFor(language);
  const hits = literalHits(text, plan).filter((hit) => plan.codeIndex!.has(hit.literal));
  const result = parseWindowed(await parserFor(grammarFor(language)), text, language, hits, (l) => plan.receiversOf.get(l));
  if (typeof result !== 'object' || !('hits' in result)) return false;
  result.tree?.delete();
  return true;
}

describe('parsing only the windows around candidates finds exactly what parsing the whole file finds', () => {
  for (const language of codeLanguages) {
    it(`holds for every ${language} fixture, bare and hosted in functions and classes among ordinary code`, async () => {
      let windowed = 0;
      let documents = 0;
      for (const snippet of snippets(language)) {
        for (const host of hosts[language]) {
          await sameFindings(host(snippet), language);
          const padded = pad(language, host(snippet), 6, 6);
          await sameFindings(padded, language);
          documents++;
          if (await takesWindows(padded, language)) windowed++;
        }
      }
      // The comparison means something only if most documents really took the windowed path.
      assert.ok(windowed >= documents * 0.9, `${language}: only ${windowed} of ${documents} padded documents were parsed in windows`);
    });
  }

  it('holds for every file in samples/', async () => {
    const root = join(__dirname, '../../samples');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    let scanned = 0;
    for (const file of files) {
      const language = languageOf(file);
      if (!language || !codeLanguages.includes(language as CodeRuleLanguage)) continue;
      const text = readFileSync(file, 'utf8');
      await sameFindings(text, language as CodeRuleLanguage, file);
      await sameFindings(pad(language as CodeRuleLanguage, text, 8, 8), language as CodeRuleLanguage, file);
      scanned++;
    }
    assert.ok(scanned >= 40, `scanned ${scanned} sample files`);
  });

  const pieces: Record<CodeRuleLanguage, string[]> = Object.fromEntries(
    codeLanguages.map((language) => [language, [...snippets(language), filler[language](1), '\n', ';', '{', '}', '(', ')', '"', "'", '`', '//', '/*', '*/', '#', '\\', '${', ' ', 'x', '<', '/']]),
  ) as Record<CodeRuleLanguage, string[]>;
  const documents = fc.constantFrom(...codeLanguages).chain((language) =>
    fc
      .tuple(fc.array(fc.constantFrom(...pieces[language]), { maxLength: 30 }), fc.nat(hosts[language].length - 1), fc.nat(4), fc.nat(4))
      .map(([parts, host, before, after]) => ({ language, text: pad(language, hosts[language][host]!(parts.join('\n')), before, after) })),
  );
  const parsesCleanly = async (text: string, language: CodeRuleLanguage) => {
    const tree = (await parserFor(grammarFor(language))).parse(text)!;
    const clean = !tree.rootNode.hasError;
    tree.delete();
    return clean;
  };

  it('holds for random well-formed documents of fixtures, comments, strings, blocks and syntax soup', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(documents, async ({ language, text }) => {
        if (!(await parsesCleanly(text, language))) return;
        checked++;
        await sameFindings(text, language);
      }),
      { numRuns: 1500 },
    );
    assert.ok(checked >= 150, `only ${checked} well-formed documents`);
  });

  let documentCount = 0;
  it('never loses a finding in documents with syntax errors (it may find an outer call that error recovery swallowed)', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async ({ language, text }) => {
        // Its own name: the engine carries windows between versions of one file, and these are unrelated documents.
        const fileName = fileNames[language].replace(/(\.\w+)$/, `-${++documentCount}$1`);
        const windows = await scanDocument({ text, fileName }, { parse: 'windows' });
        const whole = await scanDocument({ text, fileName }, { parse: 'whole' });
        // Kept as itself, or inside an outer finding that error recovery hid from the whole parse (dedupe keeps the outer).
        const kept = (finding: (typeof whole)[number]) =>
          windows.some((f) => JSON.stringify(f) === JSON.stringify(finding) || (f.startOffset <= finding.startOffset && finding.endOffset <= f.endOffset && f.ruleId !== finding.ruleId));
        for (const finding of whole) assert.ok(kept(finding), `lost ${finding.ruleId} in:\n${text}`);
      }),
      {
        numRuns: 600,
        // Found by CI: Python's "/*" made the whole parse swallow SecretClient(...), leaving only its inner credential.
        examples: [[{ language: 'python', text: 'def total_0(rows):\n    \"\"\"Sum {rows}.\"\"\"\n    return sum(r[\"v\"] for r in rows if r[\"v\"] > 0)  # not 0\n\n\n/*\nclient = SecretClient(vault_url=url, credential=ClientSecretCredential(tenant, client, secret))\n' }]],
      },
    );
  });
});

describe('windows around candidate calls', () => {
  const windowsOf = (text: string, dialect: Parameters<typeof parseWindows>[1], literal: string) =>
    parseWindows(text, dialect, [{ offset: text.indexOf(literal) }])?.ranges.map(([s, e]) => text.slice(s, e));

  it('are the statement plus the headers and closers of its class and method in Java', () => {
    const text = 'import a.b;\n\nclass A {\n    int x = 1;\n    void m() {\n        foo();\n        var c = new ServiceBusClient(cs);\n        bar();\n    }\n    void n() { baz(); }\n}\n';
    assert.deepEqual(windowsOf(text, 'java', 'ServiceBusClient'), ['class A {', 'void m() {', 'var c = new ServiceBusClient(cs);', '}', '}\n']);
  });

  it('are the logical line in Python, across brackets but not past its end', () => {
    const text = 'def f():\n    x = 1\n    c = BlobServiceClient.from_connection_string(\n        cs,\n    )\n    return c\n';
    assert.deepEqual(windowsOf(text, 'python', 'BlobServiceClient'), ['c = BlobServiceClient.from_connection_string(\n        cs,\n    )\n']);
  });

  it('end Go statements where Go inserts semicolons', () => {
    const text = 'package main\n\nfunc main() {\n\tx := 1\n\tc, _ := azblob.\n\t\tNewClientFromConnectionString(cs, nil)\n\t_ = c\n}\n';
    assert.deepEqual(windowsOf(text, 'go', 'azblob'), ['func main() {', 'c, _ := azblob.\n\t\tNewClientFromConnectionString(cs, nil)\n', '}\n']);
  });

  it('skip brackets inside strings, template holes, comments and regexes in JavaScript', () => {
    const text = 'const a = "{(";\nconst b = `${ {x: "}"}.x }`; // )\nconst r = /[{]/;\nconst c = new ServiceBusClient(cs);\n';
    assert.deepEqual(windowsOf(text, 'js', 'ServiceBusClient'), ['const c = new ServiceBusClient(cs);']);
  });

  it("hold a C# declaration whole from its declared type to its target-typed new(…), past a property's accessor braces", async () => {
    const text = `${pad('csharp', '', 10, 0)}\nclass Settings\n{\n    int x = 1;\n    public ConfigurationClient Config { get; } =\n        new(cs);\n    void M()\n    {\n        BlobServiceClient client = new(connectionString);\n    }\n}\n`;
    assert.deepEqual(windowsOf(text, 'csharp', 'ConfigurationClient'), ['class Settings\n{', 'public ConfigurationClient Config { get; } =\n        new(cs);', '}\n']);
    const hits = literalHits(text, planFor('csharp'));
    const windowed = parseWindowed(await parserFor(grammarFor('csharp')), text, 'csharp', hits, () => undefined);
    assert.ok(typeof windowed === 'object' && 'hits' in windowed && windowed.tree, 'a windowed parse, not the whole file');
    windowed.tree.delete();
    const found = await scanDocument({ text, fileName: 'TargetTyped.cs' }, { parse: 'windows' });
    assert.deepEqual(found.map((f) => text.slice(f.startOffset, f.endOffset)), ['new(cs)', 'new(connectionString)']);
  });

  it('drop a builder method whose statement names none of its builders', () => {
    const text = 'class A {\n  void m() {\n    map.key(k);\n    var b = new SecretClientBuilder().key(k);\n  }\n}\n';
    const first = text.indexOf('key');
    const second = text.indexOf('key', first + 1);
    const result = parseWindows(text, 'java', [{ offset: first, requires: ['SecretClientBuilder'] }, { offset: second, requires: ['SecretClientBuilder'] }]);
    assert.deepEqual(result?.kept, [1]);
  });

  it('are not attempted when the lexer cannot follow the file (JSX, unterminated strings, unbalanced brackets)', () => {
    assert.equal(parseWindows('const a = <div>it\'s</div>;\nnew ServiceBusClient(cs);\n', 'js', [{ offset: 30 }]), undefined);
    assert.equal(parseWindows('var s = "open\nnew ServiceBusClient(cs);\n', 'java', [{ offset: 14 }]), undefined);
    assert.equal(parseWindows('void f() { new ServiceBusClient(cs);\n', 'csharp', [{ offset: 11 }]), undefined);
    assert.equal(new CodeLexer('var s = $"""{x}""";', 'csharp').run({ open() {}, close: () => true, semicolon() {}, newline() {} }), false);
  });
});
