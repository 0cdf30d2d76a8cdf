/**
 * Turning rewrites into editor edits: the fixes of one finding, the whole file fixed, each as ONE WorkspaceEdit (one
 * undo restores the file). Offsets are the engine's, in the document text the fixes were computed from.
 */
import * as vscode from 'vscode';
import type { Fix, IdentityChoice, PackageRef, TextEdit } from '../rewrites/model';
import type { Finding, ScanInput, ScanOptions } from '../types';
import { loadEngine } from './engineLoader';
import { manifestGlob } from './manifests';
import { minimalEdit } from './minimalEdit';

function inputOf(document: vscode.TextDocument): ScanInput {
  return { text: document.getText(), fileName: vscode.workspace.asRelativePath(document.uri, false), languageId: document.languageId };
}

export function workspaceEditOf(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return edit;
}

/** The finding's fixes, the preferred identity first; [] when no rewriter can fix it safely. */
export async function documentFixes(document: vscode.TextDocument, finding: Finding, preferred: IdentityChoice): Promise<Fix[]> {
  const engine = await loadEngine();
  return engine.fixesFor({ ...inputOf(document), finding }, preferred);
}

/** Every fixable finding of the file fixed (fix, rescan, repeat), as one small replacement; undefined when nothing changes. */
export async function fileFixEdit(document: vscode.TextDocument, identity: IdentityChoice, options: ScanOptions): Promise<{ edit: vscode.WorkspaceEdit; fixes: Fix[] } | undefined> {
  const engine = await loadEngine();
  const input = inputOf(document);
  const result = await engine.fixFile(input, identity, options);
  const change = minimalEdit(input.text, result.text);
  return change ? { edit: workspaceEditOf(document, [change]), fixes: result.applied } : undefined;
}

/** The current finding for one a lens or command was given: same rule at the same place in the current version. */
export function currentFinding(current: readonly Finding[], given: Pick<Finding, 'ruleId' | 'startOffset'>): Finding | undefined {
  return current.find((f) => f.ruleId === given.ruleId && f.startOffset === given.startOffset);
}

/**
 * "Add <package> to <manifest>" for each package a fix imports that the nearest manifest of its ecosystem lacks: one
 * WorkspaceEdit on the manifest (its open document's text when open, so unsaved changes count). None when the
 * document is outside the workspace, no manifest governs it, or the package is declared already.
 */
export async function dependencyActions(document: vscode.TextDocument, fix: Fix): Promise<Array<{ title: string; edit: vscode.WorkspaceEdit }>> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || fix.requires.length === 0) return [];
  const engine = await loadEngine();
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const actions: Array<{ title: string; edit: vscode.WorkspaceEdit }> = [];
  for (const pkg of fix.requires) {
    const found = await manifestsNear(folder, document, relative, pkg.ecosystem);
    const byPath = new Map(found.map((uri) => [vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'), uri]));
    const nearest = engine.nearestManifest(relative.replace(/\\/g, '/'), [...byPath.keys()], pkg.ecosystem);
    if (!nearest) continue;
    const manifest = await vscode.workspace.openTextDocument(byPath.get(nearest)!);
    const change = engine.dependencyEdit(nearest, manifest.getText(), pkg);
    if (change) actions.push({ title: change.title, edit: workspaceEditOf(manifest, change.edits) });
  }
  return actions;
}

/** Recent lookups: the lightbulb asks on every cursor move, and manifests rarely appear within seconds. */
const manifestLookups = new Map<string, { at: number; found: Thenable<vscode.Uri[]> }>();
const LOOKUP_REUSE_MS = 5000;

function manifestsNear(folder: vscode.WorkspaceFolder, document: vscode.TextDocument, relative: string, ecosystem: PackageRef['ecosystem']): Thenable<vscode.Uri[]> {
  const key = `${document.uri.toString()}#${ecosystem}`;
  const now = Date.now();
  const recent = manifestLookups.get(key);
  if (recent && now - recent.at < LOOKUP_REUSE_MS) return recent.found;
  if (manifestLookups.size >= 64) manifestLookups.clear();
  const found = vscode.workspace.findFiles(new vscode.RelativePattern(folder, manifestGlob(relative, ecosystem)), null, 50);
  manifestLookups.set(key, { at: now, found });
  return found;
}
