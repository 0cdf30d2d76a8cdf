/** The "Passwordless" view: the workspace scan's findings by service, then file, with counts. Clicking a finding opens it. */
import * as vscode from 'vscode';
import { rolesForService } from '../../core/roles';
import type { Finding } from '../types';
import { groupByService, type ChecklistService } from './checklist';
import { rangeOf } from './convert';
import type { ScannedFile } from './workspaceScan';

export const CHECKLIST_VIEW = 'keyless.passwordless';

export type ChecklistNode =
  | { kind: 'service'; group: ChecklistService }
  | { kind: 'file'; uri: vscode.Uri; path: string; findings: readonly Finding[] }
  | { kind: 'finding'; uri: vscode.Uri; finding: Finding };

export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: ChecklistService[] = [];
  private uris = new Map<string, vscode.Uri>();

  /** Replaces the checklist with a scan's results. */
  setResults(files: readonly ScannedFile[]): void {
    this.uris = new Map(files.map((f) => [f.path, f.uri]));
    this.groups = groupByService(files);
    this.changed.fire();
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!node) return this.groups.map((group) => ({ kind: 'service', group }));
    if (node.kind === 'service') return node.group.files.map((f) => ({ kind: 'file', uri: this.uris.get(f.path)!, path: f.path, findings: f.findings }));
    if (node.kind === 'file') return node.findings.map((finding) => ({ kind: 'finding', uri: node.uri, finding }));
    return [];
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    if (node.kind === 'service') {
      const item = new vscode.TreeItem(node.group.label, expanded);
      item.description = count(node.group.count);
      item.contextValue = 'keyless.passwordlessService';
      const roles = rolesForService(node.group.service);
      item.tooltip = `Roles to grant instead: ${[...roles.read, ...roles.write].map((r) => r.name).join(', ') || 'none (remove the secret)'}`;
      return item;
    }
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.uri, expanded);
      item.label = node.path;
      item.description = count(node.findings.length);
      item.contextValue = 'keyless.passwordlessFile';
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(`Line ${finding.range.start.line + 1}: ${finding.ruleId}`, vscode.TreeItemCollapsibleState.None);
    item.description = finding.target?.name;
    item.tooltip = finding.message;
    item.contextValue = 'keyless.passwordlessFinding';
    item.command = { title: 'Open', command: 'vscode.open', arguments: [node.uri, { selection: rangeOf(finding) }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function count(n: number): string {
  return n === 1 ? '1 finding' : `${n} findings`;
}
