import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseResourceFilter } from '../../emulator/handlers/filters.js';
import { applyIdentityChange, spellIdentityType } from '../../emulator/handlers/identity.js';
import { mergePatch } from '../../emulator/handlers/resourceWrites.js';
import { isAtOrAbove, normalizePath, parseResourceId } from '../../emulator/ids.js';
import { actionMatches, isAllowed } from '../../emulator/rbac.js';
import { generateScenario } from '../../emulator/scenarios/generate.js';
import { loadScenario, stableGuid } from '../../emulator/scenarios/load.js';
import { Store, type Resource } from '../../emulator/store.js';

describe('emulator logic', () => {
  it('matches ARM action wildcards, including a star segment that also covers the bare action', () => {
    assert.ok(actionMatches('*', 'Microsoft.Compute/virtualMachines/write'));
    assert.ok(actionMatches('*/read', 'microsoft.web/sites/read'));
    assert.ok(actionMatches('Microsoft.ManagedIdentity/userAssignedIdentities/*/read', 'Microsoft.ManagedIdentity/userAssignedIdentities/read'));
    assert.ok(actionMatches('Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action', 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action'));
    assert.ok(!actionMatches('*/read', 'Microsoft.Compute/virtualMachines/write'));
    assert.ok(!actionMatches('Microsoft.Authorization/*/Write', 'Microsoft.Compute/virtualMachines/write'));
  });

  it('normalizes double slashes and encoded segments, and parses nested resource ids', () => {
    assert.equal(normalizePath('//subscriptions/s//resourceGroups/r%20g/'), '/subscriptions/s/resourceGroups/r g');
    const id = parseResourceId('/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1/federatedIdentityCredentials/f1');
    assert.equal(id?.type, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials');
    assert.equal(id?.parentId, '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1');
    assert.equal(parseResourceId('/subscriptions/s/resourceGroups/rg'), undefined);
    assert.ok(isAtOrAbove('/', '/subscriptions/s'));
    assert.ok(isAtOrAbove('/subscriptions/S', '/subscriptions/s/resourceGroups/rg'));
    assert.ok(!isAtOrAbove('/subscriptions/s/resourceGroups/rg', '/subscriptions/s/resourceGroups/rg2'));
  });

  it('applies JSON merge-patch: objects merge, null deletes, arrays replace', () => {
    assert.deepEqual(mergePatch({ a: { b: 1, c: 2 }, d: [1, 2] }, { a: { c: null, e: 3 }, d: [3] }), { a: { b: 1, e: 3 }, d: [3] });
  });

  it('parses /resources $filter with and/or, substringof and tag pairs', () => {
    const r = (name: string, type: string, tags?: Record<string, string>): Resource => ({ id: `/subscriptions/s/resourceGroups/rg/providers/${type}/${name}`, name, type, location: 'eastus', tags });
    const items = [r('id-a', 'Microsoft.ManagedIdentity/userAssignedIdentities', { env: 'prod' }), r('vm-a', 'Microsoft.Compute/virtualMachines', { env: 'dev' })];
    const names = (filter: string) => items.filter(parseResourceFilter(filter)).map((i) => i.name);
    assert.deepEqual(names("resourceType eq 'microsoft.compute/virtualmachines'"), ['vm-a']);
    assert.deepEqual(names("substringof('-a', name) and location eq 'eastus'"), ['id-a', 'vm-a']);
    assert.deepEqual(names("tagName eq 'env' and tagValue eq 'dev'"), ['vm-a']);
    assert.deepEqual(names("name eq 'id-a' or name eq 'vm-a'"), ['id-a', 'vm-a']);
    assert.throws(() => parseResourceFilter("plan eq 'x'"), /not supported/);
  });

  it('merges identity on PATCH, replaces it on PUT, and spells the combined type per provider', () => {
    const store = new Store();
    const uai = (name: string): Resource => ({ id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`, name, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', properties: { principalId: stableGuid(name), clientId: stableGuid(`${name}c`) } });
    store.putResource(uai('a'));
    store.putResource(uai('b'));
    const base = { store, resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/containerApps/app', resourceType: 'Microsoft.App/containerApps', tenantId: 't', spelling: 'compact' as const, now: 0 };
    const first = applyIdentityChange({ ...base, existing: undefined, mode: 'put', input: { type: 'UserAssigned', userAssignedIdentities: { [uai('a').id]: {} } } });
    const merged = applyIdentityChange({ ...base, existing: first, mode: 'patch', input: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [uai('b').id]: {} } } });
    assert.equal(merged?.type, 'SystemAssigned,UserAssigned');
    assert.deepEqual(Object.keys(merged?.userAssignedIdentities ?? {}).map((k) => k.split('/').pop()), ['a', 'b']);
    assert.ok(store.principal(merged!.principalId!), 'enabling the system identity registers its principal');
    const replaced = applyIdentityChange({ ...base, existing: merged, mode: 'put', input: { type: 'UserAssigned', userAssignedIdentities: { [uai('b').id]: {} } } });
    assert.deepEqual(Object.keys(replaced?.userAssignedIdentities ?? {}).map((k) => k.split('/').pop()), ['b']);
    assert.equal(store.principal(merged!.principalId!), undefined, 'disabling the system identity deletes its principal');
    assert.equal(spellIdentityType(true, true, 'spaced'), 'SystemAssigned, UserAssigned');
  });

  it('generates a scale scenario whose role assignments grant what they say', () => {
    const data = generateScenario({ subscriptions: 3, identitiesPerSubscription: 4 });
    assert.deepEqual(generateScenario({ subscriptions: 3, identitiesPerSubscription: 4 }), data, 'generation is deterministic');
    const store = new Store();
    loadScenario(store, data);
    assert.equal(store.subscriptions.size, 3);
    const sub = data.subscriptions[1].subscriptionId;
    assert.equal(store.topLevelResources(sub, 'Microsoft.ManagedIdentity/userAssignedIdentities').length, 4);
    assert.ok(isAllowed(store, data.defaultUser, 'Microsoft.Authorization/roleAssignments/write', `/subscriptions/${sub}/resourceGroups/rg-app-002`));
    const identity = store.topLevelResources(sub, 'Microsoft.ManagedIdentity/userAssignedIdentities')[0];
    assert.ok(!isAllowed(store, identity.properties!.principalId as string, 'Microsoft.Compute/virtualMachines/write', `/subscriptions/${sub}`));
  });
});
