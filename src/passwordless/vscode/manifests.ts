/**
 * Which files to ask vscode.workspace.findFiles for when looking for the manifest that declares a document's
 * dependencies (pure): the ecosystem's manifest names in the document's folder and every folder above it. The
 * engine's nearestManifest then picks the one that governs the document.
 */
import type { PackageRef } from '../rewrites/model';

const manifestGlobs: Record<PackageRef['ecosystem'], readonly string[]> = {
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
  const names = manifestGlobs[ecosystem];
  const patterns = ancestorFolders(relativeFile).flatMap((folder) => names.map((name) => (folder ? `${folder}/${name}` : name)));
  return `{${patterns.join(',')}}`;
}
