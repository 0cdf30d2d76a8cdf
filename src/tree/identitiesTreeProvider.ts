import * as vscode from 'vscode';
import type { AzureSession } from '../azure-vscode/session';
import { describeAzureError } from '../azure/errors';
import type { Config } from '../config';
import { applySubscriptionFilter } from '../core/subscriptionFilter';
import type { Log } from '../log';
import { FailedTenantNode } from './nodes/failedTenantNode';
import { errorNode, MessageNode } from './nodes/messageNode';
import { SubscriptionNode, type SubscriptionChildren } from './nodes/subscriptionNode';
import type { TreeNode } from './nodes/treeNode';

const SELECT: vscode.Command = { command: 'keyless.selectSubscriptions', title: 'Select Subscriptions…' };

/**
 * The `keyless.identities` view: one node per selected subscription, one per failed tenant, errors as nodes.
 * Signed out it shows nothing, so VS Code shows the welcome view's sign-in button.
 */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly session: AzureSession,
    private readonly config: Config,
    private readonly log: Log,
    /** Set by the identities feature to give subscriptions children. */
    private readonly subscriptionChildren?: SubscriptionChildren,
  ) {}

  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node) return (await node.getChildren?.()) ?? [];
      return await this.roots();
    } catch (error) {
      this.log.error('Loading the Keyless tree failed', error);
      return [errorNode('Could not load', describeAzureError(error))];
    }
  }

  private async roots(): Promise<TreeNode[]> {
    if (!this.session.signedIn) return [];
    let listing;
    try {
      listing = await this.session.listSubscriptions();
    } catch (error) {
      return [errorNode('Could not list subscriptions', describeAzureError(error))];
    }
    const filter = this.config.subscriptionFilter();
    const shown = applySubscriptionFilter(listing.subscriptions, filter.entries);
    const nodes: TreeNode[] = shown.map((s) => new SubscriptionNode(s, this.subscriptionChildren));
    nodes.push(...listing.failedTenants.map((t) => new FailedTenantNode(t)));
    if (shown.length === 0 && listing.subscriptions.length > 0) {
      nodes.unshift(new MessageNode('None of the selected subscriptions is available — Select Subscriptions…', { command: SELECT }));
    } else if (listing.subscriptions.length === 0 && listing.failedTenants.length === 0) {
      nodes.push(new MessageNode('This account has no Azure subscriptions in this cloud.'));
    }
    return nodes;
  }
}
