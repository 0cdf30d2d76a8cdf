import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listCosmosSqlRoleAssignments } from '../../src/azure/cosmosRoles';
import { getIdentity } from '../../src/azure/identityWrites';
import type { RoleAssignment } from '../../src/core/identities/model';
import { REVOKE, revokeFlow } from '../../src/wizard/flows/roleAssignments';
import { CONTOSO, COSMOS, PROD_SUB, startHarness, type CommandsHarness } from './commands.env';

describe('Revoking a Cosmos DB SQL role assignment shown in the tree', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());

  it('deletes it under the Cosmos DB account, not through ARM role assignments', async () => {
    const before = await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS);
    const sql = before[0]!;
    // What the tree's node carries for it (see src/azure/inventoryReader.ts).
    const assignment: RoleAssignment = { id: sql.id, name: sql.name, scope: sql.scope, roleDefinitionId: sql.roleDefinitionId, principalId: sql.principalId, system: 'cosmos-sql' };
    const identity = (await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-orders-api'))!;
    h.emulator.resetStats();
    const env = h.env([{ button: REVOKE }]);
    await revokeFlow(env, { subscription: PROD_SUB, identity, assignment, roleName: 'Cosmos DB Built-in Data Contributor' });
    assert.match(env.ui.prompts.find((p) => p.kind === 'warning')!.text!, /Remove Cosmos DB Built-in Data Contributor on Cosmos DB account cosmos-orders-prod/);
    const left = await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS);
    assert.deepEqual(left.map((a) => a.id), before.filter((a) => a.id !== sql.id).map((a) => a.id));
    assert.deepEqual(h.writes(), { 'DELETE sqlRoleAssignments.delete': 1 });
  });
});
