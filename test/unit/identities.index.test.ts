import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { IdentityIndex } from '../../src/core/identities/identityIndex';
import type { IdentityHolder, RoleAssignment, SubscriptionSnapshot, UserAssignedIdentity } from '../../src/core/identities/model';

const subA = '11111111-1111-1111-1111-111111111111';
const subB = '22222222-2222-2222-2222-222222222222';
const uaiId = `/subscriptions/${subA}/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web`;

function identity(): UserAssignedIdentity {
  return {
    id: uaiId, name: 'id-web', subscriptionId: subA, resourceGroup: 'rg-app', location: 'westeurope',
    tenantId: 't1', principalId: 'AAAA0000-0000-0000-0000-000000000001', clientId: 'c1',
  };
}

function holder(sub: string, name: string, identityIds: string[], systemPrincipal?: string): IdentityHolder {
  return {
    id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`,
    name, type: 'Microsoft.Compute/virtualMachines', subscriptionId: sub, resourceGroup: 'rg', location: 'westeurope',
    userAssignedIdentityIds: identityIds,
    systemAssigned: systemPrincipal ? { principalId: systemPrincipal, tenantId: 't1' } : undefined,
  };
}

function assignment(id: string, principalId: string, scope: string): RoleAssignment {
  return { id, name: id.split('/').pop()!, scope, principalId, roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/r' };
}

function snapshot(sub: string, parts: Partial<SubscriptionSnapshot>): SubscriptionSnapshot {
  return { subscriptionId: sub, identities: [], holders: [], roleAssignments: [], ...parts };
}

describe('IdentityIndex', () => {
  it('finds the resources using an identity in every loaded subscription, whatever the id casing', () => {
    const index = new IdentityIndex();
    index.put(snapshot(subA, { identities: [identity()], holders: [holder(subA, 'vm-a', [uaiId])] }));
    // ARM examples spell the group segment in lower case and SDKs sometimes double slashes.
    const otherSpelling = uaiId.replace('resourceGroups', 'resourcegroups').replace('/providers', '//providers').toUpperCase();
    index.put(snapshot(subB, { holders: [holder(subB, 'vm-b', [otherSpelling]), holder(subB, 'vm-none', [])] }));

    assert.deepEqual(index.assignedTo(uaiId).map((h) => h.name).sort(), ['vm-a', 'vm-b']);
  });

  it('drops a subscription\'s resources from the joins when its snapshot is replaced or removed', () => {
    const index = new IdentityIndex();
    index.put(snapshot(subA, { identities: [identity()], holders: [holder(subA, 'vm-a', [uaiId])] }));
    index.put(snapshot(subB, { holders: [holder(subB, 'vm-b', [uaiId])] }));
    assert.equal(index.assignedTo(uaiId).length, 2);

    index.put(snapshot(subB, { holders: [] }));
    assert.deepEqual(index.assignedTo(uaiId).map((h) => h.name), ['vm-a']);
    index.remove(subA);
    assert.deepEqual(index.assignedTo(uaiId), []);
    assert.deepEqual(index.identities(subA), []);
  });

  it('collects a principal\'s role assignments across subscriptions once each, case-insensitively', () => {
    const index = new IdentityIndex();
    const principal = identity().principalId;
    const inherited = assignment('/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleAssignments/x1', principal, '/providers/Microsoft.Management/managementGroups/mg');
    index.put(snapshot(subA, { roleAssignments: [inherited, assignment(`/subscriptions/${subA}/providers/Microsoft.Authorization/roleAssignments/x2`, principal, `/subscriptions/${subA}`)] }));
    index.put(snapshot(subB, { roleAssignments: [inherited, assignment(`/subscriptions/${subB}/providers/Microsoft.Authorization/roleAssignments/x3`, 'someone-else', `/subscriptions/${subB}`)] }));

    assert.deepEqual(index.roleAssignmentsOf(principal.toLowerCase()).map((a) => a.name).sort(), ['x1', 'x2']);
    assert.deepEqual(index.roleAssignmentsOf('nobody'), []);
  });
});
