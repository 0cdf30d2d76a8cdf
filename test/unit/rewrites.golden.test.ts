/**
 * Golden rewrites for every language and config file: test/fixtures/rewrites/<language>/<case>.before.<ext> must
 * become <case>.after.<ext> under fixFile(…, 'default') and <case>.after-user.<ext> (when present) under
 * 'userAssigned'; fixing an "after" again changes nothing; every code "after" parses without ERROR or MISSING nodes;
 * every code finding of a "before" is fixed (unless the case name has a `.nofix` segment). Config cases are folders:
 * test/fixtures/rewrites/config/<case>/{before,after,after-user}/<real file name>, so languageOf() sees the real name.
 * A meta-test keeps the catalogue whole: every rule (code, secret, config-key) has a case in every language it claims —
 * a code case by its name (<language>/<rule-id>.…), a config case when its "before" yields a finding of the rule.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { grammarFor, isCodeLanguage, languageOf } from '../../src/passwordless/languages';
import { fixFile } from '../../src/passwordless/rewrites';
import type { IdentityChoice } from '../../src/passwordless/rewrites';
import { scanDocument } from '../../src/passwordless/engine';
import { allRules, codeRules, ruleLanguages } from '../../src/passwordless/rules';
import { parserFor } from '../../src/passwordless/scanner/grammars';

const root = join(__dirname, '../fixtures/rewrites');
const codeFolders = ['typescript', 'javascript', 'python', 'csharp', 'java', 'go'] as const;

interface GoldenCase {
  /** "typescript/blob-connection-string.env" or "config/blob-local-settings". */
  name: string;
  /** The file name given to fixFile: the real name for config, the fixture's own name for code. */
  fileName: string;
  before: string;
  after: string;
  afterUser?: string;
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function codeCases(folder: string): GoldenCase[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  const cases: GoldenCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)\.before(\.[^.]+)$/.exec(file);
    if (!match) continue;
    const [, base, ext] = match as unknown as [string, string, string];
    const after = readIfExists(join(dir, `${base}.after${ext}`));
    assert.ok(after !== undefined, `${folder}/${file} has no ${base}.after${ext}`);
    cases.push({
      name: `${folder}/${base}`,
      fileName: join(dir, file),
      before: readFileSync(join(dir, file), 'utf8'),
      after,
      afterUser: readIfExists(join(dir, `${base}.after-user${ext}`)),
    });
  }
  return cases;
}

function configCases(): GoldenCase[] {
  const dir = join(root, 'config');
  if (!existsSync(dir)) return [];
  const cases: GoldenCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    const beforeDir = join(dir, name, 'before');
    if (!existsSync(beforeDir)) continue;
    for (const file of readdirSync(beforeDir).sort()) {
      const after = readIfExists(join(dir, name, 'after', file));
      assert.ok(after !== undefined, `config/${name}/after/${file} is missing`);
      cases.push({
        name: `config/${name}/${file}`,
        fileName: join(beforeDir, file),
        before: readFileSync(join(beforeDir, file), 'utf8'),
        after,
        afterUser: readIfExists(join(dir, name, 'after-user', file)),
      });
    }
  }
  return cases;
}

/** ERROR and MISSING nodes, as "line:column type" (tree-sitter recovers silently; this is how breakage shows). */
async function syntaxErrors(text: string, fileName: string): Promise<string[]> {
  const language = languageOf(fileName);
  if (!language || !isCodeLanguage(language)) return [];
  const parser = await parserFor(grammarFor(language));
  const tree = parser.parse(text);
  assert.ok(tree, `${fileName} did not parse`);
  const errors: string[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) errors.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `MISSING ${node.type}` : 'ERROR'}`);
    if (!node.hasError && !node.isMissing) return;
    for (const child of node.children) if (child) visit(child);
  };
  try {
    visit(tree.rootNode);
  } finally {
    tree.delete();
  }
  return errors;
}

async function checkVariant(golden: GoldenCase, identity: IdentityChoice, expected: string): Promise<void> {
  const fixed = await fixFile({ text: golden.before, fileName: golden.fileName }, identity);
  assert.equal(fixed.text, expected, `${golden.name} (${identity}) differs from its golden file`);
  if (!golden.name.split(/[./]/).includes('nofix')) {
    const leftCode = fixed.remaining.filter((f) => codeRules.some((r) => r.id === f.ruleId));
    assert.deepEqual(
      leftCode.map((f) => `${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.column + 1}`),
      [],
      `${golden.name} (${identity}) leaves code findings unfixed (name the case ….nofix.… if that is intended)`,
    );
  }
  const again = await fixFile({ text: expected, fileName: golden.fileName }, identity);
  assert.equal(again.text, expected, `${golden.name} (${identity}): fixing the result again changed it`);
  assert.deepEqual(await syntaxErrors(expected, golden.fileName), [], `${golden.name} (${identity}) does not parse cleanly`);
}

const allCases = [...codeFolders.flatMap(codeCases), ...configCases()];

describe('golden rewrites', () => {
  for (const golden of allCases) {
    it(`rewrites ${golden.name} to its golden result`, async () => {
      await checkVariant(golden, 'default', golden.after);
      if (golden.afterUser !== undefined) await checkVariant(golden, 'userAssigned', golden.afterUser);
    });
  }
});

/** "<language>/<rule-id>" for every finding of every config case's "before": what the config cases cover. */
let configCoverage: Promise<Set<string>> | undefined;
function coveredByConfigCases(): Promise<Set<string>> {
  configCoverage ??= (async () => {
    const covered = new Set<string>();
    for (const golden of allCases.filter((c) => c.name.startsWith('config/'))) {
      const language = languageOf(golden.fileName);
      for (const finding of await scanDocument({ text: golden.before, fileName: golden.fileName })) covered.add(`${language}/${finding.ruleId}`);
    }
    return covered;
  })();
  return configCoverage;
}

describe('the golden rewrites stay whole', () => {
  for (const rule of allRules) {
    it(`has a golden case for ${rule.id} in every language it claims`, async () => {
      const covered = await coveredByConfigCases();
      const missing = ruleLanguages(rule).filter(
        (language) => !covered.has(`${language}/${rule.id}`) && !allCases.some((c) => c.name.startsWith(`${language}/${rule.id}.`)),
      );
      assert.deepEqual(missing, [], `no golden case for ${rule.id} in ${missing.join(', ')} (code: <language>/${rule.id}.*.before.*; config: a before with that finding)`);
    });
  }
});
