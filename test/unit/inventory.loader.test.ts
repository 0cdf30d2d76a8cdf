import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../../src/core/identities/model';
import { RequestLimiter } from '../../src/inventory/limiter';
import { InventoryLoader } from '../../src/inventory/loader';
import type { InventoryReader, ResourcePage, RoleDefinitionSummary } from '../../src/inventory/reader';

/** An in-memory reader that records how many page requests run at once: the loader's contract is with this
 * interface, the Azure layer's implementation is tested against the emulator separately. */
class RecordingReader implements InventoryReader {
  inFlight = 0;
  maxInFlight = 0;
  requests = 0;
  failing = new Set<string>();

  private async *pages<T>(count: number, make: (i: number) => T, key = ''): AsyncIterable<T[]> {
    for (let i = 0; i < count; i++) {
      this.requests++;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      await sleep(2);
      this.inFlight--;
      if (this.failing.has(key)) throw Object.assign(new Error('denied'), { statusCode: 403 });
      yield [make(i)];
    }
  }

  identityPages(sub: string) {
    return this.pages<UserAssignedIdentity>(3, (i) => ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id${i}`, name: `id${i}`, subscriptionId: sub, resourceGroup: 'rg', location: 'l', tenantId: 't', principalId: `p${i}`, clientId: `c${i}` }), sub);
  }
  resourcePages(sub: string): AsyncIterable<ResourcePage> {
    const holder = (i: number): IdentityHolder => ({ id: `/subscriptions/${sub}/x/${i}`, name: `vm${i}`, type: 'Microsoft.Compute/virtualMachines', subscriptionId: sub, resourceGroup: 'rg', location: 'l', userAssignedIdentityIds: [] });
    // The second page also names one Cosmos DB account.
    const pages = this.pages<IdentityHolder>(2, holder, sub);
    return (async function* () {
      let n = 0;
      for await (const holders of pages) yield { holders, cosmosAccountIds: n++ === 1 ? [`/subscriptions/${sub}/cosmos/c1`] : [] };
    })();
  }
  cosmosSqlRoleAssignmentPages(accountId: string) {
    return this.pages<RoleAssignment>(1, () => ({ id: `${accountId}/sqlRoleAssignments/a`, name: 'a', scope: accountId, principalId: 'p1', roleDefinitionId: `${accountId}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`, system: 'cosmos-sql' }), `cosmos:${accountId}`);
  }
  /** Holds the role assignment lists back until released, when set. */
  holdAssignments?: Promise<void>;

  async *roleAssignmentPages(sub: string) {
    await this.holdAssignments;
    yield* this.rolePages(sub);
  }
  private rolePages(sub: string) {
    return this.pages<RoleAssignment>(2, (i) => ({ id: `/subscriptions/${sub}/ra/${i}`, name: `${i}`, scope: `/subscriptions/${sub}`, principalId: `p${i}`, roleDefinitionId: 'r' }), sub);
  }
  federatedCredentialPages() {
    return this.pages<FederatedCredential>(1, (i) => ({ id: `f${i}`, name: `f${i}`, issuer: 'i', subject: 's', audiences: ['a'] }));
  }
  async roleDefinition(id: string): Promise<RoleDefinitionSummary> {
    this.requests++;
    await sleep(1);
    return { id, roleName: 'Reader', roleType: 'BuiltInRole' };
  }
}

describe('RequestLimiter', () => {
  it('never runs more tasks at once than its concurrency', async () => {
    const limiter = new RequestLimiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 20 }, () => limiter.run(async () => {
      peak = Math.max(peak, ++active);
      await sleep(1);
      active--;
    })));
    assert.equal(peak, 3);
  });

  it('runs an urgent task before the tasks already waiting', async () => {
    const limiter = new RequestLimiter(1);
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await sleep(1);
    };
    const running = [limiter.run(task('first')), limiter.run(task('queued 1')), limiter.run(task('queued 2'))];
    running.push(limiter.run(task('urgent'), undefined, true));
    await Promise.all(running);
    assert.deepEqual(order, ['first', 'urgent', 'queued 1', 'queued 2']);
  });

  it('rejects a waiting task when its signal aborts and lets the others run', async () => {
    const limiter = new RequestLimiter(1);
    const controller = new AbortController();
    const first = limiter.run(() => sleep(5));
    const cancelled = limiter.run(() => sleep(1), controller.signal);
    controller.abort(new Error('refresh'));
    await assert.rejects(cancelled, /refresh/);
    await first;
    assert.equal(await limiter.run(async () => 'ran'), 'ran');
  });
});

/** Each subscription's whole load, side by side (as the inventory runs them): a snapshot or the error. */
async function loadEach(loader: InventoryLoader, subscriptionIds: string[]) {
  const settled = await Promise.allSettled(subscriptionIds.map((id) => loader.loadSubscription(id).complete));
  return new Map(subscriptionIds.map((id, i) => {
    const result = settled[i]!;
    return [id, result.status === 'fulfilled' ? { snapshot: result.value } : { error: result.reason as unknown }] as const;
  }));
}

describe('InventoryLoader', () => {
  it('loads every page of every subscription within the concurrency bound', async () => {
    const reader = new RecordingReader();
    const loader = new InventoryLoader(reader, new RequestLimiter(4));
    const results = await loadEach(loader, ['s1', 's2', 's3']);
    assert.equal(reader.requests, 3 * (3 + 2 + 2 + 1));
    assert.ok(reader.maxInFlight <= 4, `peak ${reader.maxInFlight}`);
    assert.deepEqual(loader.index.identities('s2').map((i) => i.name), ['id0', 'id1', 'id2']);
    assert.equal(results.get('s3')?.snapshot?.holders.length, 2);
  });

  it('lists a subscription from its identities and resources while its role assignments still load', async () => {
    const reader = new RecordingReader();
    let release!: () => void;
    reader.holdAssignments = new Promise((resolve) => (release = resolve));
    const loader = new InventoryLoader(reader, new RequestLimiter(4));
    const loading = loader.loadSubscription('s1');
    const listed = await loading.listed;
    assert.deepEqual([listed.identities.length, listed.holders.length], [3, 2]);
    assert.equal(loader.index.has('s1'), false, 'joins see the subscription only once it is complete');
    release();
    const snapshot = await loading.complete;
    assert.equal(snapshot.roleAssignments.length, 2 + 1);
    assert.equal(loader.index.has('s1'), true);
  });

  it('adds each Cosmos DB account\'s SQL role assignments to the subscription\'s role assignments, named without a request', async () => {
    const reader = new RecordingReader();
    const loader = new InventoryLoader(reader, new RequestLimiter(4));
    await loadEach(loader, ['s1']);
    const held = loader.index.roleAssignmentsOf('p1');
    assert.deepEqual(held.map((a) => a.system ?? 'arm').sort(), ['arm', 'cosmos-sql']);
    const requests = reader.requests;
    const cosmos = held.find((a) => a.system === 'cosmos-sql')!;
    assert.equal((await loader.roleDefinition(cosmos.roleDefinitionId)).roleName, 'Cosmos DB Built-in Data Contributor');
    assert.equal(reader.requests, requests);
  });

  it('fails the whole subscription when a Cosmos DB account\'s role assignments cannot be listed (never a short list)', async () => {
    const reader = new RecordingReader();
    reader.failing.add('cosmos:/subscriptions/s1/cosmos/c1');
    const loader = new InventoryLoader(reader, new RequestLimiter(4));
    const results = await loadEach(loader, ['s1']);
    assert.equal((results.get('s1')?.error as { statusCode: number }).statusCode, 403);
    assert.equal(loader.index.has('s1'), false);
  });

  it('reports a failing subscription without hiding the others', async () => {
    const reader = new RecordingReader();
    reader.failing.add('s2');
    const loader = new InventoryLoader(reader, new RequestLimiter(4));
    const results = await loadEach(loader, ['s1', 's2']);
    assert.equal((results.get('s2')?.error as { statusCode: number }).statusCode, 403);
    assert.equal(loader.index.identities('s1').length, 3);
    assert.equal(loader.index.has('s2'), false);
  });

  it('resolves a role name once per role GUID, whatever scope prefix the id carries', async () => {
    const reader = new RecordingReader();
    const loader = new InventoryLoader(reader, new RequestLimiter(2));
    const guid = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
    await Promise.all([
      loader.roleDefinition(`/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/${guid}`),
      loader.roleDefinition(`/subscriptions/s2/providers/Microsoft.Authorization/roleDefinitions/${guid.toUpperCase()}`),
    ]);
    await loader.roleDefinition(`/providers/Microsoft.Authorization/roleDefinitions/${guid}`);
    assert.equal(reader.requests, 1);
  });

  it('lists an identity\'s federated credentials once until told to forget them', async () => {
    const reader = new RecordingReader();
    const loader = new InventoryLoader(reader, new RequestLimiter(2));
    await loader.federatedCredentials('/X/id');
    await loader.federatedCredentials('/x/ID');
    assert.equal(reader.requests, 1);
    loader.forgetIdentity('/x/id');
    await loader.federatedCredentials('/x/id');
    assert.equal(reader.requests, 2);
  });
});
