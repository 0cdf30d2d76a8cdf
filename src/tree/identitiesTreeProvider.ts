import * as vscode from 'vscode';
import type { AzureSession } from '../azure-vscode/session';
import type { AzureAccess } from '../azure/access';
import { describeAzureError } from '../azure/errors';
import { createInventoryReader } from '../azure/inventoryReader';
import type { AzureSubscription } from '../azure/tenants';
import type { Config } from '../config';
import { normalizeId } from '../core/identities/resourceId';
import { applySubscriptionFilter } from '../core/subscriptionFilter';
import { IdentityInventory, type LoadState } from '../inventory/inventory';
import { describeLoadError } from '../inventory/loadErrors';
import { DEFAULT_CONCURRENCY, RequestLimiter } from '../inventory/limiter';
import type { NodeDescription } from '../inventory/nodeDescription';
import { IdentityTreeModel } from '../inventory/presenter';
import type { Log } from '../log';
import { nodeFor } from './nodeFactory';
import { FailedTenantNode } from './nodes/failedTenantNode';
import { IdentityNode } from './nodes/identityNode';
import { errorNode, MessageNode } from './nodes/messageNode';
import { SubscriptionNode } from './nodes/subscriptionNode';
import type { TreeNode } from './nodes/treeNode';

/** What the welcome views key on (package.json viewsWelcome `when` clauses). */
type TreeState = 'signedOut' | 'noSubscriptions' | 'noSubscriptionSelected' | 'ready';

interface Feature {
  access: AzureAccess;
  resourceGraph: boolean;
  tenants: Map<string, string>;
  inventory: IdentityInventory;
  model: IdentityTreeModel;
}

