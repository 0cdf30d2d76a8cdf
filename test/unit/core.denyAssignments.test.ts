import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingDenyAssignment, EVERYONE_PRINCIPAL, type DenyAssignmentEntry } from '../../src/core/permissions';

const RG = '/subscriptions/s1/resourceGroups/rg-a';
const ME = '11111111-1111-4111-8111-111111111111';
const deny = (over: Partial<DenyAssignmentEntry> = {}): DenyAssignmentEntry => ({
  name: 'd1', denyAssignmentName: 'lock', scope: RG,
  permissions: [{ actions: ['*/write'], notActions: ['Microsoft.Storage/*/write'] }],
  principals: [{ id: EVERYONE_PRINCIPAL, type: 'SystemDefined' }], ...over,
});

describe('deny assignments that block a write', () => {
  it('block everyone at the scope and below, for matching actions only', () => {
    assert.equal(blockingDenyAssignment([deny()], ME, 'Microsoft.Authorization/roleAssignments/write', `${RG}/providers/X/y/z`)?.name, 'd1');
    assert.equal(blockingDenyAssignment([deny()], ME, 'Microsoft.Authorization/roleAssignments/delete', RG), undefined);
    assert.equal(blockingDenyAssignment([deny()], ME, 'Microsoft.Storage/storageAccounts/write', RG), undefined, 'notActions carve out');
    assert.equal(blockingDenyAssignment([deny()], ME, 'Microsoft.Authorization/roleAssignments/write', '/subscriptions/s1/resourceGroups/rg-ab'), undefined, 'a sibling whose name starts the same');
  });

  it('spare excluded principals, principals not listed, and child scopes when told not to apply there', () => {
    assert.equal(blockingDenyAssignment([deny({ excludePrincipals: [{ id: ME.toUpperCase() }] })], ME, 'a/write', RG), undefined);
    assert.equal(blockingDenyAssignment([deny({ principals: [{ id: '22222222-2222-4222-8222-222222222222', type: 'User' }] })], ME, 'a/write', RG), undefined);
    assert.equal(blockingDenyAssignment([deny({ principals: [{ id: ME, type: 'User' }] })], ME, 'a/write', RG)?.name, 'd1');
    assert.equal(blockingDenyAssignment([deny({ doNotApplyToChildScopes: true })], ME, 'a/write', `${RG}/providers/X/y/z`), undefined);
    assert.equal(blockingDenyAssignment([deny({ doNotApplyToChildScopes: true })], ME, 'a/write', `${RG}/`)?.name, 'd1');
  });
});
