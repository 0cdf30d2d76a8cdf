import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ResourceManagementClient } from '@azure/arm-resources';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, collect, DEMO, tokenFor } from '../../emulator/testing.js';
import { GRAPH_OPERATION, graphFor, type Json, withEmulator } from './graph.harness.js';

const PROD = DEMO.subscription('Contoso Production');
const DEV = DEMO.subscription('Contoso Development');
const CONTOSO = DEMO.tenant('Contoso');

describe('emulator: Azure Resource Graph paging, errors, quota, faults and indexing lag', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ graphQuota: { queries: 1000, windowMs: 5000 } });
  });
  after(() => emulator.stop());

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
      assert.equal(limited.stats().byOperation[GRAPH_OPERATION], 18);
    });
  });

  it('rides the emulator’s injected faults like any request: a throttled graph query is retried by the pipeline', async () => {
    await withEmulator({ faults: { throttleRate: 1, retryAfterSeconds: 0 } }, async (faulty) => {
      const answer = await graphFor(faulty, { oid: DEMO.developer.oid, tid: CONTOSO })({ query: 'resources | take 1' });
      assert.equal(answer.status, 429);
      assert.equal(answer.body.error.code, 'TooManyRequests');
      assert.equal(answer.headers['retry-after'], '0');
      assert.equal(faulty.stats().byOperation[GRAPH_OPERATION], 4, 'one try and three retries');
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
