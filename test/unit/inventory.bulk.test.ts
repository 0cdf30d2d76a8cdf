import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { AzureSubscription } from '../../src/azure/tenants';
import type { IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../../src/core/identities/model';
import { GRAPH_GROUP_SIZE, GRAPH_LAG_GRACE_MS, IdentityInventory } from '../../src/inventory/inventory';
import { RequestLimiter } from '../../src/inventory/limiter';
import type { BulkListing, BulkLoad, InventoryReader, ResourcePage, RoleDefinitionSummary } from '../../src/inventory/reader';

const identity = (sub: string, name: string): UserAssignedIdentity => ({
  id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
  name,
  subscriptionId: sub,
  resourceGroup: 'rg',
  location: 'eastus',
  tenantId: 't',
  principalId: `p-${name}`,
  clientId: `c-${name}`,
});

/** Records which path each subscription loaded through: bulk calls (with their members) and per-subscription lists. */
class BulkReader implements InventoryReader {
  bulkCalls: Array<{ tenantId: string; ids: string[] }> = [];
  listed: string[] = [];
  bulkFails = false;
  /** Subscriptions the bulk answer leaves empty (as the graph does for one the user may not read). */
  emptyInGraph = new Set<string>();

  /** Role assignments the bulk load gives each subscription it found; held back until released when set. */
  graphAssignments: RoleAssignment[] = [];
  holdAssignments?: Promise<void>;
  assignmentsFail = false;
  armAssignmentLists: string[] = [];

  loadInBulk(tenantId: string, ids: string[]): BulkLoad {
    this.bulkCalls.push({ tenantId, ids });
    const listings = (async () => {
      await Promise.resolve();
      if (this.bulkFails) throw Object.assign(new Error('graph down'), { statusCode: 503 });
      return new Map<string, BulkListing>(ids.map((id) => [id.toLowerCase(), { identities: this.emptyInGraph.has(id) ? [] : [identity(id, 'from-graph')], holders: [], cosmosAccountIds: [] }]));
    })();
    const roleAssignments = listings.then(async (found) => {
      await this.holdAssignments;
      if (this.assignmentsFail) throw Object.assign(new Error('role assignments query failed'), { statusCode: 400 });
      return new Map([...found.keys()].map((key) => [key, this.graphAssignments.filter((a) => a.scope.toLowerCase() === `/subscriptions/${key}`)]));
    });
    roleAssignments.catch(() => undefined); // as graphLoad: awaited only by subscriptions the listings found
    return { listings, roleAssignments };
  }
  async *identityPages(sub: string): AsyncIterable<UserAssignedIdentity[]> {
    this.listed.push(sub);
    yield [identity(sub, 'from-arm')];
  }
  async *resourcePages(): AsyncIterable<ResourcePage> {
    yield { holders: [] as IdentityHolder[], cosmosAccountIds: [] };
  }
  async *cosmosSqlRoleAssignmentPages(): AsyncIterable<RoleAssignment[]> {}
  async *roleAssignmentPages(sub: string): AsyncIterable<RoleAssignment[]> {
    this.armAssignmentLists.push(sub);
    yield [assignment(sub, 'from-arm')];
  }
  async *federatedCredentialPages() {}
  async roleDefinition(id: string): Promise<RoleDefinitionSummary> {
    return { id, roleName: 'Reader', roleType: 'BuiltInRole' };
  }
}

const assignment = (sub: string, name: string): RoleAssignment => ({
  id: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments/${name}`,
  name,
  scope: `/subscriptions/${sub}`,
  roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/r`,
  principalId: 'p-from-graph',
});

const subscriptions = (count: number, tenantOf = (_i: number) => 't1'): AzureSubscription[] =>
  Array.from({ length: count }, (_, i) => ({ subscriptionId: `s${i}`, tenantId: tenantOf(i), displayName: `S${i}` }) as AzureSubscription);

async function loadedNames(inventory: IdentityInventory, subs: AzureSubscription[]) {
  return Promise.all(subs.map(async (s) => (await inventory.snapshot(s.subscriptionId)).identities.map((i) => i.name).join()));
}

function sourceOf(inventory: IdentityInventory, subscriptionId: string) {
  const state = inventory.state(subscriptionId);
  return state?.status === 'loaded' ? state.source : state?.status;
}

describe('IdentityInventory bulk loading', () => {
  it('loads subscriptions listed together in one bulk call per tenant, groups of at most the group size', async () => {
    const reader = new BulkReader();
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(GRAPH_GROUP_SIZE + 3, (i) => (i % 2 ? 't2' : 't1'));
    inventory.track(subs);
    assert.deepEqual(new Set(await loadedNames(inventory, subs)), new Set(['from-graph']));
    assert.deepEqual(reader.listed, []);
    assert.deepEqual(reader.bulkCalls.map((c) => `${c.tenantId}:${c.ids.length}`).sort(), ['t1:127', 't2:126']);
    assert.equal(sourceOf(inventory, 's0'), 'graph');
    inventory.dispose();
  });

  it('splits a tenant larger than the group size into several bulk calls', async () => {
    const reader = new BulkReader();
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(GRAPH_GROUP_SIZE + 1);
    inventory.track(subs);
    await loadedNames(inventory, subs);
    assert.deepEqual(reader.bulkCalls.map((c) => c.ids.length), [GRAPH_GROUP_SIZE, 1]);
    inventory.dispose();
  });

  it('falls back to each subscription’s own lists when the bulk call fails', async () => {
    const reader = new BulkReader();
    reader.bulkFails = true;
    const inventory = new IdentityInventory(reader, new RequestLimiter(4), { delayMs: 1 });
    const subs = subscriptions(3);
    inventory.track(subs);
    assert.deepEqual(await loadedNames(inventory, subs), ['from-arm', 'from-arm', 'from-arm']);
    assert.deepEqual(reader.listed.sort(), ['s0', 's1', 's2']);
    assert.equal(sourceOf(inventory, 's1'), 'arm');
    const state = inventory.state('s1');
    assert.match(String(state?.status === 'loaded' && (state.graphError as Error).message), /graph down/);
    inventory.dispose();
  });

  it('reads a subscription the graph found empty through ARM, which tells empty from not readable', async () => {
    const reader = new BulkReader();
    reader.emptyInGraph.add('s1');
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(2);
    inventory.track(subs);
    assert.deepEqual(await loadedNames(inventory, subs), ['from-graph', 'from-arm']);
    assert.deepEqual(reader.listed, ['s1']);
    inventory.dispose();
  });

  it('reloads a written subscription through ARM, and keeps it off the graph on refresh until the grace period ends', async () => {
    const reader = new BulkReader();
    let now = 1_000_000;
    const inventory = new IdentityInventory(reader, new RequestLimiter(4), {}, () => now);
    const subs = subscriptions(3);
    inventory.track(subs);
    await loadedNames(inventory, subs);
    await inventory.reload('s1');
    assert.deepEqual(reader.listed, ['s1']);

    reader.bulkCalls = [];
    inventory.refresh();
    assert.deepEqual(await loadedNames(inventory, subs), ['from-graph', 'from-arm', 'from-graph']);
    assert.deepEqual(reader.bulkCalls.map((c) => c.ids), [['s0', 's2']]);

    now += GRAPH_LAG_GRACE_MS + 1;
    reader.bulkCalls = [];
    inventory.refresh();
    assert.deepEqual(await loadedNames(inventory, subs), ['from-graph', 'from-graph', 'from-graph']);
    assert.deepEqual(reader.bulkCalls.map((c) => c.ids), [['s0', 's1', 's2']]);
    inventory.dispose();
  });

  it('lists a subscription as soon as the graph lists it; its role assignments, and joins on them, follow', async () => {
    const reader = new BulkReader();
    reader.graphAssignments = [assignment('s0', 'from-graph')];
    let release!: () => void;
    reader.holdAssignments = new Promise((resolve) => (release = resolve));
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(2);
    inventory.track(subs);
    assert.deepEqual((await inventory.listed('s0')).identities.map((i) => i.name), ['from-graph']);
    let settled = false;
    const joins = inventory.tenantSettled('t1').then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(sourceOf(inventory, 's0'), 'loading');
    assert.equal(settled, false, 'joins wait for the role assignments');

    release();
    await joins;
    assert.deepEqual(inventory.index.roleAssignmentsOf('p-from-graph').map((a) => a.name), ['from-graph']);
    assert.equal(sourceOf(inventory, 's0'), 'graph');
    assert.deepEqual(reader.armAssignmentLists, []);
    inventory.dispose();
  });

  it('reads role assignments from ARM when the graph listed the subscription but could not give them', async () => {
    const reader = new BulkReader();
    reader.assignmentsFail = true;
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(2);
    inventory.track(subs);
    assert.deepEqual(await loadedNames(inventory, subs), ['from-graph', 'from-graph']);
    assert.deepEqual(reader.listed, [], 'identities and resources still come from the graph');
    assert.deepEqual(reader.armAssignmentLists.sort(), ['s0', 's1']);
    assert.deepEqual(inventory.index.roleAssignmentsOf('p-from-graph').map((a) => a.name).sort(), ['from-arm', 'from-arm']);
    const state = inventory.state('s0');
    assert.equal(sourceOf(inventory, 's0'), 'graph');
    assert.match(String(state?.status === 'loaded' && (state.graphError as Error).message), /role assignments query failed/);
    inventory.dispose();
  });

  it('keeps a subscription the graph lists nothing of but some role assignments in the graph', async () => {
    const reader = new BulkReader();
    reader.emptyInGraph.add('s1');
    reader.graphAssignments = [assignment('s1', 'from-graph')];
    const inventory = new IdentityInventory(reader, new RequestLimiter(4));
    const subs = subscriptions(2);
    inventory.track(subs);
    await loadedNames(inventory, subs);
    assert.equal(sourceOf(inventory, 's1'), 'graph');
    assert.deepEqual(reader.listed, []);
    inventory.dispose();
  });
});
