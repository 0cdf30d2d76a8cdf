import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { armSend } from '../../src/azure/armRest';
import { listCosmosSqlRoleAssignments } from '../../src/azure/cosmosRoles';
import { getIdentity } from '../../src/azure/identityWrites';
import { listRoleAssignmentsOf } from '../../src/azure/roleAssignmentWrites';
import { roleGuidOf } from '../../src/core/roleAssignmentName';
import { createIdentityFlow } from '../../src/wizard/flows/createIdentity';
import { DELETE_WITH_CLEANUP, deleteIdentityFlow } from '../../src/wizard/flows/deleteIdentity';
import { grantAccessFlow, OTHER_TARGET } from '../../src/wizard/flows/grantAccess';
import { grantMeFlow, REVOKE, revokeFlow } from '../../src/wizard/flows/roleAssignments';
import { DEMO } from '../../emulator/testing';
import { CONTOSO, COSMOS, PROD_SUB, RG_APP, startHarness, STORAGE, type CommandsHarness } from './commands.env';

const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';

describe('Grant access, grant me, revoke and delete against the emulator', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness({ principalNotFoundWindowMs: 3_000 })));
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const identity = async (name: string) => (await getIdentity(h.access(), PROD_SUB, 'rg-identities', name))!;
  const principal = async (name: string) => ({ principalId: (await identity(name)).principalId, name, principalType: 'ServicePrincipal' as const });

  it('offers least-privilege roles first with descriptions and broad roles marked, then grants one', async () => {
    const env = h.env([{ pick: 'Contoso Production' }, { pick: 'id-unused' }, { pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Blob Data Reader' }]);
    const result = await grantAccessFlow(env);
    assert.equal(result.outcome.outcome, 'created');
    const rolePick = env.ui.prompts.filter((p) => p.kind === 'pick').at(-1)!;
    assert.equal(rolePick.choices?.[0], 'Storage Blob Data Reader');
    assert.ok(rolePick.choices?.includes('$(warning) Storage Account Contributor'));
    assert.ok(rolePick.choices!.indexOf('$(warning) Owner') > rolePick.choices!.indexOf('Storage Table Data Contributor'));
    const held = await listRoleAssignmentsOf(h.access(), PROD_SUB, (await identity('id-unused')).principalId);
    const blob = held.filter((a) => roleGuidOf(a.roleDefinitionId) === BLOB_READER);
    assert.equal(blob.length, 1);
    assert.equal(blob[0].principalType, 'ServicePrincipal');
  });

  it('granting the same role twice leaves one role assignment and says it already has access', async () => {
    const p = await principal('id-orders-web');
    for (let i = 0; i < 2; i++) {
      const env = h.env([{ pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Blob Data Reader' }]);
      const result = await grantAccessFlow(env, { subscription: PROD_SUB, principal: p });
      assert.equal(result.outcome.outcome, i === 0 ? 'created' : 'exists');
    }
    const held = await listRoleAssignmentsOf(h.access(), PROD_SUB, p.principalId);
    assert.equal(held.filter((a) => roleGuidOf(a.roleDefinitionId) === BLOB_READER && a.scope.toLowerCase() === STORAGE.toLowerCase()).length, 1);
  });

  it('grants right after creating an identity, inside the PrincipalNotFound replication window', async () => {
    const created = await createIdentityFlow(h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-fresh-grant' }, { input: '' }]), { subscription: PROD_SUB });
    const env = h.env([{ pick: 'sb-orders-prod' }, { pick: /^Entire / }, { pick: 'Azure Service Bus Data Sender' }]);
    const result = await grantAccessFlow(env, { subscription: PROD_SUB, principal: { principalId: created.identity.principalId, name: 'id-fresh-grant', principalType: 'ServicePrincipal' } });
    assert.equal(result.outcome.outcome, 'created');
  });

  it('uses a Cosmos DB SQL role assignment for Cosmos accounts, once', async () => {
    const p = await principal('id-orders-worker');
    for (let i = 0; i < 2; i++) {
      const env = h.env([{ pick: 'cosmos-orders-prod' }, { pick: 'Cosmos DB Built-in Data Reader' }]);
      await grantAccessFlow(env, { subscription: PROD_SUB, principal: p });
    }
    const sql = await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS);
    assert.equal(sql.filter((a) => a.principalId === p.principalId).length, 1);
    assert.equal(h.writes()['PUT roleAssignments.create'], undefined, 'no ARM role assignment for Cosmos data access');
  });

  it('explains a key vault on the access-policy model instead of offering a role', async () => {
    const vault = `${RG_APP}/providers/Microsoft.KeyVault/vaults/kv-policies-test`;
    await armSend(h.access(), CONTOSO, { method: 'PUT', path: vault, apiVersion: '2023-07-01', body: { location: 'eastus', properties: { enableRbacAuthorization: false, tenantId: CONTOSO } } });
    h.emulator.resetStats();
    const env = h.env([{ pick: 'kv-policies-test' }, { button: OTHER_TARGET }, 'cancel']);
    await assert.rejects(grantAccessFlow(env, { subscription: PROD_SUB, principal: await principal('id-orders-api') }), { name: 'UserCancelledError' });
    const warning = env.ui.prompts.find((p) => p.kind === 'warning');
    assert.match(warning?.text ?? '', /uses access policies/);
    assert.match(warning?.detail ?? '', /access policy/);
    assert.deepEqual(h.writes(), {});
  });

  it('gives a Reader-only user the permission message and writes nothing', async () => {
    const env = h.env([{ pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Blob Data Reader' }], 'Riley Reader');
    await assert.rejects(grantAccessFlow(env, { subscription: PROD_SUB, principal: await principal('id-orders-api') }), (e: Error) =>
      e.name === 'MissingPermissionError' && /roleAssignments\/write' on storage account stordersprod01 \(ask for the Role Based Access Control Administrator/.test(e.message));
    assert.deepEqual(h.writes(), {});
  });

  it('grants the signed-in developer the same role as a User, then revokes the identity’s one after confirmation', async () => {
    const worker = await identity('id-orders-api');
    const grant = h.env([{ pick: 'appcs-orders-prod' }, { pick: 'App Configuration Data Reader' }]);
    await grantAccessFlow(grant, { subscription: PROD_SUB, principal: { principalId: worker.principalId, name: worker.name, principalType: 'ServicePrincipal' } });
    const me = h.env([{ pick: 'App Configuration Data Reader' }]);
    const mine = await grantMeFlow(me, { subscription: PROD_SUB, identity: worker });
    assert.equal(mine.outcome.outcome, 'created');
    const dev = await listRoleAssignmentsOf(h.access(), PROD_SUB, DEMO.developer.oid);
    assert.ok(dev.some((a) => a.principalType === 'User' && /appcs-orders-prod$/.test(a.scope)));
    const revoke = h.env([{ pick: 'App Configuration Data Reader' }, { button: REVOKE }]);
    await revokeFlow(revoke, { subscription: PROD_SUB, identity: worker });
    assert.match(revoke.ui.prompts.find((p) => p.kind === 'warning')!.text!, /Remove App Configuration Data Reader on App Configuration store appcs-orders-prod from id-orders-api\?/);
    const left = await listRoleAssignmentsOf(h.access(), PROD_SUB, worker.principalId);
    assert.ok(!left.some((a) => /appcs-orders-prod$/.test(a.scope)));
  });

  it('lists the impact before deleting, and delete with cleanup leaves no role assignment of that principal', async () => {
    const created = await createIdentityFlow(h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-to-delete' }, { input: '' }]), { subscription: PROD_SUB });
    const p = { principalId: created.identity.principalId, name: 'id-to-delete', principalType: 'ServicePrincipal' as const };
    await grantAccessFlow(h.env([{ pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Queue Data Message Sender' }]), { subscription: PROD_SUB, principal: p });
    await grantAccessFlow(h.env([{ pick: 'evh-orders-prod' }, { pick: /^Entire / }, { pick: 'Azure Event Hubs Data Sender' }]), { subscription: PROD_SUB, principal: p });
    const env = h.env([{ pick: 'id-to-delete' }, { button: DELETE_WITH_CLEANUP }]);
    const result = await deleteIdentityFlow(env, { subscription: PROD_SUB });
    const modal = env.ui.prompts.find((p) => p.kind === 'warning')!;
    assert.match(modal.detail!, /Role assignments it holds \(2\):/);
    assert.match(modal.detail!, /Storage Queue Data Message Sender on storage account stordersprod01/);
    assert.match(modal.detail!, /Identity not found/);
    assert.equal(result.removedAssignments, 2);
    assert.deepEqual(await listRoleAssignmentsOf(h.access(), PROD_SUB, p.principalId), []);
    assert.equal(await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-to-delete'), undefined);
  });

  it('shows the assigned resources and federated credentials of an identity, and cancelling the modal deletes nothing', async () => {
    const env = h.env([{ pick: 'id-orders-worker' }, 'cancel']);
    await assert.rejects(deleteIdentityFlow(env, { subscription: PROD_SUB }), { name: 'UserCancelledError' });
    const modal = env.ui.prompts.find((p) => p.kind === 'warning')!;
    assert.match(modal.detail!, /Assigned to \(\d+\):[\s\S]*vmss-orders \(virtual machine scale set\)/);
    assert.match(modal.detail!, /Federated credentials \(1\):\n  • aks-orders-worker: system:serviceaccount:/);
    assert.deepEqual(h.writes(), {});
  });
});
