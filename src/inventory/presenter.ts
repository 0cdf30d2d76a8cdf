import type { AzureSubscription } from '../azure/tenants';
import type { IdentityHolder, RoleAssignment } from '../core/identities/model';
import { describeScope } from '../core/identities/scopeDescription';
import type { IdentityInventory } from './inventory';
import { describeLoadError } from './loadErrors';
import type { CommandRef, GroupBy, NodeDescription, NodeOf } from './nodeDescription';
import * as rows from './rows';

/**
 * The tree's content as plain descriptions (no VS Code): what each row says and what expands under it. Tests assert
 * these exactly against the emulator; src/tree renders them. Counts that join across subscriptions ("Assigned to",
 * role assignments) wait until every shown subscription of the tenant has settled, so they are never a half-truth.
 */
export class IdentityTreeModel {
  constructor(
    private readonly inventory: IdentityInventory,
    private readonly groupBy: () => GroupBy = () => 'none',
  ) {}

  async subscriptionChildren(subscription: AzureSubscription): Promise<NodeDescription[]> {
    const parent = `subscription/${subscription.subscriptionId.toLowerCase()}`;
    let listing;
    try {
      // Listed as soon as identities and resources are known: role assignments are only needed once expanded.
      listing = await this.inventory.listed(subscription.subscriptionId);
    } catch (error) {
      return [rows.loadError(parent, 'Could not load identities', describeLoadError(error), retry(subscription))];
    }
    const identities = sortedByName(listing.identities);
    const result: NodeDescription[] = [];
    const groupBy = this.groupBy();
    if (identities.length === 0) result.push(rows.noIdentities(parent, subscription));
    else if (groupBy === 'none') result.push(...identities.map((i) => rows.identity(i, subscription, 'none')));
    else result.push(...rows.identityGroups(parent, subscription, identities, groupBy));
    const system = systemAssigned(listing.holders);
    if (system.length > 0) result.push(rows.systemAssignedGroup(parent, subscription, system.length));
    return result;
  }

  async children(node: NodeDescription): Promise<NodeDescription[]> {
    switch (node.kind) {
      case 'identityGroup':
        return node.identities.map((i) => rows.identity(i, node.subscription, this.groupBy()));
      case 'identity':
        return this.identityChildren(node);
      case 'assignedToGroup':
        return this.assignedTo(node);
      case 'roleAssignmentsGroup':
        return this.roleRows(node.id, node.principalId, node.subscription);
      case 'federatedCredentialsGroup':
        return this.credentials(node);
      case 'systemAssignedGroup':
        return this.systemAssignedResources(node);
      case 'systemAssignedResource':
        return this.roleRows(node.id, node.holder.systemAssigned?.principalId ?? '', node.subscription);
      default:
        return [];
    }
  }

  private async identityChildren(node: NodeOf<'identity'>): Promise<NodeDescription[]> {
    const { identity, subscription } = node;
    const credentialsLoading = this.inventory.federatedCredentials(identity.id).then(
      (list) => ({ list }),
      (error: unknown) => ({ error }),
    );
    const failed = await this.inventory.tenantSettled(subscription.tenantId);
    // The role names its "Role assignments" row will show are read alongside the credentials, not after them; and
    // after the credential requests are on their way (the first question after a load joins every assignment).
    setImmediate(() => this.prefetchRoleNames(identity.principalId));
    const credentials = await credentialsLoading;
    const index = this.inventory.index;
    const incomplete = failed.length > 0 ? `incomplete: ${failed.length} subscription${failed.length === 1 ? '' : 's'} could not load` : undefined;
    return [
      rows.assignedToGroup(node.id, identity, subscription, index.assignedTo(identity.id).length, incomplete),
      rows.roleAssignmentsGroup(node.id, identity, subscription, index.roleAssignmentsOf(identity.principalId).length, incomplete),
      rows.federatedCredentialsGroup(node.id, identity, 'list' in credentials ? credentials.list.length : undefined),
    ];
  }

  private async systemAssignedResources(node: NodeOf<'systemAssignedGroup'>): Promise<NodeDescription[]> {
    const { holders } = await this.inventory.listed(node.subscription.subscriptionId);
    return sortedByName(systemAssigned(holders)).map((h) => rows.systemAssignedResource(node.id, h, node.subscription));
  }

