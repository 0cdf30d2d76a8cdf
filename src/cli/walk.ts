/** Lists the files a scan covers: given files as they are, directories walked with .gitignore rules applied. */
import ignore, { type Ignore } from 'ignore';
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { languageOf } from '../passwordless/engine';

/** Folders that hold dependencies, build output or tool state, never the project's own code. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'bin', 'obj', 'target', 'build', '.venv', 'venv', '__pycache__', '.tox', 'vendor', '.vscode-test', '.next', 'coverage']);

interface Layer {
  base: string;
  rules: Ignore;
}

/** Given files are scanned as they are; directories inherit the .gitignore files of their parents up to the repository root or cwd. */
export async function* filesToScan(paths: readonly string[], cwd: string): AsyncIterable<string> {
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) yield* walk(path, await parentLayers(resolve(path), resolve(cwd)));
    else if (info.isFile()) yield path;
  }
}

async function parentLayers(dir: string, cwd: string): Promise<Layer[]> {
  const layers: Layer[] = [];
  let current = dir;
  while (current !== cwd && !existsSync(join(current, '.git'))) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
    const rules = await gitignoreOf(current);
    if (rules) layers.unshift({ base: current, rules });
  }
  return layers;
}

async function* walk(dir: string, layers: Layer[]): AsyncIterable<string> {
  const own = await gitignoreOf(dir);
  const active = own ? [...layers, { base: dir, rules: own }] : layers;
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name) && !ignored(path, true, active)) yield* walk(path, active);
    } else if (entry.isFile() && languageOf(entry.name) && !ignored(path, false, active)) {
      yield path;
    }
  }
}

async function gitignoreOf(dir: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readFile(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function ignored(path: string, isDir: boolean, layers: readonly Layer[]): boolean {
  return layers.some((layer) => {
    const rel = relative(layer.base, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && layer.rules.ignores(isDir ? `${rel}/` : rel);
  });
}
