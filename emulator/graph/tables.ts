import { assignmentView } from '../handlers/authorization.js';
import { canonicalType } from '../handlers/catalog.js';
import { parseResourceId, resourceGroupOf, subscriptionOf } from '../ids.js';
import { roleByGuid, type BuiltInRole } from '../roles.js';
import { roleGrants } from '../rbac.js';
import type { Resource, RoleAssignment, Store, Subscription } from '../store.js';
import type { Row } from './expressions.js';
import type { AuthorizationScopeFilter } from './request.js';

/**
 * ARG's tables over the emulator's store. `resources` holds every top-level resource (child resources such as
 * federated credentials are not rows); `authorizationresources` the role assignments in a subscription, and with an
 * "Above" authorizationScopeFilter those above every subscription. Both share ARG's column set. Rows are built once per store object and reused while it is unchanged.
 */
export const GRAPH_TABLES = ['resources', 'authorizationresources'] as const;
export type GraphTable = (typeof GRAPH_TABLES)[number];

export const GRAPH_COLUMNS = ['id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation'];

const RA_READ = 'Microsoft.Authorization/roleAssignments/read';

/** One row and what reading it takes: the read action at its (lower-cased) id or scope. */
interface Entry {
  row: Row;
  scope: string;
  action: string;
}

type SubscriptionRows = Record<GraphTable, Entry[]>;
const IN_A_SUBSCRIPTION = /^\/subscriptions\//i;

/** One query's search: which table, where, for whom. */
export interface GraphSearch {
  table: GraphTable;
  subscriptions: Subscription[];
  /** The caller: whose read permissions apply, and the tenant that rows above every subscription are shown in. */
  principalId: string;
  tenantId: string;
  now: number;
  /** Which role assignments count relative to the subscriptions: at them, below them, above them (the tenant root). */
  scopeFilter: AuthorizationScopeFilter;
}

/**
 * The indexed copy queries read. Real ARG shows a write after a delay: with a lag, queries see the store as it was
 * when the view was last rebuilt, and the view is rebuilt only once it is at least lagMs old (0: always current).
 */
export class GraphView {
  private snapshot?: { builtAt: number; bySubscription: Map<string, SubscriptionRows>; above: RoleAssignment[] };
  private readonly resourceRows = new WeakMap<Resource, { properties: unknown; entry: Entry }>();
  private readonly assignmentRows = new WeakMap<RoleAssignment, Entry>();

  constructor(private readonly lagMs: number) {}

  /** The rows of the search that the principal may read (deny assignments are not applied, as ARG's docs say nothing of them). */
  rows(store: Store, search: GraphSearch): Row[] {
    const access = new ReadAccess(store, search.principalId);
    const roleAssignments = search.table === 'authorizationresources';
    const below = !roleAssignments || search.scopeFilter.endsWith('Below');
    const above = roleAssignments && search.scopeFilter.includes('Above');
    let seesAbove = false;
    const rows: Row[] = [];
    for (const subscription of search.subscriptions) {
      const canRead = access.in(subscription.subscriptionId);
      const at = `/subscriptions/${subscription.subscriptionId.toLowerCase()}`;
      for (const entry of this.entriesOf(store, subscription, search.table, search.now)) {
        if ((below || entry.scope === at) && canRead(entry)) rows.push(entry.row);
      }
      // Inherited assignments show to whoever may read a subscription's, as ARM's list for the subscription shows them.
      seesAbove ||= above && canRead({ row: {}, scope: at, action: RA_READ });
    }
    if (seesAbove) for (const a of this.aboveOf(store, search.now)) rows.push(assignmentRow(a, '', search.tenantId));
    return rows;
  }

  private entriesOf(store: Store, subscription: Subscription, table: GraphTable, now: number): Entry[] {
    if (this.lagMs <= 0) return this.build(store, subscription, table);
    return this.current(store, now).bySubscription.get(subscription.subscriptionId.toLowerCase())?.[table] ?? [];
  }

  private aboveOf(store: Store, now: number): RoleAssignment[] {
    return this.lagMs <= 0 ? store.roleAssignmentsAboveSubscriptions() : this.current(store, now).above;
  }

  private current(store: Store, now: number) {
    if (!this.snapshot || now - this.snapshot.builtAt >= this.lagMs) {
      const bySubscription = new Map<string, SubscriptionRows>();
      for (const s of store.subscriptions.values()) {
        bySubscription.set(s.subscriptionId.toLowerCase(), { resources: this.build(store, s, 'resources'), authorizationresources: this.build(store, s, 'authorizationresources') });
      }
      this.snapshot = { builtAt: now, bySubscription, above: store.roleAssignmentsAboveSubscriptions() };
    }
    return this.snapshot;
  }

