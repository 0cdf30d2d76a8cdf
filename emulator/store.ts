import type { DenyAssignment } from './deny.js';
import { lowerId, parseResourceId, subscriptionOf } from './ids.js';

/** In-memory ARM state, indexed so lists touch one subscription (or one parent), never everything. */
export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  countryCode?: string;
  /** Every request whose token carries this tenant fails with 401 and this message (e.g. an MFA requirement). */
  signInError?: string;
}

export interface Subscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: string;
}

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  tags?: Record<string, string>;
}

export interface ResourceIdentity {
  type: string;
  principalId?: string;
  tenantId?: string;
  userAssignedIdentities?: Record<string, { principalId: string; clientId: string }>;
}

export interface Resource {
  id: string;
  name: string;
  type: string;
  location?: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: unknown;
  identity?: ResourceIdentity;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup';

export interface Principal {
  id: string;
  type: PrincipalType;
  displayName: string;
  tenantId: string;
  userPrincipalName?: string;
  /** Tenants a user belongs to (home and guest); all tenants when absent. */
  memberOfTenants?: string[];
  /** Application (client) id of a service principal. */
  appId?: string;
  /** Epoch ms; a principal younger than the replication window is not yet visible to role assignment checks. */
  createdAt: number;
}

export interface RoleAssignment {
  id: string;
  name: string;
  scope: string;
  roleGuid: string;
  principalId: string;
  principalType: PrincipalType;
  description: string | null;
  condition: string | null;
  createdOn: string;
  updatedOn: string;
  createdBy: string | null;
}

function bucket<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

export class Store {
  readonly tenants = new Map<string, Tenant>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly principals = new Map<string, Principal>();
  /** Few per tenant in practice: a plain list. */
  readonly denyAssignments: DenyAssignment[] = [];
  defaultUserId = '';

  private readonly resourceGroups = new Map<string, ResourceGroup>();
  private readonly groupsBySubscription = new Map<string, Map<string, ResourceGroup>>();
  private readonly resources = new Map<string, Resource>();
  private readonly children = new Map<string, Map<string, Resource>>();
  private readonly topLevelBySubscription = new Map<string, Map<string, Resource>>();
  private readonly topLevelBySubscriptionType = new Map<string, Map<string, Resource>>();
  private readonly assignments = new Map<string, RoleAssignment>();
  private readonly assignmentsBySubscription = new Map<string, Map<string, RoleAssignment>>();
  private readonly assignmentsByPrincipal = new Map<string, Map<string, RoleAssignment>>();

  // Tenants and subscriptions.
  addTenant(tenant: Tenant): void {
    this.tenants.set(tenant.tenantId.toLowerCase(), tenant);
  }
  tenant(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }
  addSubscription(subscription: Subscription): void {
    this.subscriptions.set(subscription.subscriptionId.toLowerCase(), subscription);
  }
  subscription(subscriptionId: string): Subscription | undefined {
    return this.subscriptions.get(subscriptionId.toLowerCase());
  }

  // Principals (the directory).
  addPrincipal(principal: Principal): void {
    this.principals.set(principal.id.toLowerCase(), principal);
  }
  principal(id: string): Principal | undefined {
    return this.principals.get(id.toLowerCase());
  }
  removePrincipal(id: string): void {
    this.principals.delete(id.toLowerCase());
  }

  // Resource groups.
  putResourceGroup(group: ResourceGroup): void {
    const key = lowerId(group.id);
    this.resourceGroups.set(key, group);
    bucket(this.groupsBySubscription, group.subscriptionId.toLowerCase()).set(key, group);
  }
  resourceGroup(subscriptionId: string, name: string): ResourceGroup | undefined {
    return this.resourceGroups.get(lowerId(`/subscriptions/${subscriptionId}/resourceGroups/${name}`));
  }
  resourceGroupsOf(subscriptionId: string): ResourceGroup[] {
    return [...(this.groupsBySubscription.get(subscriptionId.toLowerCase())?.values() ?? [])];
  }
  deleteResourceGroup(group: ResourceGroup): void {
    for (const resource of this.childrenOf(group.id)) this.deleteResource(resource.id);
    this.resourceGroups.delete(lowerId(group.id));
    this.groupsBySubscription.get(group.subscriptionId.toLowerCase())?.delete(lowerId(group.id));
  }

