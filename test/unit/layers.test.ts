import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');

/** Module specifiers a file imports: static/dynamic import, export-from, require. Comments are stripped first. */
export function importedSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]));
}

const NO_VSCODE = ['src/core/', 'src/azure/', 'src/passwordless/', 'src/cli/', 'emulator/'];
const VSCODE_ALLOWED = ['src/passwordless/vscode/'];

/** Layer violations of one file, given its path relative to the repository root (with forward slashes). */
export function violations(file: string, source: string): string[] {
  const found: string[] = [];
  const inFolder = (folder: string, path: string) => path.startsWith(folder);
  for (const specifier of importedSpecifiers(source)) {
    if (specifier === 'vscode' && NO_VSCODE.some((f) => inFolder(f, file)) && !VSCODE_ALLOWED.some((f) => inFolder(f, file))) {
      found.push(`${file} imports 'vscode'`);
    }
    if (!specifier.startsWith('.')) continue;
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
    if (inFolder('src/', file) && (target === 'emulator' || inFolder('emulator/', target))) found.push(`${file} imports ${specifier} from the emulator`);
    if (inFolder('emulator/', file) && (target === 'src' || inFolder('src/', target))) found.push(`${file} imports ${specifier} from src`);
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

describe('layer rules', () => {
  it('no file in src or emulator breaks the dependency direction', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('emulator')];
    assert.ok(files.length > 0, 'found no source files to check');
    const broken = files.flatMap((file) => violations(file, readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(broken, []);
  });

  it('catches vscode imported by the pure layers in every import form', () => {
    for (const line of [
      "import * as vscode from 'vscode';",
      "import type { Uri } from 'vscode';",
      "import 'vscode';",
      "const v = require('vscode');",
      "const v = await import('vscode');",
      "export { window } from 'vscode';",
    ]) {
      for (const file of ['src/core/a.ts', 'src/azure/b.ts', 'src/passwordless/rules/c.ts', 'src/cli/d.ts', 'emulator/e.ts']) {
        assert.equal(violations(file, line).length, 1, `${file}: ${line}`);
      }
    }
  });

  it('allows vscode in glue folders and ignores it in comments', () => {
    const line = "import * as vscode from 'vscode';";
    assert.deepEqual(violations('src/passwordless/vscode/lens.ts', line), []);
    assert.deepEqual(violations('src/tree/node.ts', line), []);
    assert.deepEqual(violations('src/extension.ts', line), []);
    assert.deepEqual(violations('src/azure/x.ts', "// never import 'vscode' here: import * as v from 'vscode'"), []);
  });

  it('catches src importing the emulator and the emulator importing src', () => {
    assert.equal(violations('src/azure/x.ts', "import { startEmulator } from '../../emulator/index';").length, 1);
    assert.equal(violations('src/extension.ts', "import '../emulator';").length, 1);
    assert.equal(violations('emulator/handlers/x.ts', "import { parse } from '../../src/core/identities/resourceId';").length, 1);
    assert.deepEqual(violations('emulator/handlers/x.ts', "import { errors } from '../errors.js';"), []);
  });
});
