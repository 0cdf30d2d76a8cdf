/**
 * Where an ecosystem declares its dependencies, and which declaration file is nearest to a document (pure). The
 * editor asks vscode.workspace.findFiles for manifestGlob(...) in the document's workspace folder, then takes
 * nearestManifest of what it found.
 */
import type { PackageRef } from '../rewrites/model';

const manifestNames: Record<PackageRef['ecosystem'], readonly string[]> = {
  npm: ['package.json'],
  pypi: ['requirements.txt', 'pyproject.toml'],
  nuget: ['*.csproj'],
  maven: ['pom.xml'],
  go: ['go.mod'],
};

/** Folders from the document's own folder up to the workspace folder ('' = its root), nearest first. */
export function ancestorFolders(relativeFile: string): string[] {
  const parts = relativeFile.replace(/\\/g, '/').split('/').slice(0, -1);
  const folders: string[] = [];
  for (let i = parts.length; i >= 0; i--) folders.push(parts.slice(0, i).join('/'));
  return folders;
}

/** One glob (relative to the workspace folder) matching the ecosystem's manifests in the document's folder and above. */
export function manifestGlob(relativeFile: string, ecosystem: PackageRef['ecosystem']): string {
  const names = manifestNames[ecosystem];
  const patterns = ancestorFolders(relativeFile).flatMap((folder) => names.map((name) => (folder ? `${folder}/${name}` : name)));
  return `{${patterns.join(',')}}`;
}

/**
 * The manifest declaring the document's dependencies: the one in the deepest folder above it. In one folder,
 * requirements.txt wins over pyproject.toml (pip installs what it lists), then names in order.
 */
export function nearestManifest(relativeFile: string, found: readonly string[], ecosystem: PackageRef['ecosystem']): string | undefined {
  const names = manifestNames[ecosystem];
  const rank = (name: string) => names.findIndex((pattern) => (pattern.startsWith('*') ? name.endsWith(pattern.slice(1)) : name === pattern));
  const normalized = found.map((f) => f.replace(/\\/g, '/'));
  for (const folder of ancestorFolders(relativeFile)) {
    const here = normalized
      .filter((f) => (folder ? f.startsWith(`${folder}/`) : true) && !f.slice(folder ? folder.length + 1 : 0).includes('/'))
      .filter((f) => rank(f.slice(f.lastIndexOf('/') + 1)) >= 0)
      .sort((a, b) => rank(a.slice(a.lastIndexOf('/') + 1)) - rank(b.slice(b.lastIndexOf('/') + 1)) || (a < b ? -1 : 1));
    if (here.length) return here[0];
  }
  return undefined;
}
