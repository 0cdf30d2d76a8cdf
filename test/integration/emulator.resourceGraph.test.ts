import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ResourceManagementClient } from '@azure/arm-resources';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { generateScenario } from '../../emulator/scenarios/generate.js';
import { clientOptionsFor, collect, DEMO, tokenFor } from '../../emulator/testing.js';
import { type Answer, byId, GRAPH_OPERATION, graphFor, type Json, type User, withEmulator } from './graph.harness.js';

// The three queries the tree's inventory sends (src/azure), spelled with their own line breaks.
const IDENTITIES = `resources
| where type =~ 'microsoft.managedidentity/userassignedidentities'
| project subscriptionId, identity = pack('id', id, 'name', name, 'location', location, 'tags', tags, 'tenantId', properties.tenantId, 'principalId', properties.principalId, 'clientId', properties.clientId)
| summarize identities = make_list(identity) by subscriptionId`;
const HOLDERS = `resources
| where isnotempty(identity) or type =~ 'microsoft.documentdb/databaseaccounts'
| project subscriptionId, holder = pack('id', id, 'name', name, 'type', type, 'location', location, 'identity', identity)
| summarize holders = make_list(holder) by subscriptionId`;
const ROLE_ASSIGNMENTS = `authorizationresources
| where type =~ 'microsoft.authorization/roleassignments'
| extend principalType = tostring(properties.principalType)
| where principalType !~ 'User' and principalType !~ 'Group'
| project subscriptionId, assignment = pack('id', id, 'name', name, 'scope', properties.scope, 'roleDefinitionId', properties.roleDefinitionId, 'principalId', properties.principalId, 'principalType', principalType)
| summarize roleAssignments = make_list(assignment) by subscriptionId`;

const PROD = DEMO.subscription('Contoso Production');
const DEV = DEMO.subscription('Contoso Development');
const SANDBOX = DEMO.subscription('Fabrikam Sandbox');
const CONTOSO = DEMO.tenant('Contoso');

const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));

/** What ARM's own lists (through the typed SDK clients) say about one subscription, in the graph queries' shapes. */
async function armInventory(emulator: RunningEmulator, user: User, subscriptionId: string) {
  const credential = tokenFor(user);
  const options = clientOptionsFor(emulator);
  const msi = new ManagedServiceIdentityClient(credential, subscriptionId, options);
  const resources = new ResourceManagementClient(credential, subscriptionId, options);
  const authorization = new AuthorizationManagementClient(credential, subscriptionId, options);
  const identities = (await collect(msi.userAssignedIdentities.listBySubscription())).map((i) => ({
    id: i.id, name: i.name, location: i.location, tags: i.tags ?? {}, tenantId: i.tenantId, principalId: i.principalId, clientId: i.clientId,
  }));
  const holders = (await collect(resources.resources.list()))
    .filter((r) => r.identity || r.type?.toLowerCase() === 'microsoft.documentdb/databaseaccounts')
    .map((r) => ({ id: r.id, name: r.name, type: r.type?.toLowerCase(), location: r.location, identity: plain(r.identity) }));
  const roleAssignments = (await collect(authorization.roleAssignments.listForSubscription()))
    .filter((a) => !/^(user|group)$/i.test(a.principalType ?? '') && a.scope?.toLowerCase().startsWith(`/subscriptions/${subscriptionId}`.toLowerCase()))
    .map((a) => ({ id: a.id, name: a.name, scope: a.scope, roleDefinitionId: a.roleDefinitionId, principalId: a.principalId, principalType: a.principalType }));
  return { identities: byId(identities), holders: byId(holders), roleAssignments: byId(roleAssignments) };
}

/** The same three lists from the graph: one query each over all the subscriptions, split per subscription. */
async function graphInventory(ask: (body: unknown) => Promise<Answer>, subscriptionIds: string[]) {
  const perSubscription = async (query: string, column: string) => {
    const answer = await ask({ subscriptions: subscriptionIds, query });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.resultTruncated, 'false');
    assert.equal(answer.body.$skipToken, undefined, 'rows without an id carry no skip token');
    const rows = new Map<string, Json[]>(answer.body.data.map((row: Json) => [row.subscriptionId, row[column]]));
    assert.deepEqual(Object.keys(answer.body.data[0] ?? { subscriptionId: 0, [column]: 0 }), ['subscriptionId', column]);
    return (subscriptionId: string) => byId(rows.get(subscriptionId) ?? []);
  };
  const identities = await perSubscription(IDENTITIES, 'identities');
  const holders = await perSubscription(HOLDERS, 'holders');
  const roleAssignments = await perSubscription(ROLE_ASSIGNMENTS, 'roleAssignments');
  return (subscriptionId: string) => ({ identities: identities(subscriptionId), holders: holders(subscriptionId), roleAssignments: roleAssignments(subscriptionId) });
}

