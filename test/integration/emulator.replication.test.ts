import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ServiceClient } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { resolveScenario } from '../../emulator/scenarios/load.js';
import { clientOptionsFor, collect, DEMO, rejection, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const RG_APP = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod`;
const ACCOUNT = `${RG_APP}/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-orders-prod`;
const STORAGE = `${RG_APP}/providers/Microsoft.Storage/storageAccounts/stordersprod01`;
const LOCKED_RG = `/subscriptions/${PROD}/resourceGroups/rg-identities`;
const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';
const credential = tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Contoso') });

/** Directory replication of new principals, deny assignments and grant child entities, as real ARM answers them. */
describe('emulator: principal replication window, deny assignments and child entities', () => {
  let emulator: RunningEmulator;
  let client: ServiceClient;
  let clock = Date.now();
  const send = (method: 'GET' | 'PUT', pathOrUrl: string, body?: object, api = '2024-08-15'): Promise<PipelineResponse> =>
    client.sendRequest(createPipelineRequest({
      url: pathOrUrl.startsWith('https://') ? pathOrUrl : `${emulator.url}${pathOrUrl}?api-version=${api}`,
      method,
      body: body ? JSON.stringify(body) : undefined,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
    }));
  const json = (response: PipelineResponse) => JSON.parse(response.bodyAsText ?? '{}');
  const msi = () => new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator));
  const authorization = () => new AuthorizationManagementClient(credential, PROD, clientOptionsFor(emulator));

  before(async () => {
    const scenario = resolveScenario('demo');
    scenario.settings = { principalNotFoundWindowMs: 30_000, principalTypeBypassesReplication: false };
    scenario.denyAssignments = [{ denyAssignmentName: 'Deployment stack deny: rg-identities', scope: LOCKED_RG, actions: ['*/write', '*/delete'], notActions: ['Microsoft.Authorization/*/read'] }];
    emulator = await startEmulator({ scenario, now: () => clock });
    const options = clientOptionsFor(emulator);
    client = new ServiceClient({ ...options, credential, credentialScopes: options.credentialScopes });
  });
  after(() => emulator.stop());

  it('accepts a Cosmos DB SQL role assignment for a principal still replicating, then fails it with 400 BadRequest and writes nothing', async () => {
    const identity = await msi().userAssignedIdentities.createOrUpdate('rg-orders-prod', 'id-cosmos-fresh', { location: 'eastus' });
    const name = randomUUID();
    const body = { properties: { roleDefinitionId: `${ACCOUNT}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000001`, scope: ACCOUNT, principalId: identity.principalId } };
    const put = await send('PUT', `${ACCOUNT}/sqlRoleAssignments/${name}`, body);
    assert.equal(put.status, 202);
    let status = json(await send('GET', put.headers.get('azure-asyncoperation')!));
    while (status.status === 'InProgress') status = json(await send('GET', put.headers.get('azure-asyncoperation')!));
    assert.equal(status.status, 'Failed');
    assert.equal(status.error.code, 'BadRequest');
    assert.match(status.error.message, new RegExp(`^The provided principal ID \\[${identity.principalId}\\] was not found in the AAD tenant\\(s\\) \\[${DEMO.tenant('Contoso')}\\]`));
    assert.equal((await send('GET', `${ACCOUNT}/sqlRoleAssignments/${name}`)).status, 404);

    clock += 30_000; // replicated now
    const again = await send('PUT', `${ACCOUNT}/sqlRoleAssignments/${name}`, body);
    let done = json(await send('GET', again.headers.get('azure-asyncoperation')!));
    while (done.status === 'InProgress') done = json(await send('GET', again.headers.get('azure-asyncoperation')!));
    assert.equal(done.status, 'Succeeded');
    assert.equal(json(await send('GET', `${ACCOUNT}/sqlRoleAssignments/${name}`)).properties.principalId, identity.principalId);
  });

  it('answers PrincipalNotFound even with principalType when the scenario says the lookup is not skipped', async () => {
    const identity = await msi().userAssignedIdentities.createOrUpdate('rg-orders-prod', 'id-arm-fresh', { location: 'eastus' });
    const parameters = { roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/${BLOB_READER}`, principalId: identity.principalId!, principalType: 'ServicePrincipal' as const };
    const error = await rejection(authorization().roleAssignments.create(STORAGE, randomUUID(), parameters));
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'PrincipalNotFound');
    clock += 30_000;
    assert.equal((await authorization().roleAssignments.create(STORAGE, randomUUID(), parameters)).principalType, 'ServicePrincipal');
  });

  it('keeps a deny assignment out of the permissions API and refuses the write with 403 DenyAssignmentAuthorizationFailed', async () => {
    const permissions = json(await send('GET', `${LOCKED_RG}/providers/Microsoft.Authorization/permissions`, undefined, '2022-04-01')).value as Array<{ actions: string[] }>;
    assert.ok(permissions.some((p) => p.actions.includes('*')), 'Owner still shows * at the locked group');
    const error = await rejection(msi().userAssignedIdentities.createOrUpdate('rg-identities', 'id-blocked', { location: 'eastus' }));
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'DenyAssignmentAuthorizationFailed');
    assert.match(error.message, /has permission to perform action 'Microsoft.ManagedIdentity\/userAssignedIdentities\/write'.*however, the access is denied because of the deny assignment with name 'Deployment stack deny: rg-identities'/);
    const listed = await collect(authorization().denyAssignments.listForScope(`${LOCKED_RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-orders-api`, { filter: 'atScope()' }));
    assert.deepEqual(listed.map((d) => [d.denyAssignmentName, d.scope, d.principals?.[0].id]), [['Deployment stack deny: rg-identities', LOCKED_RG, '00000000-0000-0000-0000-000000000000']]);
    assert.deepEqual(await collect(authorization().denyAssignments.listForScope(STORAGE, { filter: 'atScope()' })), []);
  });

  it('lists containers, queues, Service Bus queues and topics and event hubs under their parents, as ARM shapes them', async () => {
    const names = async (path: string, api: string) => (json(await send('GET', path, undefined, api)).value as Array<{ name: string; type: string }>).map((v) => `${v.type}:${v.name}`);
    assert.deepEqual(await names(`${STORAGE}/blobServices/default/containers`, '2023-05-01'), ['Microsoft.Storage/storageAccounts/blobServices/containers:orders', 'Microsoft.Storage/storageAccounts/blobServices/containers:invoices']);
    assert.deepEqual(await names(`${STORAGE}/queueServices/default/queues`, '2023-05-01'), ['Microsoft.Storage/storageAccounts/queueServices/queues:order-events']);
    assert.deepEqual(await names(`${RG_APP}/providers/Microsoft.ServiceBus/namespaces/sb-orders-prod/queues`, '2021-11-01'), ['Microsoft.ServiceBus/namespaces/queues:orders']);
    assert.deepEqual(await names(`${RG_APP}/providers/Microsoft.ServiceBus/namespaces/sb-orders-prod/topics`, '2021-11-01'), ['Microsoft.ServiceBus/namespaces/topics:order-updates']);
    assert.deepEqual(await names(`${RG_APP}/providers/Microsoft.EventHub/namespaces/evh-orders-prod/eventhubs`, '2024-01-01'), ['Microsoft.EventHub/namespaces/eventhubs:telemetry']);
    const other = `/subscriptions/${DEMO.subscription('Contoso Development')}/resourceGroups/rg-dev-sandbox/providers/Microsoft.Storage/storageAccounts/stdevsandbox01`;
    assert.deepEqual(await names(`${other}/blobServices/default/containers`, '2023-05-01'), [], 'every account has its default blob service, empty until containers are made');
  });
});
