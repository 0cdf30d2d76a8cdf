import { AssignedResourceNode } from './nodes/assignedResourceNode';
import { IdentityNode } from './nodes/identityNode';
import { RoleAssignmentNode } from './nodes/roleAssignmentNode';
import { SubscriptionNode } from './nodes/subscriptionNode';
import { SystemAssignedResourceNode } from './nodes/systemAssignedResourceNode';

/** What the copy / open-in-portal actions need from whichever node they were invoked on. */
export interface NodeTarget {
  name: string;
  resourceId?: string;
  clientId?: string;
  principalId?: string;
  tenantId?: string;
  subscriptionId?: string;
}

export function targetOf(node: unknown): NodeTarget | undefined {
  if (node instanceof IdentityNode) {
    const i = node.identity;
    return { name: i.name, resourceId: i.id, clientId: i.clientId, principalId: i.principalId, tenantId: i.tenantId, subscriptionId: i.subscriptionId };
  }
  if (node instanceof AssignedResourceNode) {
    const h = node.holder;
    return { name: h.name, resourceId: h.id, tenantId: node.identity.tenantId, subscriptionId: h.subscriptionId };
  }
  if (node instanceof SystemAssignedResourceNode) {
    const h = node.holder;
    return { name: h.name, resourceId: h.id, principalId: h.systemAssigned?.principalId, tenantId: node.subscription.tenantId, subscriptionId: h.subscriptionId };
  }
  if (node instanceof RoleAssignmentNode) {
    return { name: node.roleName, resourceId: node.assignment.id, principalId: node.principalId, tenantId: node.subscription.tenantId };
  }
  if (node instanceof SubscriptionNode) {
    const s = node.subscription;
    return { name: s.displayName, resourceId: `/subscriptions/${s.subscriptionId}`, tenantId: s.tenantId, subscriptionId: s.subscriptionId };
  }
  return undefined;
}