  private prefetchRoleNames(principalId: string): void {
    for (const a of this.inventory.index.roleAssignmentsOf(principalId)) void this.inventory.roleName(a.roleDefinitionId);
  }

  private async assignedTo(node: NodeOf<'assignedToGroup'>): Promise<NodeDescription[]> {
    const failed = await this.inventory.tenantSettled(node.subscription.tenantId);
    const holders = sortedByName(this.inventory.index.assignedTo(node.identity.id));
    const result: NodeDescription[] = failed.map((s) => this.incompleteRow(node.id, s));
    result.push(...holders.map((h) => rows.assignedResource(node.id, h, node.identity, this.subscriptionName(h.subscriptionId, node.identity.subscriptionId))));
    if (result.length === 0) result.push(rows.message(node.id, 'Not assigned to any resource in the loaded subscriptions', 'circle-slash'));
    return result;
  }

  private async roleRows(parentId: string, principalId: string, subscription: AzureSubscription): Promise<NodeDescription[]> {
    const failed = await this.inventory.tenantSettled(subscription.tenantId);
    const assignments = this.inventory.index.roleAssignmentsOf(principalId);
    const named = await Promise.all(
      assignments.map(async (a: RoleAssignment) => ({ assignment: a, roleName: await this.inventory.roleName(a.roleDefinitionId) })),
    );
    const scopeWords = (a: RoleAssignment) => describeScope(a.scope, (id) => this.inventory.subscription(id)?.displayName);
    // A role whose name could not be read is a retryable row, not a row with a made-up name.
    const unnamed = named
      .filter((n) => n.roleName === undefined)
      .map(({ assignment }) => rows.loadError(parentId, `A role on ${scopeWords(assignment)}`, 'its name could not load; retry', retry(subscription)));
    const roleRows = named.flatMap(({ assignment, roleName }) =>
      roleName === undefined ? [] : [rows.roleAssignment(parentId, assignment, roleName, principalId, subscription, scopeWords(assignment))],
    );
    roleRows.sort((a, b) => byText(a.label, b.label) || byText(a.description ?? '', b.description ?? ''));
    const result: NodeDescription[] = [...failed.map((s) => this.incompleteRow(parentId, s)), ...unnamed, ...roleRows];
    if (result.length === 0) result.push(rows.message(parentId, 'No role assignments', 'circle-slash'));
    return result;
  }

  private async credentials(node: NodeOf<'federatedCredentialsGroup'>): Promise<NodeDescription[]> {
    try {
      const list = sortedByName(await this.inventory.federatedCredentials(node.identity.id));
      if (list.length === 0) return [rows.message(node.id, 'No federated credentials', 'circle-slash')];
      return list.map((c) => rows.federatedCredential(node.id, c, node.identity));
    } catch (error) {
      const subscription = this.inventory.subscription(node.identity.subscriptionId);
      const again = subscription ? retry(subscription) : { command: 'keyless.refresh', title: 'Retry' };
      return [rows.loadError(node.id, 'Could not list federated credentials', describeLoadError(error), again)];
    }
  }

  private incompleteRow(parentId: string, subscription: AzureSubscription): NodeDescription {
    const state = this.inventory.state(subscription.subscriptionId);
    const reason = state?.status === 'failed' ? describeLoadError(state.error) : 'not loaded';
    return rows.loadError(parentId, `Incomplete: ${subscription.displayName} could not load`, reason, retry(subscription));
  }

  /** The holder's subscription name when it differs from the identity's own (cross-subscription use). */
  private subscriptionName(holderSubscription: string, identitySubscription: string): string | undefined {
    if (holderSubscription.toLowerCase() === identitySubscription.toLowerCase()) return undefined;
    return this.inventory.subscription(holderSubscription)?.displayName ?? holderSubscription;
  }
}

/** Retry for one subscription: aborts its load and loads it again. */
export function retry(subscription: AzureSubscription): CommandRef {
  return { command: 'keyless.refreshSubscription', title: 'Retry', arguments: [subscription.subscriptionId] };
}

const byText = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

const systemAssigned = (holders: readonly IdentityHolder[]) => holders.filter((h) => h.systemAssigned);

/** A sorted copy by name, case-insensitively; each name is lower-cased once, not on every comparison. */
function sortedByName<T extends { name: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, key: item.name.toLowerCase() }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
