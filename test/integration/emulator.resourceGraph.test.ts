import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ResourceManagementClient } from '@azure/arm-resources';
import { ServiceClient } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { generateScenario } from '../../emulator/scenarios/generate.js';
import { clientOptionsFor, collect, DEMO, tokenFor } from '../../emulator/testing.js';

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
const OPERATION = 'POST resourceGraph.resources';

type User = { oid: string; tid: string };
type Json = Record<string, any>;
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Json;
}

/** POST …/providers/Microsoft.ResourceGraph/resources through the core-client pipeline (bearer token, TLS, retries). */
function graphFor(emulator: RunningEmulator, user: User, apiVersion = '2024-04-01') {
  const client = new ServiceClient({ credential: tokenFor(user), ...clientOptionsFor(emulator) });
  return async (body: unknown): Promise<Answer> => {
    const response = await client.sendRequest(createPipelineRequest({
      url: `${emulator.url}/providers/Microsoft.ResourceGraph/resources?api-version=${apiVersion}`,
      method: 'POST',
      body: JSON.stringify(body),
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
    }));
    return { status: response.status, headers: response.headers.toJSON(), body: JSON.parse(response.bodyAsText ?? 'null') };
  };
}

const byId = (items: Json[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

async function withEmulator<T>(options: EmulatorOptions, body: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.stop();
  }
}

describe('emulator: Azure Resource Graph', () => {
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
    assert.equal(emulator.stats().byOperation[OPERATION], 6, 'three queries per tenant, each one request');
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
    const [identity, storage] = byId(answer.body.data).sort((a, b) => (a.name < b.name ? -1 : 1));
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

  it('pages an id-carrying result with $top and $skipToken, in id order, and refuses the token with another query', async () => {
    const ask = graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO });
    const query = 'resources | project id, name';
    const ids: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const answer = await ask({ subscriptions: [PROD, DEV], query, options: { $top: 4, ...(skipToken ? { $skipToken: skipToken } : {}) } });
      assert.equal(answer.status, 200);
      assert.ok(answer.body.count <= 4 && answer.body.count === answer.body.data.length);
      assert.equal(answer.body.resultTruncated, 'false');
      ids.push(...answer.body.data.map((r: Json) => r.id));
      skipToken = answer.body.$skipToken;
      pages += 1;
    } while (skipToken);
    const credential = tokenFor({ oid: DEMO.developer.oid, tid: CONTOSO });
    const armIds = [];
    for (const sub of [PROD, DEV]) armIds.push(...(await collect(new ResourceManagementClient(credential, sub, clientOptionsFor(emulator)).resources.list())).map((r) => r.id!));
    assert.deepEqual(ids, [...armIds].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    assert.equal(pages, Math.ceil(armIds.length / 4));

    const first = await ask({ subscriptions: [PROD, DEV], query, options: { $top: 4 } });
    assert.equal(first.body.totalRecords, armIds.length);
    const reused = await ask({ subscriptions: [PROD, DEV], query: 'resources | project id, type', options: { $skipToken: first.body.$skipToken } });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error.details[0].code, 'InvalidSkipToken');
    const otherScope = await ask({ subscriptions: [PROD], query, options: { $skipToken: first.body.$skipToken } });
    assert.equal(otherScope.status, 400);
  });

  it('truncates a result without ids beyond $top, with resultTruncated "true" and no skip token', async () => {
    const answer = await graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO })({ subscriptions: [PROD, DEV], query: 'resources | project name, type', options: { $top: 3 } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.count, 3);
    assert.ok(answer.body.totalRecords > 3);
    assert.equal(answer.body.resultTruncated, 'true');
    assert.equal('$skipToken' in answer.body, false);
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

  it('answers an invalid query with 400 InvalidQuery and a ParserFailure naming the token, and a bad body plainly', async () => {
    const ask = graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO });
    const invalid = await ask({ subscriptions: [PROD], query: 'resources\n| where name contains "orders"' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'BadRequest');
    assert.match(invalid.body.error.message, /^Please provide below info when asking for support: timestamp = \S+, correlationId = [0-9a-f-]{36}\.$/);
    assert.deepEqual(invalid.body.error.details.map((d: Json) => d.code), ['InvalidQuery', 'ParserFailure']);
    assert.equal(invalid.body.error.details[0].message, 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.');
    assert.deepEqual({ ...invalid.body.error.details[1], message: undefined }, { code: 'ParserFailure', message: undefined, line: 2, characterPositionInLine: 13, token: 'contains' });
    assert.match(invalid.headers['x-ms-user-quota-remaining'], /^\d+$/);
    assert.equal((await ask({ subscriptions: [PROD], query: 'resourcecontainers | take 1' })).body.error.details[1].token, 'resourcecontainers');
    const missing = await ask({ subscriptions: [PROD] });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /"query"/);
    for (const options of [{ $top: 1001 }, { $top: 0 }, { resultFormat: 'table' }, { authorizationScopeFilter: 'Everywhere' }]) {
      assert.equal((await ask({ subscriptions: [PROD], query: 'resources', options })).status, 400, JSON.stringify(options));
    }
    assert.equal((await graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO }, '2022-10-01')({ query: 'resources | take 1' })).status, 200);
    assert.equal((await graphFor(emulator, { oid: DEMO.developer.oid, tid: CONTOSO }, '2019-04-01')({ query: 'resources | take 1' })).body.error.code, 'InvalidApiVersionParameter');
  });

  it('limits each user to 15 queries per 5-second window: the 16th gets 429 RateLimiting with the quota headers, then it passes again', async () => {
    let clock = Date.now();
    await withEmulator({ now: () => clock }, async (limited) => {
      const alex = graphFor(limited, { oid: DEMO.developer.oid, tid: CONTOSO });
      const query = { subscriptions: [PROD], query: 'resources | project id | take 1' };
      for (let i = 1; i <= 15; i++) {
        const answer = await alex(query);
        assert.equal(answer.status, 200);
        assert.equal(answer.headers['x-ms-user-quota-remaining'], String(15 - i));
        assert.equal(answer.headers['x-ms-user-quota-resets-after'], '00:00:05');
      }
      clock += 1_200;
      const throttled = await alex(query);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.body.error.code, 'RateLimiting');
      assert.match(throttled.body.error.message, /^Please provide below info when asking for support: timestamp = /);
      assert.deepEqual(throttled.body.error.details.map((d: Json) => d.code), ['RateLimiting']);
      assert.match(throttled.body.error.details[0].message, /^Client application has been throttled and should not attempt to repeat the request/);
      assert.equal(throttled.headers['x-ms-user-quota-remaining'], '0');
      assert.equal(throttled.headers['x-ms-user-quota-resets-after'], '00:00:04');
      assert.equal(throttled.headers['retry-after'], undefined);
      assert.equal((await graphFor(limited, { oid: DEMO.user('Riley Reader').oid, tid: CONTOSO })(query)).status, 200, 'the quota is per user');
      clock += 3_800;
      const again = await alex(query);
      assert.equal(again.status, 200);
      assert.equal(again.headers['x-ms-user-quota-remaining'], '14');
      assert.equal(limited.stats().byOperation[OPERATION], 18);
    });
  });

  it('rides the emulator’s injected faults like any request: a throttled graph query is retried by the pipeline', async () => {
    await withEmulator({ faults: { throttleRate: 1, retryAfterSeconds: 0 } }, async (faulty) => {
      const answer = await graphFor(faulty, { oid: DEMO.developer.oid, tid: CONTOSO })({ query: 'resources | take 1' });
      assert.equal(answer.status, 429);
      assert.equal(answer.body.error.code, 'TooManyRequests');
      assert.equal(answer.headers['retry-after'], '0');
      assert.equal(faulty.stats().byOperation[OPERATION], 4, 'one try and three retries');
    });
  });

  it('shows a write only once the graph view is rebuilt, graphLagMs after the last rebuild; without a lag at once', async () => {
    let clock = Date.now();
    for (const lagMs of [60_000, 0]) {
      await withEmulator({ now: () => clock, graphLagMs: lagMs }, async (lagging) => {
        const user = { oid: DEMO.developer.oid, tid: CONTOSO };
        const ask = graphFor(lagging, user);
        const named = async () => (await ask({ subscriptions: [PROD], query: "resources | where name == 'id-written-now' | project id" })).body.totalRecords;
        assert.equal(await named(), 0);
        const msi = new ManagedServiceIdentityClient(tokenFor(user), PROD, clientOptionsFor(lagging));
        await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-written-now', { location: 'eastus' });
        if (lagMs > 0) {
          clock += lagMs - 1;
          assert.equal(await named(), 0, 'not indexed yet');
          clock += 1;
        }
        assert.equal(await named(), 1);
      });
    }
  });
});