async function assertGraphAgreesWithArm(emulator: RunningEmulator, user: User, subscriptionIds: string[]) {
  const graph = await graphInventory(graphFor(emulator, user), subscriptionIds);
  const compared = { identities: 0, holders: 0, roleAssignments: 0 };
  for (const subscriptionId of subscriptionIds) {
    const arm = await armInventory(emulator, user, subscriptionId);
    assert.deepEqual(graph(subscriptionId), arm, `subscription ${subscriptionId}`);
    for (const list of ['identities', 'holders', 'roleAssignments'] as const) compared[list] += arm[list].length;
  }
  return compared;
}

describe('emulator: Azure Resource Graph agrees with ARM', () => {
  let emulator: RunningEmulator;
  before(async () => {
    // A quota no test here reaches; the quota has its own test with ARG's default.
    emulator = await startEmulator({ pageSize: 2, graphQuota: { queries: 1000, windowMs: 5000 } });
  });
  after(() => emulator.stop());

  it("answers the inventory's three queries with exactly the identities, holders and role assignments ARM lists, on the demo", async () => {
    emulator.resetStats();
    const contoso = await assertGraphAgreesWithArm(emulator, { oid: DEMO.developer.oid, tid: CONTOSO }, [PROD, DEV]);
    assert.ok(contoso.identities >= 5 && contoso.holders >= 5 && contoso.roleAssignments >= 5, JSON.stringify(contoso));
    await assertGraphAgreesWithArm(emulator, { oid: DEMO.developer.oid, tid: DEMO.tenant('Fabrikam') }, [SANDBOX]);
    assert.equal(emulator.stats().byOperation[GRAPH_OPERATION], 6, 'three queries per tenant, each one request');
  });

  it('agrees with ARM on a generated scenario of 3 subscriptions, searching every subscription of the tenant when none is named', async () => {
    const scenario = generateScenario({ subscriptions: 3, identitiesPerSubscription: 4 });
    await withEmulator({ scenario, pageSize: 2 }, async (generated) => {
      const user = { oid: scenario.defaultUser, tid: scenario.tenants[0].tenantId };
      const subscriptionIds = scenario.subscriptions.map((s) => s.subscriptionId);
      assert.deepEqual(await assertGraphAgreesWithArm(generated, user, subscriptionIds), { identities: 12, holders: 9, roleAssignments: 15 });
      const tenantWide = await graphFor(generated, user)({ query: IDENTITIES });
      assert.deepEqual(tenantWide.body.data.map((r: Json) => r.subscriptionId).sort(), [...subscriptionIds].sort());
      assert.deepEqual(tenantWide.body.data.map((r: Json) => r.identities.length), [4, 4, 4]);
    });
  });

  it('shows resource rows in ARG’s shape: lower-cased type and resource group, identity or null, user-assigned identities with ARM’s properties', async () => {
    const ask = graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO });
    const answer = await ask({ subscriptions: [PROD], query: "resources | where name == 'id-orders-api' or name == 'stordersprod01'" });
    const [identity, storage] = (answer.body.data as Json[]).sort((a, b) => (a.name < b.name ? -1 : 1));
    assert.deepEqual(Object.keys(identity), ['id', 'name', 'type', 'tenantId', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'managedBy', 'sku', 'plan', 'properties', 'tags', 'identity', 'zones', 'extendedLocation']);
    assert.equal(identity.type, 'microsoft.managedidentity/userassignedidentities');
    assert.equal(identity.resourceGroup, 'rg-identities');
    assert.equal(identity.identity, null);
    const msi = new ManagedServiceIdentityClient(tokenFor({ oid: DEMO.developer.oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
    const viaArm = await msi.userAssignedIdentities.get('rg-identities', 'id-orders-api');
    assert.deepEqual(identity.properties, { isolationScope: 'None', tenantId: viaArm.tenantId, principalId: viaArm.principalId, clientId: viaArm.clientId });
    assert.equal(storage.type, 'microsoft.storage/storageaccounts');
    const children = await ask({ subscriptions: [PROD], query: "resources | where type =~ 'microsoft.managedidentity/userassignedidentities/federatedidentitycredentials' | project id" });
    assert.equal(children.body.totalRecords, 0, 'child resources are not rows');
  });

  it('shows a user only the rows they may read: nothing from a subscription without read, row by row below it', async () => {
    const rows = async (user: string, query: string) => (await graphFor(emulator, { oid: DEMO.user(user).oid, tid: CONTOSO })({ subscriptions: [PROD, DEV], query })).body.data as Json[];
    const riley = await rows('Riley Reader', 'resources | project id, subscriptionId');
    assert.ok(riley.length > 0);
    assert.deepEqual([...new Set(riley.map((r) => r.subscriptionId))], [PROD], 'Reader on Production only: nothing from Development');
    assert.deepEqual(await rows('Riley Reader', `authorizationresources | where subscriptionId == '${DEV}' | project id`), []);
    const morgan = await rows('Morgan Identity Contributor', 'resources | project id, type, resourceGroup');
    const msi = new ManagedServiceIdentityClient(tokenFor({ oid: DEMO.user('Morgan Identity Contributor').oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
    const armIdentities = await collect(msi.userAssignedIdentities.listByResourceGroup('rg-identities'));
    assert.deepEqual(morgan.map((r) => r.id).sort(), armIdentities.map((i) => i.id!).sort(), 'Managed Identity Contributor on rg-identities reads its identities only');
    const morganAssignments = await rows('Morgan Identity Contributor', 'authorizationresources | project scope = tostring(properties.scope)');
    assert.ok(morganAssignments.length > 0 && morganAssignments.every((r) => r.scope.toLowerCase().startsWith(`/subscriptions/${PROD}/resourcegroups/rg-identities`)));
  });

  it('counts role assignments at, below or above the subscriptions as authorizationScopeFilter says, the tenant root ones once with no subscription', async () => {
    const scenario = generateScenario({ subscriptions: 1, identitiesPerSubscription: 2, seed: 'scopes' });
    const [subscription] = scenario.subscriptions;
    const identity = scenario.resources.find((r) => /userAssignedIdentities\/[^/]+$/.test(r.id))!.id;
    scenario.roleAssignments.push({ scope: '/', role: 'Reader', principal: identity, principalType: 'ServicePrincipal' });
    await withEmulator({ scenario }, async (rooted) => {
      const user = { oid: scenario.defaultUser, tid: scenario.tenants[0].tenantId };
      const ask = graphFor(rooted, user);
      const sub = `/subscriptions/${subscription.subscriptionId}`;
      const scopes = async (authorizationScopeFilter?: string) => {
        const answer = await ask({ subscriptions: [subscription.subscriptionId], query: 'authorizationresources | project scope = tostring(properties.scope), subscriptionId', options: { authorizationScopeFilter } });
        return (answer.body.data as Json[]).map((r) => `${r.subscriptionId ? 'in' : 'none'} ${r.scope === '/' ? 'root' : r.scope === sub ? 'at' : r.scope.startsWith(`${sub}/`) ? 'below' : r.scope}`);
      };
      const counts = (labels: string[]) => labels.reduce<Record<string, number>>((n, l) => ({ ...n, [l]: (n[l] ?? 0) + 1 }), {});
      assert.deepEqual(counts(await scopes()), { 'in at': 1, 'in below': 3 });
      assert.deepEqual(counts(await scopes('AtScopeAndBelow')), { 'in at': 1, 'in below': 3 });
      assert.deepEqual(counts(await scopes('AtScopeExact')), { 'in at': 1 });
      assert.deepEqual(counts(await scopes('AtScopeAndAbove')), { 'in at': 1, 'none root': 1 });
      assert.deepEqual(counts(await scopes('AtScopeAboveAndBelow')), { 'in at': 1, 'in below': 3, 'none root': 1 });
      // ARM's list for the subscription holds the same: at, below and inherited from above.
      const arm = await collect(new AuthorizationManagementClient(tokenFor(user), subscription.subscriptionId, clientOptionsFor(rooted)).roleAssignments.listForSubscription());
      assert.equal(arm.length, 5);
    });
  });
});
