// Builds the identities tree model over the real SDK clients against a running emulator, and expands it fully into
// plain rows that tests compare exactly.
import type { RunningEmulator } from '../../emulator/index';
import { cloudFor, createAzureAccess, createEmulatorCredentialFactory, createInventoryReader, type AzureAccess } from '../../src/azure/index';
import type { AzureSubscription, FailedTenant } from '../../src/azure/tenants';
import { IdentityInventory } from '../../src/inventory/inventory';
import { RequestLimiter } from '../../src/inventory/limiter';
import type { GroupBy, NodeDescription } from '../../src/inventory/nodeDescription';
import { IdentityTreeModel } from '../../src/inventory/presenter';

export interface Row {
  label: string;
  description?: string;
  icon: string;
  contextValue: string;
  command?: string;
  children?: Row[];
}

export interface TreeHarness {
  access: AzureAccess;
  subscriptions: AzureSubscription[];
  failedTenants: FailedTenant[];
  inventory: IdentityInventory;
  model: IdentityTreeModel;
  dispose(): void;
}

export async function treeFor(
  emulator: RunningEmulator,
  options: {
    concurrency?: number;
    groupBy?: GroupBy;
    retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
    /** Load through Azure Resource Graph (default true, as the extension does). */
    resourceGraph?: boolean;
  } = {},
): Promise<TreeHarness> {
  const cloud = await cloudFor('Emulator', { endpoint: emulator.url, ca: emulator.ca });
  const access = createAzureAccess({ cloud, credentialFactory: createEmulatorCredentialFactory(), ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}) });
  const { subscriptions, failedTenants } = await access.listSubscriptions();
  const tenants = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.tenantId]));
  const reader = createInventoryReader(access, (id) => tenants.get(id.toLowerCase()), { resourceGraph: options.resourceGraph ?? true });
  const inventory = new IdentityInventory(reader, new RequestLimiter(options.concurrency ?? 8), { delayMs: 1 });
  inventory.track(subscriptions);
  const groupBy = options.groupBy ?? 'none';
  const model = new IdentityTreeModel(inventory, () => groupBy);
  return { access, subscriptions, failedTenants, inventory, model, dispose: () => (inventory.dispose(), access.dispose()) };
}

/** Every row under a subscription, expanded all the way down. */
export async function expandSubscription(tree: TreeHarness, displayName: string): Promise<Row[]> {
  const subscription = tree.subscriptions.find((s) => s.displayName === displayName);
  if (!subscription) throw new Error(`no subscription ${displayName}`);
  return expandAll(tree.model, await tree.model.subscriptionChildren(subscription));
}

export async function expandAll(model: IdentityTreeModel, nodes: NodeDescription[]): Promise<Row[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const row: Row = { label: node.label, icon: node.icon.id, contextValue: node.contextValue };
      if (node.description !== undefined) row.description = node.description;
      if (node.command) row.command = node.command.command;
      if (node.expandable) row.children = await expandAll(model, await model.children(node));
      return row;
    }),
  );
}

/** Rows as an indented outline, one line per row: `label — description  [icon contextValue]` (exact and readable). */
export function outline(rows: Row[], depth = 0): string {
  return rows
    .map((r) => {
      const line = `${'  '.repeat(depth)}${r.label}${r.description ? ` — ${r.description}` : ''}  [${r.icon} ${r.contextValue.replace(/^keyless\./, '')}${r.command ? ` → ${r.command}` : ''}]`;
      return r.children?.length ? `${line}\n${outline(r.children, depth + 1)}` : line;
    })
    .join('\n');
}