  // Resources, nested ones included (their parent is the parent resource; a top-level one's parent is its group).
  resource(id: string): Resource | undefined {
    return this.resources.get(lowerId(id));
  }
  putResource(resource: Resource): void {
    const parsed = parseResourceId(resource.id);
    if (!parsed) throw new Error(`not a resource id: ${resource.id}`);
    const key = lowerId(resource.id);
    this.resources.set(key, resource);
    bucket(this.children, lowerId(parsed.parentId)).set(key, resource);
    if (!parsed.nested) {
      const sub = parsed.subscriptionId.toLowerCase();
      bucket(this.topLevelBySubscription, sub).set(key, resource);
      bucket(this.topLevelBySubscriptionType, `${sub}|${parsed.type.toLowerCase()}`).set(key, resource);
    }
  }
  deleteResource(id: string): Resource | undefined {
    const key = lowerId(id);
    const resource = this.resources.get(key);
    const parsed = parseResourceId(id);
    if (!resource || !parsed) return undefined;
    for (const child of this.childrenOf(id)) this.deleteResource(child.id);
    this.resources.delete(key);
    this.children.delete(key);
    this.children.get(lowerId(parsed.parentId))?.delete(key);
    if (!parsed.nested) {
      const sub = parsed.subscriptionId.toLowerCase();
      this.topLevelBySubscription.get(sub)?.delete(key);
      this.topLevelBySubscriptionType.get(`${sub}|${parsed.type.toLowerCase()}`)?.delete(key);
    }
    return resource;
  }
  childrenOf(parentId: string): Resource[] {
    return [...(this.children.get(lowerId(parentId))?.values() ?? [])];
  }
  childCount(parentId: string): number {
    return this.children.get(lowerId(parentId))?.size ?? 0;
  }
  topLevelResources(subscriptionId: string, type?: string): Resource[] {
    const sub = subscriptionId.toLowerCase();
    const map = type ? this.topLevelBySubscriptionType.get(`${sub}|${type.toLowerCase()}`) : this.topLevelBySubscription.get(sub);
    return [...(map?.values() ?? [])];
  }

  // Role assignments, indexed by subscription (or "" for tenant-level scopes) and by principal.
  roleAssignment(id: string): RoleAssignment | undefined {
    return this.assignments.get(lowerId(id));
  }
  putRoleAssignment(assignment: RoleAssignment): void {
    const key = lowerId(assignment.id);
    this.assignments.set(key, assignment);
    bucket(this.assignmentsBySubscription, (subscriptionOf(assignment.scope) ?? '').toLowerCase()).set(key, assignment);
    bucket(this.assignmentsByPrincipal, assignment.principalId.toLowerCase()).set(key, assignment);
  }
  deleteRoleAssignment(id: string): RoleAssignment | undefined {
    const key = lowerId(id);
    const assignment = this.assignments.get(key);
    if (!assignment) return undefined;
    this.assignments.delete(key);
    this.assignmentsBySubscription.get((subscriptionOf(assignment.scope) ?? '').toLowerCase())?.delete(key);
    this.assignmentsByPrincipal.get(assignment.principalId.toLowerCase())?.delete(key);
    return assignment;
  }
  /** Assignments whose scope lies in this subscription, plus tenant-level ones (they are above every scope). */
  roleAssignmentsNear(scope: string): RoleAssignment[] {
    const sub = subscriptionOf(scope)?.toLowerCase();
    const tenantLevel = [...(this.assignmentsBySubscription.get('')?.values() ?? [])];
    if (!sub) return [...this.assignments.values()];
    return [...tenantLevel, ...(this.assignmentsBySubscription.get(sub)?.values() ?? [])];
  }
  /** Assignments at the tenant root or a management group: above every subscription. */
  roleAssignmentsAboveSubscriptions(): RoleAssignment[] {
    return [...(this.assignmentsBySubscription.get('')?.values() ?? [])];
  }
  roleAssignmentsOf(principalId: string): RoleAssignment[] {
    return [...(this.assignmentsByPrincipal.get(principalId.toLowerCase())?.values() ?? [])];
  }
}
