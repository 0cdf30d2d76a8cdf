import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { AzureSession } from '../../../src/azure-vscode/session';
import { getIdentity } from '../../../src/azure/identityWrites';
import { listRoleAssignmentsOf } from '../../../src/azure/roleAssignmentWrites';
import { Config } from '../../../src/config';
import { createLog } from '../../../src/log';
import { createIdentityFlow } from '../../../src/wizard/flows/createIdentity';
import { DELETE, deleteIdentityFlow } from '../../../src/wizard/flows/deleteIdentity';
import { grantAccessFlow } from '../../../src/wizard/flows/grantAccess';
import { assignIdentityFlow, unassignIdentityFlow } from '../../../src/wizard/flows/resourceIdentity';
import { REVOKE, revokeFlow } from '../../../src/wizard/flows/roleAssignments';
import type { FlowEnv, FlowSubscription } from '../../../src/wizard/flows/common';
import { ScriptedUserInput, type ScriptedAnswer } from '../../../src/wizard/scriptedUserInput';
import { emulatorStats, served } from '../support/emulator';
import { activateKeyless, MemoryMemento } from '../support/keyless';

/**
 * The identity writes inside real VS Code: the same flows the commands run, over the extension's AzureSession in
 * the Emulator cloud, with scripted answers in place of the quick picks.
 */
describe('Identity write commands in VS Code against the demo scenario', function () {
  this.timeout(60_000);
  const log = createLog('Keyless e2e writes');
  let session: AzureSession;
  let production: FlowSubscription;
  const name = `id-e2e-${Date.now().toString(36)}`;
  const env = async (answers: ScriptedAnswer[]): Promise<FlowEnv & { ui: ScriptedUserInput }> => ({ access: await session.access(), ui: new ScriptedUserInput(answers), tuning: { intervalInMs: 10 } });

  before(async () => {
    await activateKeyless();
    session = new AzureSession(new Config(), log, new MemoryMemento());
    await session.restore();
    const listing = await session.listSubscriptions();
    const found = listing.subscriptions.find((s) => s.displayName === 'Contoso Production');
    assert.ok(found, 'Contoso Production is listed');
    production = { subscriptionId: found.subscriptionId, tenantId: found.tenantId, displayName: found.displayName };
  });

  it('registers every identity write command', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['createIdentity', 'deleteIdentity', 'assignIdentity', 'unassignIdentity', 'enableSystemIdentity', 'disableSystemIdentity', 'grantAccess', 'grantMe', 'revokeRoleAssignment', 'addFederatedCredential', 'deleteFederatedCredential']) {
      assert.ok(all.includes(`keyless.${id}`), `keyless.${id} is not registered`);
    }
  });

  it('runs create → assign → grant → revoke → unassign → delete', async () => {
    const before = await emulatorStats();
    const created = await createIdentityFlow(await env([{ pick: 'Contoso Production' }, { pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: name }, { input: 'owner=e2e' }]));
    const identity = created.identity;
    assert.equal(identity.name, name);

    const assigned = await assignIdentityFlow(await env([{ pick: 'vm-orders-01' }]), { subscription: production, identity });
    assert.ok(assigned.result.after.userAssignedIdentityIds.some((id) => id.toLowerCase() === identity.id.toLowerCase()));
    assert.ok(assigned.result.after.userAssignedIdentityIds.length >= 2, 'the VM keeps its other identity');
    assert.ok(assigned.result.after.systemAssigned, 'the VM keeps its system-assigned identity');

    const granted = await grantAccessFlow(await env([{ pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Blob Data Reader' }]), {
      subscription: production,
      principal: { principalId: identity.principalId, name, principalType: 'ServicePrincipal' },
    });
    assert.equal(granted.outcome.outcome, 'created');

    await revokeFlow(await env([{ pick: 'Storage Blob Data Reader' }, { button: REVOKE }]), { subscription: production, identity });
    assert.deepEqual(await listRoleAssignmentsOf(await session.access(), production, identity.principalId), []);

    const unassigned = await unassignIdentityFlow(await env([{ pick: 'vm-orders-01' }]), { subscription: production, identity });
    assert.ok(!unassigned.result.after.userAssignedIdentityIds.some((id) => id.toLowerCase() === identity.id.toLowerCase()));

    await deleteIdentityFlow(await env([{ button: DELETE }]), { subscription: production, identity });
    assert.equal(await getIdentity(await session.access(), production, 'rg-identities', name), undefined);

    const after = await emulatorStats();
    assert.equal(served(before, after, 'PUT userAssignedIdentities.createOrUpdate'), 1);
    assert.equal(served(before, after, 'PATCH virtualMachines.update'), 2);
    assert.equal(served(before, after, 'PUT virtualMachines.createOrUpdate'), 0, 'never a PUT that could drop identities');
    assert.equal(served(before, after, 'DELETE userAssignedIdentities.delete'), 1);
  });
});
