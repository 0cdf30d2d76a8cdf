import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listCosmosSqlRoleAssignments } from '../../src/azure/cosmosRoles';
import { getIdentity } from '../../src/azure/identityWrites';
import { listRoleAssignmentsOf } from '../../src/azure/roleAssignmentWrites';
import { createIdentityFlow } from '../../src/wizard/flows/createIdentity';
import { DELETE_WITH_CLEANUP, deleteIdentityFlow } from '../../src/wizard/flows/deleteIdentity';
import { grantAccessFlow } from '../../src/wizard/flows/grantAccess';
import type { FlowSubscription } from '../../src/wizard/flows/common';
import { DEMO } from '../../emulator/testing';
import { CONTOSO, COSMOS, PROD, PROD_SUB, startHarness, type CommandsHarness } from './commands.env';

const DEV_SUB: FlowSubscription = { subscriptionId: DEMO.subscription('Contoso Development'), tenantId: CONTOSO, displayName: 'Contoso Development' };

describe('Delete with cleanup leaves no role assignment of the principal anywhere in its tenant', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());

  it('lists and removes ARM role assignments in every subscription of the tenant and Cosmos DB SQL role assignments', async () => {
    const created = await createIdentityFlow(h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-everywhere' }, { input: '' }]), { subscription: PROD_SUB });
    const principal = { principalId: created.identity.principalId, name: 'id-everywhere', principalType: 'ServicePrincipal' as const };
    await grantAccessFlow(h.env([{ pick: 'stordersprod01' }, { pick: 'orders' }, { pick: 'Storage Blob Data Reader' }]), { subscription: PROD_SUB, principal });
    await grantAccessFlow(h.env([{ pick: 'cosmos-orders-prod' }, { pick: 'Cosmos DB Built-in Data Reader' }]), { subscription: PROD_SUB, principal });
    await grantAccessFlow(h.env([{ pick: 'stdevsandbox01' }, { pick: 'Storage Queue Data Message Sender' }]), { subscription: DEV_SUB, principal });
    assert.equal((await listRoleAssignmentsOf(h.access(), DEV_SUB, principal.principalId)).length, 1, 'the grant in the other subscription is there');

    h.emulator.resetStats();
    const env = h.env([{ pick: 'id-everywhere' }, { button: DELETE_WITH_CLEANUP }]);
    const result = await deleteIdentityFlow(env, { subscription: PROD_SUB });
    const detail = env.ui.prompts.find((p) => p.kind === 'warning')!.detail!;
    assert.match(detail, /Role assignments it holds \(3\):/);
    assert.match(detail, /• Storage Blob Data Reader on blob container orders\n/);
    assert.match(detail, /• Cosmos DB Built-in Data Reader on Cosmos DB account cosmos-orders-prod \(Cosmos DB SQL role\)/);
    assert.match(detail, /• Storage Queue Data Message Sender on storage account stdevsandbox01 in subscription Contoso Development/);
    assert.equal(result.removedAssignments, 3);
    assert.deepEqual(result.subscriptionIds.sort(), [PROD, DEV_SUB.subscriptionId].sort());
    assert.equal(h.writes()['DELETE roleAssignments.delete'], 2);
    assert.equal(h.writes()['DELETE sqlRoleAssignments.delete'], 1);

    assert.deepEqual(await listRoleAssignmentsOf(h.access(), PROD_SUB, principal.principalId), []);
    assert.deepEqual(await listRoleAssignmentsOf(h.access(), DEV_SUB, principal.principalId), []);
    assert.ok(!(await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS)).some((a) => a.principalId === principal.principalId));
    assert.equal(await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-everywhere'), undefined);
  });
});
