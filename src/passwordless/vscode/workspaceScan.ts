/**
 * Scans every workspace file the engine understands: files.exclude (findFiles' default), search.exclude and the
 * .gitignore files of each folder are respected; progress is reported and the scan stops when cancelled.
 */
import * as vscode from 'vscode';
import type { Finding, ScanOptions } from '../types';
import type { FileFindings } from './checklist';
import { loadEngine, type PasswordlessEngine } from './engineLoader';
import type { GitignoreFilter } from './gitignoreFilter';

const CODE = '*.ts,*.mts,*.cts,*.tsx,*.js,*.mjs,*.cjs,*.jsx,*.py,*.cs,*.java,*.go';
const CONFIG = '.env,.env.*,*.env,local.settings.json,appsettings*.json,application*.properties,application*.yml,application*.yaml';
const SCAN_INCLUDE = `**/{${CODE},${CONFIG}}`;

export interface ScannedFile extends FileFindings {
  uri: vscode.Uri;
}

export interface WorkspaceScanRequest {
  options: ScanOptions;
  /** search.exclude globs in force (files.exclude applies by itself). */
  searchExclude: readonly string[];
  token: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

export interface WorkspaceScanResult {
  files: ScannedFile[];
  scanned: number;
  cancelled: boolean;
}

async function gitignoreOf(engine: PasswordlessEngine, folder: vscode.WorkspaceFolder, exclude: string | undefined, token: vscode.CancellationToken): Promise<GitignoreFilter> {
  const filter = new engine.GitignoreFilter();
  for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, undefined, token)) {
    const rel = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    filter.add(dir, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  }
  return filter;
}

async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function scanWorkspace(request: WorkspaceScanRequest): Promise<WorkspaceScanResult> {
  const { token, progress, options } = request;
  const exclude = request.searchExclude.length ? `{${request.searchExclude.join(',')}}` : undefined;
  const engine = await loadEngine();
  const candidates: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const gitignore = await gitignoreOf(engine, folder, exclude, token);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SCAN_INCLUDE), exclude, undefined, token);
    candidates.push(...found.filter((uri) => !gitignore.ignores(vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'))));
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  engine.preloadGrammars(candidates.map((uri) => uri.path));
  const files: ScannedFile[] = [];
  let scanned = 0;
  for (const uri of candidates) {
    if (token.isCancellationRequested) return { files, scanned, cancelled: true };
    // The folder name only tells files apart when several folders are open.
    const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
    progress?.report({ message: path, increment: 100 / candidates.length });
    let findings: Finding[] = [];
    try {
      findings = await engine.scanText(await textOf(uri), path, undefined, options);
    } catch {
      // Unreadable files (deleted meanwhile, permissions) are simply not part of the checklist.
    }
    scanned++;
    if (findings.length) files.push({ uri, path, findings });
  }
  return { files, scanned, cancelled: token.isCancellationRequested };
}
