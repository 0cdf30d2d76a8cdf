/**
 * Dependency fixes: declare the package a rewrite needs in its ecosystem's manifest, editing the file only (never
 * running an install). Pure: text in, edits out; the caller finds the manifests and writes the file.
 */
import type { PackageRef, TextEdit } from '../model';
import { csprojEdit } from './dotnet';
import { goModEdit } from './gomod';
import { pomEdit } from './maven';
import { packageJsonEdit } from './npm';
import { manifestNames, manifestPreference, type Ecosystem } from './packages';
import { pyprojectEdit, requirementsEdit } from './python';

export { identityPackages, type Ecosystem } from './packages';

export interface DependencyEdit {
  edits: TextEdit[];
  title: string;
}

const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** The edit that declares pkg in this manifest; undefined when it is already declared (or the file is no manifest of its ecosystem). */
export function dependencyEdit(manifestFileName: string, manifestText: string, pkg: PackageRef): DependencyEdit | undefined {
  const name = baseName(manifestFileName);
  if (!manifestNames[pkg.ecosystem](name)) return undefined;
  const add = `Add ${pkg.name} ${pkg.version} to ${name}`;
  switch (pkg.ecosystem) {
    case 'npm':
      return titled(packageJsonEdit(manifestText, pkg), `Add ${pkg.name} ^${pkg.version} to ${name} (then run npm install)`);
    case 'pypi':
      return titled(name === 'pyproject.toml' ? pyprojectEdit(manifestText, pkg) : requirementsEdit(manifestText, pkg), `Add ${pkg.name}>=${pkg.version} to ${name}`);
    case 'nuget': {
      const result = csprojEdit(manifestText, pkg);
      return result && titled(result.edits, result.centralVersions ? `Add ${pkg.name} to ${name} (its version goes in Directory.Packages.props)` : add);
    }
    case 'maven': {
      const result = pomEdit(manifestText, pkg);
      return result && titled(result.edits, result.managed ? `Add ${pkg.name} to ${name} (version from the Azure SDK BOM)` : add);
    }
    case 'go':
      return titled(goModEdit(manifestText, pkg), `${add} (then run go mod tidy)`);
  }
}

function titled(edits: TextEdit[] | undefined, title: string): DependencyEdit | undefined {
  return edits && edits.length > 0 ? { edits, title } : undefined;
}

const dirOf = (path: string) => {
  const normalized = path.replace(/\\/g, '/');
  return normalized.slice(0, normalized.lastIndexOf('/') + 1);
};

/**
 * The manifests of an ecosystem that govern a source file, nearest folder first (a manifest in the file's folder or
 * any folder above it); within one folder requirements.txt before pyproject.toml.
 */
export function manifestsFor(sourcePath: string, candidates: readonly string[], ecosystem: Ecosystem): string[] {
  const sourceDir = dirOf(sourcePath);
  const rank = (path: string) => {
    const index = manifestPreference.indexOf(baseName(path));
    return index === -1 ? manifestPreference.length : index;
  };
  return candidates
    .filter((path) => manifestNames[ecosystem](baseName(path)) && sourceDir.startsWith(dirOf(path)))
    .sort((a, b) => dirOf(b).length - dirOf(a).length || rank(a) - rank(b) || a.localeCompare(b));
}

export function nearestManifest(sourcePath: string, candidates: readonly string[], ecosystem: Ecosystem): string | undefined {
  return manifestsFor(sourcePath, candidates, ecosystem)[0];
}
