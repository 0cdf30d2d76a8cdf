import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ResourceManagementClient, type GenericResource } from '@azure/arm-resources';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, DEMO, rejection, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const CONTOSO = DEMO.tenant('Contoso');
const APP = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod`;
const IDS = `/subscriptions/${PROD}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities`;
const VM = `${APP}/providers/Microsoft.Compute/virtualMachines/vm-orders-01`;
const CONTAINER_APP = `${APP}/providers/Microsoft.App/containerApps/ca-orders-api`;
const WEB = `${APP}/providers/Microsoft.Web/sites/app-orders-web`;
const FAST = { updateIntervalInMs: 5 };

const userAssignedKeys = (r: GenericResource) => Object.keys(r.identity?.userAssignedIdentities ?? {}).map((k) => k.split('/').pop());

describe('emulator: identity on compute resources, PATCH merge semantics and long-running operations', () => {
  let emulator: RunningEmulator;
  let client: ResourceManagementClient;
  before(async () => {
    emulator = await startEmulator({ pageSize: 2 });
    client = new ResourceManagementClient(tokenFor({ oid: DEMO.developer.oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
  });
  after(() => emulator.stop());

  it('adds a user-assigned identity to a VM with PATCH, keeping the others, through a polled long-running operation', async () => {
    emulator.resetStats();
    const before = await client.resources.getById(VM, '2024-07-01');
    const updated = await client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-api`]: {} } } }, FAST);
    assert.deepEqual(userAssignedKeys(updated).sort(), ['id-orders-api', 'id-orders-worker']);
    assert.equal(updated.identity?.principalId, before.identity?.principalId, 'the system identity survives');
    assert.equal((updated.properties as { provisioningState: string }).provisioningState, 'Succeeded');
    assert.ok(emulator.stats().byOperation['GET operations.getStatus'] >= 2, 'the SDK polled Azure-AsyncOperation until Succeeded');
    const api = updated.identity?.userAssignedIdentities?.[`${IDS}/id-orders-api`];
    assert.match(api?.principalId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('removes one identity with null, and rejects removing the last one without changing the type', async () => {
    const removed = await client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-api`]: null as unknown as object } } }, FAST);
    assert.deepEqual(userAssignedKeys(removed), ['id-orders-worker']);
    const error = await rejection(client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-worker`]: null as unknown as object } } }, FAST));
    assert.equal(error.statusCode, 400);
    const systemOnly = await client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned' } }, FAST);
    assert.equal(systemOnly.identity?.type, 'SystemAssigned');
    assert.equal(systemOnly.identity?.userAssignedIdentities, undefined);
  });

  it('replaces the whole identity on PUT, and gives a re-enabled system identity a new principal id', async () => {
    const current = await client.resources.getById(VM, '2024-07-01');
    const oldPrincipal = current.identity?.principalId;
    const put = await client.resources.beginCreateOrUpdateByIdAndWait(VM, '2024-07-01', { location: 'eastus', properties: current.properties, identity: { type: 'UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-web`]: {} } } }, FAST);
    assert.equal(put.identity?.type, 'UserAssigned');
    assert.deepEqual(userAssignedKeys(put), ['id-orders-web']);
    assert.equal(put.identity?.principalId, undefined);
    const again = await client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned' } }, FAST);
    assert.match(again.identity?.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(again.identity?.principalId, oldPrincipal);
    assert.deepEqual(userAssignedKeys(again), ['id-orders-web'], 'a PATCH naming only the type keeps the user-assigned set');
  });

  it('spells the combined type without a space for container apps and completes their 202 PATCH', async () => {
    const app = await client.resources.getById(CONTAINER_APP, '2024-03-01');
    assert.equal(app.identity?.type, 'SystemAssigned,UserAssigned');
    const updated = await client.resources.beginUpdateByIdAndWait(CONTAINER_APP, '2024-03-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-worker`]: {} } } }, FAST);
    assert.equal(updated.identity?.type, 'SystemAssigned,UserAssigned');
    assert.deepEqual(userAssignedKeys(updated).sort(), ['id-orders-api', 'id-orders-worker']);
  });

  it('updates a web app synchronously with the spaced spelling', async () => {
    emulator.resetStats();
    const updated = await client.resources.beginUpdateByIdAndWait(WEB, '2023-12-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-web`]: {} } } }, FAST);
    assert.equal(updated.identity?.type, 'SystemAssigned, UserAssigned');
    assert.equal(emulator.stats().byOperation['GET operations.getStatus'], undefined, 'no polling for a synchronous PATCH');
  });

  it('refuses to attach an identity without Managed Identity Operator (403 LinkedAuthorizationFailed) and a missing identity (400)', async () => {
    const val = new ResourceManagementClient(tokenFor({ oid: DEMO.user('Val VM Contributor').oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
    const tagsOnly = await val.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { tags: { touchedBy: 'val' } }, FAST);
    assert.deepEqual(tagsOnly.tags, { touchedBy: 'val' }, 'write on the VM alone is enough for a tag change');
    const error = await rejection(val.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-orders-api`]: {} } } }, FAST));
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'LinkedAuthorizationFailed');
    assert.match(error.message, /Microsoft.ManagedIdentity\/userAssignedIdentities\/assign\/action/);
    const missing = await rejection(client.resources.beginUpdateByIdAndWait(VM, '2024-07-01', { identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [`${IDS}/id-does-not-exist`]: {} } } }, FAST));
    assert.equal(missing.statusCode, 400);
  });

  it('creates and deletes a container app through long-running PUT and DELETE', async () => {
    const id = `${APP}/providers/Microsoft.App/containerApps/ca-created-by-test`;
    const created = await client.resources.beginCreateOrUpdateByIdAndWait(id, '2024-03-01', { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { managedEnvironmentId: `${APP}/providers/Microsoft.App/managedEnvironments/cae-orders-prod` } }, FAST);
    assert.equal((created.properties as { provisioningState: string }).provisioningState, 'Succeeded');
    assert.equal(created.identity?.type, 'SystemAssigned');
    await client.resources.beginDeleteByIdAndWait(id, '2024-03-01', FAST);
    assert.equal((await client.resources.checkExistenceById(id, '2024-03-01')).body, false);
  });
});
