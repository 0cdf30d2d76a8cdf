import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, collect, DEMO, rejection, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const CONTOSO = DEMO.tenant('Contoso');
const ISSUER = 'https://token.actions.githubusercontent.com';
const AUDIENCE = ['api://AzureADTokenExchange'];

describe('emulator: Microsoft.ManagedIdentity through @azure/arm-msi', () => {
  let emulator: RunningEmulator;
  let msi: ManagedServiceIdentityClient;
  const as = (user: string) => new ManagedServiceIdentityClient(tokenFor({ oid: DEMO.user(user).oid, tid: CONTOSO }), PROD, clientOptionsFor(emulator));
  before(async () => {
    emulator = await startEmulator({ pageSize: 2 });
    msi = as('Alex Developer');
  });
  after(() => emulator.stop());

  it('creates an identity (201) with stable principal and client ids, then updates its tags (200)', async () => {
    const created = await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-created-by-test', { location: 'eastus', tags: { a: '1' } });
    assert.equal(created.type, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    assert.match(created.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(created.tenantId, CONTOSO);
    const again = await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-created-by-test', { location: 'eastus' });
    assert.equal(again.principalId, created.principalId, 'a repeated PUT keeps the identity’s principal');
    const updated = await msi.userAssignedIdentities.update('rg-identities', 'id-created-by-test', { tags: { b: '2' } });
    assert.deepEqual(updated.tags, { b: '2' }, 'PATCH replaces the whole tag set');
    const fetched = await msi.userAssignedIdentities.get('RG-IDENTITIES', 'ID-CREATED-BY-TEST');
    assert.equal(fetched.clientId, created.clientId);
  });

  it('lists identities by resource group and by subscription across pages', async () => {
    emulator.resetStats();
    const inGroup = await collect(msi.userAssignedIdentities.listByResourceGroup('rg-identities'));
    assert.ok(inGroup.some((i) => i.name === 'id-orders-api'));
    assert.ok(emulator.stats().byOperation['GET userAssignedIdentities.listByResourceGroup'] >= 3);
    const all = await collect(msi.userAssignedIdentities.listBySubscription());
    assert.equal(new Set(all.map((i) => i.id)).size, all.length, 'no identity repeats across pages');
    assert.ok(all.length >= 5);
  });

  it('deletes an identity (200, then 204) and answers 404 ResourceNotFound afterwards', async () => {
    await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-to-delete', { location: 'eastus' });
    await msi.userAssignedIdentities.delete('rg-identities', 'id-to-delete');
    await msi.userAssignedIdentities.delete('rg-identities', 'id-to-delete');
    const error = await rejection(msi.userAssignedIdentities.get('rg-identities', 'id-to-delete'));
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
  });

  it('rejects an invalid identity name with 400 InvalidResourceName', async () => {
    const badName = await rejection(msi.userAssignedIdentities.createOrUpdate('rg-identities', '-bad', { location: 'eastus' }));
    assert.equal(badName.statusCode, 400);
    assert.equal(badName.code, 'InvalidResourceName');
  });

  it('refuses identity creation to a Reader with 403 AuthorizationFailed and allows a Managed Identity Contributor', async () => {
    const error = await rejection(as('Riley Reader').userAssignedIdentities.createOrUpdate('rg-identities', 'id-by-reader', { location: 'eastus' }));
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'AuthorizationFailed');
    assert.match(error.message, /^The client 'riley@contoso.onmicrosoft.com' with object id '[0-9a-f-]{36}' does not have authorization to perform action 'Microsoft.ManagedIdentity\/userAssignedIdentities\/write' over scope '\/subscriptions\/.+\/resourceGroups\/rg-identities\/providers\/Microsoft.ManagedIdentity\/userAssignedIdentities\/id-by-reader' or the scope is invalid/);
    const created = await as('Morgan Identity Contributor').userAssignedIdentities.createOrUpdate('rg-identities', 'id-by-morgan', { location: 'eastus' });
    assert.equal(created.name, 'id-by-morgan');
    const elsewhere = await rejection(as('Morgan Identity Contributor').userAssignedIdentities.createOrUpdate('rg-orders-prod', 'id-by-morgan', { location: 'eastus' }));
    assert.equal(elsewhere.statusCode, 403, 'the role is scoped to rg-identities only');
  });

  it('creates, lists, reads and deletes federated identity credentials', async () => {
    await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-fic-crud', { location: 'eastus' });
    const fic = await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-crud', 'github-pr', { issuer: ISSUER, subject: 'repo:contoso/app:pull_request', audiences: AUDIENCE });
    assert.equal(fic.type, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials');
    assert.equal(fic.subject, 'repo:contoso/app:pull_request');
    await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-crud', 'github-main', { issuer: ISSUER, subject: 'repo:contoso/app:ref:refs/heads/main', audiences: AUDIENCE });
    await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-crud', 'github-tags', { issuer: ISSUER, subject: 'repo:contoso/app:ref:refs/tags/v1', audiences: AUDIENCE });
    const listed = await collect(msi.federatedIdentityCredentials.list('rg-identities', 'id-fic-crud'));
    assert.deepEqual(listed.map((f) => f.name), ['github-pr', 'github-main', 'github-tags']);
    assert.equal((await msi.federatedIdentityCredentials.get('rg-identities', 'id-fic-crud', 'github-main')).issuer, ISSUER);
    await msi.federatedIdentityCredentials.delete('rg-identities', 'id-fic-crud', 'github-pr');
    assert.equal((await collect(msi.federatedIdentityCredentials.list('rg-identities', 'id-fic-crud'))).length, 2);
  });

  it('rejects invalid federated credentials with 400 and a missing parent identity with 404', async () => {
    await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-fic-rules', { location: 'eastus' });
    const put = (name: string, body: object) => rejection(msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-rules', name, body));
    const twoAudiences = await put('two-audiences', { issuer: ISSUER, subject: 's1', audiences: ['a', 'b'] });
    assert.equal(twoAudiences.statusCode, 400);
    assert.match(twoAudiences.message, /exactly one audience/);
    assert.match((await put('empty', {})).message, /empty properties/);
    assert.match((await put('-bad', { issuer: ISSUER, subject: 's2', audiences: AUDIENCE })).message, /name '-bad' is invalid/);
    assert.match((await put('wild', { issuer: ISSUER, subject: 'repo:contoso/*', audiences: AUDIENCE })).message, /Wildcard/);
    await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-rules', 'first', { issuer: ISSUER, subject: 'same', audiences: AUDIENCE });
    assert.match((await put('second', { issuer: ISSUER, subject: 'same', audiences: AUDIENCE })).message, /Issuer and subject combination already exists/);
    const orphan = await rejection(msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-missing', 'x-fic', { issuer: ISSUER, subject: 's', audiences: AUDIENCE }));
    assert.equal(orphan.statusCode, 404);
    assert.equal(orphan.code, 'ParentResourceNotFound');
  });

  it('allows at most 20 federated credentials per identity but lets the 20th be updated', async () => {
    await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-fic-limit', { location: 'eastus' });
    for (let i = 1; i <= 20; i++) {
      await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-limit', `fic-${i}`, { issuer: ISSUER, subject: `subject-${i}`, audiences: AUDIENCE });
    }
    const error = await rejection(msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-limit', 'fic-21', { issuer: ISSUER, subject: 'subject-21', audiences: AUDIENCE }));
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /at most 20/);
    const updated = await msi.federatedIdentityCredentials.createOrUpdate('rg-identities', 'id-fic-limit', 'fic-20', { issuer: ISSUER, subject: 'subject-20-renamed', audiences: AUDIENCE });
    assert.equal(updated.subject, 'subject-20-renamed');
  });

  it('reads a resource’s system-assigned identity by scope and answers 404 when it has none', async () => {
    const vm = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod/providers/Microsoft.Compute/virtualMachines/vm-orders-01`;
    const identity = await msi.systemAssignedIdentities.getByScope(vm);
    assert.equal(identity.name, 'default');
    assert.equal(identity.tenantId, CONTOSO);
    assert.match(identity.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.match(identity.clientId ?? '', /^[0-9a-f-]{36}$/);
    const vmss = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-orders`;
    const error = await rejection(msi.systemAssignedIdentities.getByScope(vmss));
    assert.equal(error.statusCode, 404);
  });
});
