import * as vscode from 'vscode';
import type { NodeDescription, NodeKind, NodeOf } from '../../inventory/nodeDescription';
import type { TreeNode } from './treeNode';

/** Expands a description into its child nodes (the tree provider wires the model and the node classes). */
export type ExpandDescription = (description: NodeDescription) => Promise<TreeNode[]>;

/**
 * Renders a plain node description (src/inventory/rows.ts) as a VS Code tree item. The subclasses, one per kind,
 * only add the typed data commands read.
 */
export class DescribedNode<K extends NodeKind = NodeKind> implements TreeNode {
  constructor(
    readonly description: NodeOf<K>,
    private readonly expand: ExpandDescription,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const d = this.description;
    const item = new vscode.TreeItem(d.label, d.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = d.id;
    if (d.description !== undefined) item.description = d.description;
    if (d.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(d.tooltip);
    item.iconPath = new vscode.ThemeIcon(d.icon.id, d.icon.color ? new vscode.ThemeColor(d.icon.color) : undefined);
    item.contextValue = d.contextValue;
    if (d.command) item.command = { command: d.command.command, title: d.command.title, arguments: d.command.arguments ?? [] };
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.description.expandable ? this.expand(this.description) : Promise.resolve([]);
  }
}
