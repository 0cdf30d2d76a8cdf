import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** A row that says something (an error, an empty result) and may offer the command that helps. */
export class MessageNode implements TreeNode {
  constructor(
    private readonly label: string,
    private readonly options: { kind?: 'info' | 'error'; tooltip?: string; command?: vscode.Command; id?: string } = {},
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    if (this.options.id) item.id = this.options.id;
    item.tooltip = this.options.tooltip ?? this.label;
    item.iconPath = new vscode.ThemeIcon(
      this.options.kind === 'error' ? 'error' : 'info',
      this.options.kind === 'error' ? new vscode.ThemeColor('list.errorForeground') : undefined,
    );
    item.contextValue = this.options.kind === 'error' ? 'keyless.error' : 'keyless.message';
    if (this.options.command) item.command = this.options.command;
    return item;
  }
}

/** An error shown in place of the rows that could not load; clicking retries. */
export function errorNode(what: string, reason: string, retry: vscode.Command = { command: 'keyless.refresh', title: 'Retry' }): MessageNode {
  return new MessageNode(`${what} — ${reason}`, { kind: 'error', tooltip: `${what}\n\n${reason}\n\nClick to retry.`, command: retry });
}
