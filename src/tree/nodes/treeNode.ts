import type * as vscode from 'vscode';

/** Every row in the Keyless tree: renders itself and, when it can expand, loads its children. */
export interface TreeNode {
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
}