/**
 * The `keyless.identities` view: one node per selected subscription (identities load for all of them in the
 * background as soon as they are listed), one per failed tenant, errors as nodes with Retry. Signed out, or with no
 * subscription selected, it shows nothing so VS Code shows the matching welcome view.
 */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private feature?: Feature;
  private view?: vscode.TreeView<TreeNode>;
  private state?: TreeState;

  constructor(
    private readonly session: AzureSession,
    private readonly config: Config,
    private readonly log: Log,
    private readonly options: { concurrency?: number } = {},
  ) {}

  /** Lets reveal() select nodes in the view. */
  attach(view: vscode.TreeView<TreeNode>): vscode.TreeView<TreeNode> {
    this.view = view;
    return view;
  }

  /** A node: re-render it. No node: abort loads in flight, forget what was loaded, and load again. */
  refresh(node?: TreeNode): void {
    if (!node) this.feature?.inventory.refresh();
    this.changed.fire(node);
  }

  /** Re-render without reloading (subscription filter or grouping changed). */
  rerender(): void {
    this.changed.fire(undefined);
  }

  /** After a write: reload one subscription's inventory and re-render (other subscriptions' joins may change too). */
  invalidateSubscription(subscriptionId: string): void {
    this.feature?.inventory.reload(subscriptionId);
    this.changed.fire(undefined);
  }

  /** Best effort: selects the identity (or subscription) with this resource id once it is loaded. */
  async reveal(resourceId: string): Promise<void> {
    const feature = this.feature;
    if (!this.view || !feature) return;
    const key = normalizeId(resourceId);
    const subscriptionId = /^\/subscriptions\/([^/]+)/.exec(key)?.[1];
    const subscription = subscriptionId ? feature.inventory.subscription(subscriptionId) : undefined;
    if (!subscription) return;
    let node: TreeNode = this.subscriptionNode(subscription);
    if (key !== `/subscriptions/${subscriptionId}` && this.config.treeGroupBy() === 'none') {
      await feature.inventory.listed(subscription.subscriptionId).catch(() => undefined);
      const child = (await feature.model.subscriptionChildren(subscription)).find((d) => d.kind === 'identity' && normalizeId(d.identity.id) === key);
      if (child) node = this.toNode(child);
    }
    await this.view.reveal(node, { select: true, focus: false, expand: node instanceof SubscriptionNode });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** On hover: a subscription's tooltip says where its inventory was read from, and when. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node instanceof SubscriptionNode) item.tooltip = node.tooltip();
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof IdentityNode && this.config.treeGroupBy() === 'none' ? this.subscriptionNode(node.subscription) : undefined;
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

  dispose(): void {
    this.feature?.inventory.dispose();
    this.changed.dispose();
  }

  private async roots(): Promise<TreeNode[]> {
    if (!this.session.signedIn) return this.show('signedOut', []);
    let listing;
    try {
      listing = await this.session.listSubscriptions();
    } catch (error) {
      return this.show('ready', [errorNode('Could not list subscriptions', describeAzureError(error))]);
    }
    const shown = applySubscriptionFilter(listing.subscriptions, this.config.subscriptionFilter().entries);
    await this.track(listing.subscriptions, shown);
    const nodes: TreeNode[] = shown.map((s) => this.subscriptionNode(s));
    nodes.push(...listing.failedTenants.map((t) => new FailedTenantNode(t)));
    if (listing.subscriptions.length === 0) {
      return this.show('noSubscriptions', nodes.length > 0 ? [new MessageNode('This account has no Azure subscriptions in this cloud.'), ...nodes] : []);
    }
    if (shown.length === 0) {
      const select = { command: 'keyless.selectSubscriptions', title: 'Select Subscriptions…' };
      return this.show('noSubscriptionSelected', nodes.length > 0 ? [new MessageNode('No subscription is selected — Select Subscriptions…', { command: select }), ...nodes] : []);
    }
    return this.show('ready', nodes);
  }

  /** Starts background loading of every shown subscription, over the session's current Azure access. */
  private async track(all: AzureSubscription[], shown: AzureSubscription[]): Promise<void> {
    const access = await this.session.access();
    const resourceGraph = this.config.treeUsesResourceGraph();
    if (this.feature?.access !== access || this.feature.resourceGraph !== resourceGraph) {
      this.feature?.inventory.dispose();
      const tenants = new Map<string, string>();
      const inventory = new IdentityInventory(
        createInventoryReader(access, (id) => tenants.get(id.toLowerCase()), { resourceGraph }),
        new RequestLimiter(this.options.concurrency ?? DEFAULT_CONCURRENCY),
      );
      this.feature = { access, resourceGraph, tenants, inventory, model: new IdentityTreeModel(inventory, () => this.config.treeGroupBy()) };
    }
    for (const s of all) this.feature.tenants.set(s.subscriptionId.toLowerCase(), s.tenantId);
    this.feature.inventory.track(shown);
  }

  private subscriptionNode(subscription: AzureSubscription): SubscriptionNode {
    return new SubscriptionNode(subscription, (s) => this.subscriptionChildren(s), (s) => loadNote(this.feature?.inventory.state(s.subscriptionId)));
  }

  private async subscriptionChildren(subscription: AzureSubscription): Promise<TreeNode[]> {
    const feature = this.feature;
    if (!feature) return [];
    const rows = await feature.model.subscriptionChildren(subscription);
    for (const row of rows) if (row.kind === 'error') this.log.warn(`${subscription.displayName}: ${row.reason}`);
    return rows.map((d) => this.toNode(d));
  }

  private toNode(description: NodeDescription): TreeNode {
    const model = this.feature!.model;
    const expand = async (d: NodeDescription): Promise<TreeNode[]> => (await model.children(d)).map((c) => nodeFor(c, expand));
    return nodeFor(description, expand);
  }

  private show(state: TreeState, nodes: TreeNode[]): TreeNode[] {
    if (this.state !== state) {
      this.state = state;
      void vscode.commands.executeCommand('setContext', 'keyless.treeState', state);
    }
    return nodes;
  }
}

function loadNote(state: LoadState | undefined): string | undefined {
  if (state?.status !== 'loaded') return undefined;
  const at = new Date(state.at).toLocaleTimeString();
  const graphFailed = state.graphError === undefined ? '' : ` (Azure Resource Graph could not answer: ${describeLoadError(state.graphError)})`;
  if (state.source === 'arm') return `Read from Azure Resource Manager at ${at}${graphFailed}.`;
  const assignments = graphFailed && ` Its role assignments were read from Azure Resource Manager${graphFailed}.`;
  return `Read through Azure Resource Graph at ${at}.${assignments} The graph can trail recent changes by a short while: Refresh on this subscription reads Azure Resource Manager directly.`;
}
