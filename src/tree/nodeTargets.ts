import type { AzureSubscription } from '../azure/tenants';
import type { NodeDescription } from '../inventory/nodeDescription';

/** What the copy / open-in-portal actions need from whichever node they were invoked on. */
export interface NodeTarget {
  name: string;
  resourceId?: string;
  clientId?: string;
  principalId?: string;
  tenantId?: string;
  subscriptionId?: string;
}

/** The description a tree node renders (duck-typed: nodes may come from another bundle, e.g. extension-host tests). */
export function descriptionOf(node: unknown): NodeDescription | undefined {
  const d = (node as { description?: { kind?: unknown } } | undefined)?.description;
  return d && typeof d === 'object' && typeof d.kind === 'string' ? (d as NodeDescription) : undefined;
}

/** The subscription of a subscription node (the only node with `subscription` and no description). */
export function subscriptionOf(node: unknown): AzureSubscription | undefined {
  if (!node || typeof node !== 'object' || descriptionOf(node)) return undefined;
  const s = (node as { subscription?: AzureSubscription }).subscription;
  return s && typeof s.subscriptionId === 'string' ? s : undefined;
}

export function targetOf(node: unknown): NodeTarget | undefined {
  const d = descriptionOf(node);
  switch (d?.kind) {
    case 'identity': {
      const i = d.identity;
      return { name: i.name, resourceId: i.id, clientId: i.clientId, principalId: i.principalId, tenantId: i.tenantId, subscriptionId: i.subscriptionId };
    }
    case 'assignedResource':
      return { name: d.holder.name, resourceId: d.holder.id, tenantId: d.identity.tenantId, subscriptionId: d.holder.subscriptionId };
    case 'systemAssignedResource':
      return { name: d.holder.name, resourceId: d.holder.id, principalId: d.holder.systemAssigned?.principalId, tenantId: d.subscription.tenantId, subscriptionId: d.holder.subscriptionId };
    case 'roleAssignment':
      return { name: d.roleName, resourceId: d.assignment.id, principalId: d.principalId, tenantId: d.subscription.tenantId };
    case undefined: {
      const s = subscriptionOf(node);
      return s && { name: s.displayName, resourceId: `/subscriptions/${s.subscriptionId}`, tenantId: s.tenantId, subscriptionId: s.subscriptionId };
    }
    default:
      return undefined;
  }
}
