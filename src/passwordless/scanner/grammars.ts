/**
 * The only module that touches tree-sitter's wasm: finds the .wasm files (dist/assets when bundled, the
 * @vscode/tree-sitter-wasm package in tests), initialises the runtime once and loads each grammar on first use.
 */
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import grammarFiles from './grammar-files.json';

export type GrammarId = keyof typeof grammarFiles.grammars;

let wasmDirOverride: string | undefined;
let runtime: Promise<void> | undefined;
const languages = new Map<GrammarId, Promise<Language>>();
const parsers = new Map<GrammarId, Parser>();

/** Point the loader at a folder holding the .wasm files (the extension passes its dist/assets). */
export function setWasmDirectory(dir: string): void {
  wasmDirOverride = dir;
}

export function wasmDirectory(): string {
  if (wasmDirOverride) return wasmDirOverride;
  // Bundled: dist/cli.js or dist/extension.js next to dist/assets (copied by scripts/build.mjs).
  const bundled = join(__dirname, 'assets');
  if (existsSync(join(bundled, grammarFiles.runtime))) return bundled;
  return join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

function initRuntime(): Promise<void> {
  const dir = wasmDirectory();
  runtime ??= Parser.init({ locateFile: (file: string) => join(dir, file) });
  return runtime;
}

/** A parser for the grammar, loading the grammar the first time it is asked for. Parsers are reused. */
export async function parserFor(grammar: GrammarId): Promise<Parser> {
  const cached = parsers.get(grammar);
  if (cached) return cached;
  await initRuntime();
  let language = languages.get(grammar);
  if (!language) {
    language = readFile(join(wasmDirectory(), grammarFiles.grammars[grammar])).then((bytes) => Language.load(bytes));
    languages.set(grammar, language);
  }
  const loaded = await language;
  const existing = parsers.get(grammar);
  if (existing) return existing;
  const parser = new Parser();
  parser.setLanguage(loaded);
  parsers.set(grammar, parser);
  return parser;
}

/** The parser only if its grammar is already loaded: lets the editor scan synchronously after warm-up. */
export function loadedParser(grammar: GrammarId): Parser | undefined {
  return parsers.get(grammar);
}

export function loadedGrammars(): GrammarId[] {
  return [...parsers.keys()];
}
