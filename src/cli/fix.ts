/**
 * `keyless scan --fix`: rewrites every fixable finding of each scanned file (fixFile: one fix at a time, rescanning),
 * writes the file, then declares the packages the new code imports in the nearest manifest of their ecosystem.
 * What could not be fixed is returned as ordinary findings for the normal report.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { scanDocument } from '../passwordless/engine';
import { applyEdits, fixFile, type Fix, type IdentityChoice, type PackageRef, type SettingRef } from '../passwordless/rewrites/index';
import { dependencyEdit, nearestManifest } from '../passwordless/rewrites/dependencies/index';
import { manifestNames } from '../passwordless/rewrites/dependencies/packages';
import type { FileFinding } from './report';
import { filesToScan } from './walk';

export interface FixedFile {
  file: string;
  fixes: Fix[];
  /** Settings the fixed code or config reads, once each by name. */
  settings: SettingRef[];
}

export interface ManifestChange {
  manifest: string;
  title: string;
}

export interface FixRun {
  fixed: FixedFile[];
  manifests: ManifestChange[];
  /** Packages the fixed code needs where no manifest of their ecosystem governs the file. */
  undeclared: Array<{ file: string; pkg: PackageRef }>;
  /** Files that could not be rewritten (a rewriter error): left as they were, their findings still reported. */
  failed: Array<{ file: string; message: string }>;
  remaining: FileFinding[];
  files: number;
}

const display = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/') || path;

export async function fixPaths(paths: readonly string[], cwd: string, exclude: readonly string[], identity: IdentityChoice): Promise<FixRun> {
  const run: FixRun = { fixed: [], manifests: [], undeclared: [], failed: [], remaining: [], files: 0 };
  const needs: Array<{ path: string; file: string; pkg: PackageRef }> = [];
  for await (const path of filesToScan(paths.map((p) => resolve(cwd, p)), cwd)) {
    const file = display(cwd, path);
    const text = await readFile(path, 'utf8');
    run.files++;
    let result;
    try {
      result = await fixFile({ text, fileName: file }, identity, { exclude });
    } catch (error) {
      run.failed.push({ file, message: (error as Error).message });
      for (const finding of await scanDocument({ text, fileName: file }, { exclude })) run.remaining.push({ file, finding });
      continue;
    }
    for (const finding of result.remaining) run.remaining.push({ file, finding });
    if (result.applied.length === 0) continue;
    await writeFile(path, result.text);
    run.fixed.push({ file, fixes: result.applied, settings: uniqueSettings(result.applied) });
    for (const pkg of uniquePackages(result.applied)) needs.push({ path, file, pkg });
  }
  await declarePackages(needs, cwd, run);
  return run;
}

function uniqueSettings(fixes: readonly Fix[]): SettingRef[] {
  const byName = new Map<string, SettingRef>();
  for (const setting of fixes.flatMap((f) => f.settings)) if (!byName.has(setting.name)) byName.set(setting.name, setting);
  return [...byName.values()];
}

function uniquePackages(fixes: readonly Fix[]): PackageRef[] {
  const byKey = new Map<string, PackageRef>();
  for (const pkg of fixes.flatMap((f) => f.requires)) byKey.set(`${pkg.ecosystem}:${pkg.name}`, pkg);
  return [...byKey.values()];
}

/** Each package once per manifest: the nearest manifest of its ecosystem above the fixed file, edited in place. */
async function declarePackages(needs: ReadonlyArray<{ path: string; file: string; pkg: PackageRef }>, cwd: string, run: FixRun): Promise<void> {
  const done = new Set<string>();
  for (const { path, file, pkg } of needs) {
    const manifest = nearestManifest(path, await manifestCandidates(dirname(path), resolve(cwd)), pkg.ecosystem);
    if (!manifest) {
      run.undeclared.push({ file, pkg });
      continue;
    }
    const key = `${manifest}\n${pkg.ecosystem}:${pkg.name}`;
    if (done.has(key)) continue;
    done.add(key);
    const text = await readFile(manifest, 'utf8');
    const edit = dependencyEdit(manifest, text, pkg);
    if (!edit) continue; // Already declared.
    await writeFile(manifest, applyEdits(text, edit.edits));
    run.manifests.push({ manifest: display(cwd, manifest), title: edit.title });
  }
}

/** Manifest files in a folder and the folders above it, up to the repository root or the working directory. */
async function manifestCandidates(dir: string, cwd: string): Promise<string[]> {
  const found: string[] = [];
  const isManifest = (name: string) => Object.values(manifestNames).some((matches) => matches(name));
  for (let current = dir; ; current = dirname(current)) {
    const names = await readdir(current).catch(() => [] as string[]);
    for (const name of names) if (isManifest(name)) found.push(join(current, name));
    if (current === cwd || existsSync(join(current, '.git')) || dirname(current) === current) return found;
  }
}
