import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { explainArmError } from '../../src/azure/armErrors';
import { getIdentity } from '../../src/azure/identityWrites';
import { permissionsAt } from '../../src/azure/permissions';
import { createRoleAssignment } from '../../src/azure/roleAssignmentWrites';
import { isActionAllowed } from '../../src/core/permissions';
import { grantAccessFlow } from '../../src/wizard/flows/grantAccess';
import { resolveScenario } from '../../emulator/scenarios/load';
import { DEMO } from '../../emulator/testing';
import { CONTOSO, PROD_SUB, RG_APP, startHarness, STORAGE, type CommandsHarness } from './commands.env';

const REGISTRY = `${RG_APP}/providers/Microsoft.ContainerRegistry/registries/crordersprod`;
const WRITE = 'Microsoft.Authorization/roleAssignments/write';

/**
 * Deny assignments win over roles, and ARM's permissions API does not show them: the user "has" the action there.
 * Keyless reads them before a write and says which deny assignment blocks it, instead of failing mid-way.
 */
describe('Grant access under a deny assignment', () => {
  let h: CommandsHarness;
  before(async () => {
    const scenario = resolveScenario('demo');
    scenario.denyAssignments = [
      { denyAssignmentName: 'Managed application lock: orders storage', scope: STORAGE, actions: ['Microsoft.Authorization/*/write', '*/delete'] },
      { denyAssignmentName: 'Deployment stack: registry', scope: REGISTRY, actions: ['*/write'], excludePrincipals: [{ id: DEMO.developer.oid, type: 'User' }] },
    ];
    h = await startHarness({ scenario });
  });
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const principal = async (name = 'id-orders-api') => ({ principalId: (await getIdentity(h.access(), PROD_SUB, 'rg-identities', name))!.principalId, name, principalType: 'ServicePrincipal' as const });

  it('the permissions API alone says the Owner may write there: the deny assignment is not folded in', async () => {
    assert.equal(isActionAllowed(await permissionsAt(h.access(), CONTOSO, STORAGE), WRITE), true);
  });

  it('names the blocking deny assignment before any write, and writes nothing', async () => {
    const env = h.env([{ pick: 'stordersprod01' }, { pick: /^Entire / }, { pick: 'Storage Blob Data Reader' }]);
    await assert.rejects(grantAccessFlow(env, { subscription: PROD_SUB, principal: await principal() }), (e: Error) => {
      assert.equal(e.name, 'MissingPermissionError');
      assert.match(e.message, /'Microsoft\.Authorization\/roleAssignments\/write' on storage account stordersprod01, which your roles allow but the deny assignment 'Managed application lock: orders storage' on storage account stordersprod01 blocks/);
      assert.match(e.message, /no role lifts it/);
      assert.match(e.message, /Nothing was changed\.$/);
      return true;
    });
    assert.deepEqual(h.writes(), {});
    assert.ok(h.emulator.stats().byOperation['GET denyAssignments.list'] >= 1);
  });

  it('lets through a user the deny assignment excludes', async () => {
    const env = h.env([{ pick: 'crordersprod' }, { pick: 'AcrPull' }]);
    const result = await grantAccessFlow(env, { subscription: PROD_SUB, principal: await principal('id-unused') });
    assert.equal(result.outcome.outcome, 'created');
  });

  it('explains the 403 in words if a write still meets a deny assignment', async () => {
    const p = await principal();
    const error = await createRoleAssignment(h.access(), PROD_SUB, { scope: STORAGE, principalId: p.principalId, principalType: 'ServicePrincipal', role: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' }).then(() => undefined, (e: unknown) => e);
    assert.equal((error as { code?: string }).code, 'DenyAssignmentAuthorizationFailed');
    assert.match(explainArmError(error), /^DenyAssignmentAuthorizationFailed: your roles allow 'Microsoft\.Authorization\/roleAssignments\/write' on storage account stordersprod01, but the deny assignment 'Managed application lock: orders storage' on storage account stordersprod01 blocks it\. No role lifts a deny assignment/);
  });
});
