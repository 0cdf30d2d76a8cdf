import * as vscode from 'vscode';
import type { AzureSubscription } from '../../azure/tenants';
import type { TreeNode } from './treeNode';

/** Loads what sits under a subscription (identities, in the next issue); errors must come back as nodes. */
export type SubscriptionChildren = (subscription: AzureSubscription) => Promise<TreeNode[]>;

/** One selected subscription: label = display name, description = its tenant's name (or id). */
export class SubscriptionNode implements TreeNode {
  static readonly contextValue = 'keyless.subscription';

  constructor(
    readonly subscription: AzureSubscription,
    private readonly children?: SubscriptionChildren,
    private readonly loadNote?: (subscription: AzureSubscription) => string | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = new vscode.TreeItem(
      s.displayName,
      this.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `subscription/${s.tenantId}/${s.subscriptionId}`;
    item.description = s.tenantName ?? s.tenantId;
    item.tooltip = this.tooltip();
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = SubscriptionNode.contextValue;
    return item;
  }

  /** Ids, tenant, state, and (once loaded) where the inventory was read from. */
  tooltip(): vscode.MarkdownString {
    const s = this.subscription;
    const note = this.loadNote?.(s);
    return new vscode.MarkdownString(
      `**${s.displayName}**\n\nSubscription: \`${s.subscriptionId}\`\n\nTenant: ${s.tenantName ? `${s.tenantName} (\`${s.tenantId}\`)` : `\`${s.tenantId}\``}` +
        (s.state && s.state !== 'Enabled' ? `\n\nState: ${s.state}` : '') +
        (note ? `\n\n${note}` : ''),
    );
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.children ? this.children(this.subscription) : [];
  }
}
