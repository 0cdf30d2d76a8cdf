import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type AssignmentRow, decodeAssignments, decodeListings, type HolderRow, type IdentityRow } from '../../src/azure/inventoryGraph';

/** Both decoding steps, as a bulk load runs them: each subscription's listing with its role assignments. */
function decodeParts(subscriptionIds: string[], identityRows: IdentityRow[], holderRows: HolderRow[], assignmentRows: AssignmentRow[]) {
  const listings = decodeListings('t', subscriptionIds, identityRows, holderRows);
  const assignments = decodeAssignments(listings, assignmentRows);
  return new Map([...listings].map(([key, listing]) => [key, { ...listing, roleAssignments: assignments.get(key)! }]));
}

const sub = '11111111-1111-1111-1111-111111111111';
const identityId = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-api`;
const assignmentId = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/roleAssignments/aaaa`;
const roleId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`;

describe('Resource Graph rows decoded into subscription parts', () => {
  it('names identities and scopes assignments from their ids, rebuilds a role sent as its GUID in the assignment’s subscription, and gives every subscription asked for a part', () => {
    const parts = decodeParts(
      [sub.toUpperCase(), 'other'],
      [{ subscriptionId: sub, identities: [[identityId, 'eastus', 'p', 'c']], total: 1 }],
      [],
      [{ subscriptionId: sub, roleAssignments: [[assignmentId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'p']], total: 1 }],
    );
    const part = parts.get(sub)!;
    assert.deepEqual(part.identities.map((i) => [i.name, i.resourceGroup, i.tenantId, i.principalId, i.clientId]), [['id-api', 'rg', 't', 'p', 'c']]);
    assert.deepEqual(part.roleAssignments, [
      { id: assignmentId, name: 'aaaa', scope: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`, roleDefinitionId: roleId, principalId: 'p' },
    ]);
    assert.deepEqual(parts.get('other'), { identities: [], holders: [], cosmosAccountIds: [], roleAssignments: [] });
  });

  it('refuses a list shorter than its count (make_list stopped at a size limit): never a silently short tree', () => {
    assert.throws(
      () => decodeParts([sub], [{ subscriptionId: sub, identities: [[identityId, 'eastus', 'p', 'c']], total: 2 }], [], []),
      { name: 'GraphResultTruncatedError' },
    );
  });

  it('gives assignments inherited from above every subscription only to subscriptions the graph found', () => {
    const inherited = `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleAssignments/bbbb`;
    const parts = decodeParts(
      [sub, 'empty'],
      [{ subscriptionId: sub, identities: [[identityId, 'eastus', 'p', 'c']], total: 1 }],
      [],
      [{ subscriptionId: '', roleAssignments: [[inherited, '/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'p']], total: 1 }],
    );
    assert.deepEqual(parts.get(sub)!.roleAssignments.map((a) => a.scope), ['/providers/Microsoft.Management/managementGroups/mg']);
    // A role the graph sent as a whole id (not in its usual per-subscription form) is kept as sent.
    assert.equal(parts.get(sub)!.roleAssignments[0].roleDefinitionId, '/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe');
    assert.deepEqual(parts.get('empty')!.roleAssignments, []);
  });
});
