import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, collect, DEMO, rejection, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const CONTOSO = DEMO.tenant('Contoso');
const SUB = `/subscriptions/${PROD}`;
const STORAGE = `${SUB}/resourceGroups/rg-orders-prod/providers/Microsoft.Storage/storageAccounts/stordersprod01`;
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';
const roleId = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

describe('emulator: Microsoft.Authorization through @azure/arm-authorization', () => {
  let emulator: RunningEmulator;
  const as = (user: string) => new AuthorizationManagementClient(tokenFor({ oid: DEMO.user(user).oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
  const msi = () => new ManagedServiceIdentityClient(tokenFor({ oid: DEMO.developer.oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
  before(async () => {
    emulator = await startEmulator({ pageSize: 3, principalNotFoundWindowMs: 60_000 });
  });
  after(() => emulator.stop());

  it('finds built-in roles by name with their real GUIDs, and lists all built-in roles across pages', async () => {
    const client = as('Alex Developer');
    const [reader] = await collect(client.roleDefinitions.list(SUB, { filter: "roleName eq 'Reader'" }));
    assert.equal(reader.name, READER);
    assert.equal(reader.id, roleId(READER));
    assert.equal(reader.roleType, 'BuiltInRole');
    const [operator] = await collect(client.roleDefinitions.list('/', { filter: "roleName eq 'Managed Identity Operator'" }));
    assert.equal(operator.id, '/providers/Microsoft.Authorization/roleDefinitions/f1a07417-d97a-45cb-824c-7a7467783830');
    assert.deepEqual(operator.permissions?.[0].actions?.slice(0, 2), ['Microsoft.ManagedIdentity/userAssignedIdentities/*/read', 'Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action']);
    emulator.resetStats();
    const builtIn = await collect(client.roleDefinitions.list(SUB, { filter: "type eq 'BuiltInRole'" }));
    const names = builtIn.map((r) => r.roleName);
    for (const expected of ['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator', 'Managed Identity Contributor', 'Storage Queue Data Message Sender', 'AcrPull', 'Cognitive Services OpenAI User']) {
      assert.ok(names.includes(expected), `missing ${expected}`);
    }
    assert.ok(emulator.stats().byOperation['GET roleDefinitions.list'] > 5, 'followed nextLink page by page');
    const byId = await client.roleDefinitions.getById(`/providers/Microsoft.Authorization/roleDefinitions/${BLOB_READER}`);
    assert.equal(byId.roleName, 'Storage Blob Data Reader');
  });

  it('creates a role assignment (201), reads it back, and refuses a duplicate under another name with 409 RoleAssignmentExists', async () => {
    const client = as('Alex Developer');
    const principalId = DEMO.user('Riley Reader').oid;
    const name = randomUUID();
    const created = await client.roleAssignments.create(STORAGE, name, { roleDefinitionId: roleId(BLOB_READER), principalId });
    assert.equal(created.scope, STORAGE);
    assert.equal(created.principalType, 'User');
    assert.equal((await client.roleAssignments.get(STORAGE, name)).principalId, principalId);
    const error = await rejection(client.roleAssignments.create(STORAGE, randomUUID(), { roleDefinitionId: roleId(BLOB_READER), principalId }));
    assert.equal(error.statusCode, 409);
    assert.equal(error.code, 'RoleAssignmentExists');
    assert.match(error.message, new RegExp(`The ID of the existing role assignment is ${name.replace(/-/g, '')}\\.`));
  });

  it('answers 400 PrincipalNotFound for a new identity inside the replication window unless principalType is sent', async () => {
    const identity = await msi().userAssignedIdentities.createOrUpdate('rg-identities', 'id-fresh', { location: 'eastus' });
    const client = as('Alex Developer');
    const parameters = { roleDefinitionId: roleId(BLOB_READER), principalId: identity.principalId! };
    const error = await rejection(client.roleAssignments.create(STORAGE, randomUUID(), parameters));
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'PrincipalNotFound');
    assert.match(error.message, /replication delay/);
    const created = await client.roleAssignments.create(STORAGE, randomUUID(), { ...parameters, principalType: 'ServicePrincipal' });
    assert.equal(created.principalType, 'ServicePrincipal');
  });

  it('lets Owner and RBAC Administrator assign roles and refuses a Reader with 403 AuthorizationFailed', async () => {
    const principalId = DEMO.user('Val VM Contributor').oid;
    const refused = await rejection(as('Riley Reader').roleAssignments.create(SUB, randomUUID(), { roleDefinitionId: roleId(READER), principalId }));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.code, 'AuthorizationFailed');
    assert.match(refused.message, /perform action 'Microsoft.Authorization\/roleAssignments\/write' over scope/);
    const byAdmin = await as('Robin RBAC Administrator').roleAssignments.create(SUB, randomUUID(), { roleDefinitionId: roleId(READER), principalId });
    assert.equal(byAdmin.scope, SUB);
    const byContributorOnly = await rejection(as('Morgan Identity Contributor').roleAssignments.create(`${SUB}/resourceGroups/rg-identities`, randomUUID(), { roleDefinitionId: roleId(READER), principalId }));
    assert.equal(byContributorOnly.statusCode, 403);
  });

  it('filters assignments with atScope() (at and above) and principalId eq (at, above and below)', async () => {
    const client = as('Alex Developer');
    const atStorage = await collect(client.roleAssignments.listForScope(STORAGE, { filter: 'atScope()' }));
    assert.ok(atStorage.every((a) => STORAGE.toLowerCase().startsWith(a.scope!.toLowerCase())));
    assert.ok(atStorage.some((a) => a.scope === SUB), 'inherited subscription assignments are included');
    assert.ok(atStorage.some((a) => a.scope === STORAGE));
    const alex = DEMO.developer.oid;
    const mine = await collect(client.roleAssignments.listForScope(SUB, { filter: `principalId eq '${alex}'` }));
    assert.deepEqual(mine.map((a) => a.principalId), [alex]);
    const everything = await collect(client.roleAssignments.listForSubscription());
    assert.ok(everything.some((a) => a.scope === STORAGE), 'a subscription list without a filter includes assignments below it');
    const bad = await rejection(collect(client.roleAssignments.listForScope(SUB, { filter: "roleName eq 'x'" })));
    assert.equal(bad.statusCode, 400);
  });

  it('deletes a role assignment (200 with its body, then 204) and answers 404 RoleAssignmentNotFound', async () => {
    const client = as('Alex Developer');
    const name = randomUUID();
    await client.roleAssignments.create(SUB, name, { roleDefinitionId: roleId(READER), principalId: DEMO.user('Morgan Identity Contributor').oid });
    const deleted = await client.roleAssignments.delete(SUB, name);
    assert.equal(deleted.name, name);
    await client.roleAssignments.delete(SUB, name);
    const error = await rejection(client.roleAssignments.get(SUB, name));
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'RoleAssignmentNotFound');
  });

  it('rejects an unknown role definition and a non-GUID assignment name with 400', async () => {
    const client = as('Alex Developer');
    const principalId = DEMO.user('Riley Reader').oid;
    const unknownRole = await rejection(client.roleAssignments.create(SUB, randomUUID(), { roleDefinitionId: roleId(randomUUID()), principalId }));
    assert.equal(unknownRole.code, 'RoleDefinitionDoesNotExist');
    const badName = await rejection(client.roleAssignments.create(SUB, 'not-a-guid', { roleDefinitionId: roleId(READER), principalId }));
    assert.equal(badName.code, 'InvalidRoleAssignmentId');
  });

  it('reports the caller’s effective permissions at a resource group', async () => {
    const [owner] = await collect(as('Alex Developer').permissions.listForResourceGroup('rg-orders-prod'));
    assert.deepEqual(owner.actions, ['*']);
    const vmContributor = await collect(as('Val VM Contributor').permissions.listForResourceGroup('rg-orders-prod'));
    assert.ok(vmContributor.some((p) => p.actions?.includes('Microsoft.Compute/virtualMachines/*')));
    assert.ok(!vmContributor.some((p) => p.actions?.some((a) => a.includes('assign/action'))));
  });
});
