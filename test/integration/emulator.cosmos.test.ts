import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ServiceClient } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, DEMO, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const ACCOUNT = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-orders-prod`;
const API = 'api-version=2024-08-15';
const credential = tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Contoso') });

/** Cosmos SQL role assignments have no installed SDK: the real core-client pipeline (bearer policy, retries, TLS) does. */
describe('emulator: Cosmos DB sqlRoleDefinitions and sqlRoleAssignments through the core-client pipeline', () => {
  let emulator: RunningEmulator;
  let client: ServiceClient;
  const send = (method: 'GET' | 'PUT' | 'DELETE', pathOrUrl: string, body?: object): Promise<PipelineResponse> =>
    client.sendRequest(createPipelineRequest({
      url: pathOrUrl.startsWith('https://') ? pathOrUrl : `${emulator.url}${pathOrUrl}?${API}`,
      method,
      body: body ? JSON.stringify(body) : undefined,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
    }));
  const json = (response: PipelineResponse) => JSON.parse(response.bodyAsText ?? '{}');
  async function pollUntilDone(response: PipelineResponse): Promise<string> {
    const url = response.headers.get('azure-asyncoperation');
    assert.ok(url, 'a long-running answer names its Azure-AsyncOperation URL');
    for (let i = 0; i < 10; i++) {
      const status = json(await send('GET', url)).status;
      if (status !== 'InProgress') return status;
    }
    return 'InProgress';
  }

  before(async () => {
    emulator = await startEmulator({ pageSize: 2 });
    const options = clientOptionsFor(emulator);
    client = new ServiceClient({ ...options, credential, credentialScopes: options.credentialScopes });
  });
  after(() => emulator.stop());

  it('lists the two built-in SQL role definitions every account carries', async () => {
    const response = await send('GET', `${ACCOUNT}/sqlRoleDefinitions`);
    assert.equal(response.status, 200);
    assert.deepEqual(json(response).value.map((d: { name: string; properties: { roleName: string } }) => [d.name, d.properties.roleName]), [
      ['00000000-0000-0000-0000-000000000001', 'Cosmos DB Built-in Data Reader'],
      ['00000000-0000-0000-0000-000000000002', 'Cosmos DB Built-in Data Contributor'],
    ]);
  });

  it('lists the demo assignment that gives id-orders-api the Data Contributor role', async () => {
    const msi = new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator));
    const identity = await msi.userAssignedIdentities.get('rg-identities', 'id-orders-api');
    const assignments = json(await send('GET', `${ACCOUNT}/sqlRoleAssignments`)).value;
    assert.equal(assignments.length, 1);
    assert.equal(assignments[0].properties.principalId, identity.principalId);
    assert.equal(assignments[0].properties.scope, ACCOUNT);
  });

  it('creates an assignment with a 202 long-running PUT, reads it, then deletes it the same way', async () => {
    const name = randomUUID();
    const principalId = DEMO.user('Riley Reader').oid; // Cosmos DB looks the principal up: it must be in the directory
    const put = await send('PUT', `${ACCOUNT}/sqlRoleAssignments/${name}`, {
      properties: { roleDefinitionId: `${ACCOUNT}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000001`, scope: `${ACCOUNT}/dbs/orders`, principalId },
    });
    assert.equal(put.status, 202);
    assert.equal(await pollUntilDone(put), 'Succeeded');
    const read = json(await send('GET', `${ACCOUNT}/sqlRoleAssignments/${name}`));
    assert.equal(read.properties.principalId, principalId);
    assert.equal(read.properties.scope, `${ACCOUNT}/dbs/orders`);
    const removed = await send('DELETE', `${ACCOUNT}/sqlRoleAssignments/${name}`);
    assert.equal(removed.status, 202);
    assert.equal(await pollUntilDone(removed), 'Succeeded');
    assert.equal((await send('GET', `${ACCOUNT}/sqlRoleAssignments/${name}`)).status, 404);
  });

  it('rejects an unknown SQL role definition and a scope outside the account with 400', async () => {
    const bad = await send('PUT', `${ACCOUNT}/sqlRoleAssignments/${randomUUID()}`, {
      properties: { roleDefinitionId: `${ACCOUNT}/sqlRoleDefinitions/${randomUUID()}`, scope: ACCOUNT, principalId: randomUUID() },
    });
    assert.equal(bad.status, 400);
    const outside = await send('PUT', `${ACCOUNT}/sqlRoleAssignments/${randomUUID()}`, {
      properties: { roleDefinitionId: `${ACCOUNT}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000001`, scope: `/subscriptions/${PROD}`, principalId: randomUUID() },
    });
    assert.equal(outside.status, 400);
  });
});