  private build(store: Store, subscription: Subscription, table: GraphTable): Entry[] {
    if (table === 'resources') return store.topLevelResources(subscription.subscriptionId).map((r) => this.resourceEntry(r, subscription));
    // Near a subscription means in it or above it; only the former are rows of the subscription.
    const assignments = store.roleAssignmentsNear(`/subscriptions/${subscription.subscriptionId}`);
    return assignments.filter((a) => IN_A_SUBSCRIPTION.test(a.scope)).map((a) => this.assignmentEntry(a, subscription));
  }

  private resourceEntry(resource: Resource, subscription: Subscription): Entry {
    // Writes store new objects; an LRO's provisioning state replaces `properties` on the same one.
    const cached = this.resourceRows.get(resource);
    if (cached && cached.properties === resource.properties) return cached.entry;
    const entry = { row: resourceRow(resource, subscription), scope: resource.id.toLowerCase(), action: `${canonicalType(resource.type)}/read` };
    this.resourceRows.set(resource, { properties: resource.properties, entry });
    return entry;
  }

  private assignmentEntry(assignment: RoleAssignment, subscription: Subscription): Entry {
    let entry = this.assignmentRows.get(assignment);
    if (!entry) {
      entry = { row: assignmentRow(assignment, subscription.subscriptionId, subscription.tenantId), scope: assignment.scope.toLowerCase(), action: RA_READ };
      this.assignmentRows.set(assignment, entry);
    }
    return entry;
  }
}

/** ARG's resource row: type and resourceGroup lower-cased, absent fields as ARG shows them. */
function resourceRow(r: Resource, subscription: Subscription): Row {
  return {
    id: r.id,
    name: r.name,
    type: r.type.toLowerCase(),
    tenantId: subscription.tenantId,
    kind: r.kind ?? '',
    location: r.location ?? '',
    resourceGroup: (parseResourceId(r.id)?.resourceGroup ?? '').toLowerCase(),
    subscriptionId: subscription.subscriptionId,
    managedBy: typeof r.managedBy === 'string' ? r.managedBy : '',
    sku: r.sku ?? null,
    plan: r.plan ?? null,
    properties: r.properties ?? {},
    tags: r.tags ?? {},
    identity: r.identity ?? null,
    zones: r.zones ?? null,
    extendedLocation: r.extendedLocation ?? null,
  };
}

/**
 * A role assignment row; its properties are exactly what ARM's GET answers (roleDefinitionId in its subscription).
 * One above every subscription (tenant root, management group) has subscriptionId "".
 */
function assignmentRow(a: RoleAssignment, subscriptionId: string, tenantId: string): Row {
  return {
    id: a.id,
    name: a.name,
    type: 'microsoft.authorization/roleassignments',
    tenantId,
    kind: '',
    location: '',
    resourceGroup: (resourceGroupOf(a.scope) ?? '').toLowerCase(),
    subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    properties: assignmentView(a).properties,
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

/**
 * The principal's read permissions, as rbac.ts isAllowed decides them (an assignment at or above the row's scope
 * whose role grants the action), indexed so 10,000 rows cost 10,000 map lookups: what an assignment at or above a
 * subscription grants holds for every row in it; only assignments below the subscription are checked row by row.
 */
class ReadAccess {
  private readonly bySubscription = new Map<string, Array<{ scope: string; prefix: string; role: BuiltInRole }>>();
  private readonly grants = new Map<string, boolean>();

  constructor(store: Store, principalId: string) {
    for (const assignment of store.roleAssignmentsOf(principalId)) {
      const role = roleByGuid(assignment.roleGuid);
      if (!role) continue;
      const key = subscriptionOf(assignment.scope)?.toLowerCase() ?? '';
      const scope = assignment.scope === '/' ? '' : assignment.scope.toLowerCase();
      const list = this.bySubscription.get(key) ?? [];
      list.push({ scope, prefix: scope + '/', role });
      this.bySubscription.set(key, list);
    }
  }

  in(subscriptionId: string): (entry: Entry) => boolean {
    const sub = `/subscriptions/${subscriptionId.toLowerCase()}`;
    const candidates = [...(this.bySubscription.get('') ?? []), ...(this.bySubscription.get(subscriptionId.toLowerCase()) ?? [])];
    const above = candidates.filter((c) => c.scope === sub || sub.startsWith(c.prefix));
    const below = candidates.filter((c) => !above.includes(c));
    const wide = new Map<string, boolean>();
    return (entry) => {
      let allowed = wide.get(entry.action);
      if (allowed === undefined) wide.set(entry.action, (allowed = above.some((c) => this.grant(c.role, entry.action))));
      return allowed || below.some((c) => (entry.scope === c.scope || entry.scope.startsWith(c.prefix)) && this.grant(c.role, entry.action));
    };
  }

  private grant(role: BuiltInRole, action: string): boolean {
    const key = `${role.name}|${action}`;
    let allowed = this.grants.get(key);
    if (allowed === undefined) this.grants.set(key, (allowed = roleGrants(role, action)));
    return allowed;
  }
}
