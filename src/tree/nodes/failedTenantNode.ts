import * as vscode from 'vscode';
import type { FailedTenant } from '../../azure/tenants';
import type { TreeNode } from './treeNode';

/** A tenant whose subscriptions could not be listed; clicking it signs in to that tenant. */
export class FailedTenantNode implements TreeNode {
  static readonly contextValue = 'keyless.failedTenant';

  constructor(readonly tenant: FailedTenant) {}

  getTreeItem(): vscode.TreeItem {
    const t = this.tenant;
    const name = t.displayName ?? t.tenantId;
    const what = t.signInRequired ? 'sign-in required' : 'could not list subscriptions';
    // The label leads with the words; the Entra code (AADSTS50076…) stays in the tooltip for support.
    const words = t.reason.replace(/^AADSTS\d+:\s*/, '');
    const item = new vscode.TreeItem(`${name}: ${what} — ${words}`, vscode.TreeItemCollapsibleState.None);
    item.id = `failedTenant/${t.tenantId}`;
    item.tooltip = new vscode.MarkdownString(`**${name}** (\`${t.tenantId}\`)\n\n${t.reason}\n\nClick to sign in to this tenant.`);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = FailedTenantNode.contextValue;
    item.command = { command: 'keyless.signInToTenant', title: 'Sign in to Tenant', arguments: [t.tenantId] };
    return item;
  }
}
