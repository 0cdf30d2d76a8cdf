import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { AzureSubscription } from '../../src/azure/tenants';
import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../../src/core/identities/model';
import { IdentityInventory } from '../../src/inventory/inventory';
import { RequestLimiter } from '../../src/inventory/limiter';
import type { NodeDescription } from '../../src/inventory/nodeDescription';
import { IdentityTreeModel } from '../../src/inventory/presenter';
import type { InventoryReader, ResourcePage, RoleDefinitionSummary } from '../../src/inventory/reader';

const SUB = 's1';
const READER_ROLE = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`;
const names = Array.from({ length: 20 }, (_, i) => `id-${String(i).padStart(2, '0')}`);

/** One subscription of 20 identities, each with one Reader assignment; logs every request in the order it starts. */
class ExpandReader implements InventoryReader {
  readonly started: string[] = [];

  async *identityPages(): AsyncIterable<UserAssignedIdentity[]> {
    yield names.map((name) => ({
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
      name, subscriptionId: SUB, resourceGroup: 'rg', location: 'eastus', tenantId: 't', principalId: `p-${name}`, clientId: `c-${name}`,
    }));
  }
  async *resourcePages(): AsyncIterable<ResourcePage> {
    yield { holders: [] as IdentityHolder[], cosmosAccountIds: [] };
  }
  async *roleAssignmentPages(): AsyncIterable<RoleAssignment[]> {
    yield names.map((name) => ({ id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/ra-${name}`, name: `ra-${name}`, scope: `/subscriptions/${SUB}`, roleDefinitionId: READER_ROLE, principalId: `p-${name}` }));
  }
  async *cosmosSqlRoleAssignmentPages(): AsyncIterable<RoleAssignment[]> {}
  async *federatedCredentialPages(identityId: string): AsyncIterable<FederatedCredential[]> {
    this.started.push(`credentials of ${identityId.split('/').pop()}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
    yield [];
  }
  async roleDefinition(id: string): Promise<RoleDefinitionSummary> {
    this.started.push('role definition');
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { id, roleName: 'Reader', roleType: 'BuiltInRole' };
  }
}

describe('expanding identities', () => {
  it('reads the role names their rows need alongside the credential lists, not queued behind all of them', async () => {
    const reader = new ExpandReader();
    const inventory = new IdentityInventory(reader, new RequestLimiter(2));
    const model = new IdentityTreeModel(inventory);
    const subscription = { subscriptionId: SUB, tenantId: 't', displayName: 'S1' } as AzureSubscription;
    inventory.track([subscription]);
    const identities = await model.subscriptionChildren(subscription);
    assert.equal(identities.length, 20);

    const expanded = await Promise.all(identities.map(async (identity) => Promise.all((await model.children(identity)).map((g) => model.children(g)))));

    // Built-in role names cost one request, and it jumps the queue of the 20 credential lists (2 at a time).
    assert.equal(reader.started.filter((r) => r === 'role definition').length, 1);
    const at = reader.started.indexOf('role definition');
    assert.ok(at <= 3, `the role name was read after ${at} credential lists: ${reader.started.join(', ')}`);
    const roleRows = expanded.map(([, roles]) => roles.map((r: NodeDescription) => r.label));
    assert.deepEqual(roleRows, names.map(() => ['Reader']));
    inventory.dispose();
  });
});
