import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubSubject, kubernetesSubject, suggestCredentialName } from '../../src/core/federatedSubjects';
import { grantTargetFor, GRANT_TARGETS, rolesToOffer } from '../../src/core/grantTargets';
import { expectedState, identityPatch, parseIdentity, spellingFor } from '../../src/core/identityPatch';
import { isActionAllowed, roleThatGrants } from '../../src/core/permissions';
import { roleAssignmentName, uuidV5 } from '../../src/core/roleAssignmentName';
import { parseTags, validateFederatedCredentialName, validateIdentityName, validateIssuer, validateResourceGroupName, validateSubject } from '../../src/core/validators';

const A = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a';
const B = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/b';

describe('identity merge patches', () => {
  it('adds one user-assigned identity naming only it, in the provider spelling', () => {
    assert.deepEqual(identityPatch({ system: true, userAssignedIds: [B] }, { kind: 'assign', identityId: A }, 'spaced'), {
      identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [A]: {} } },
    });
    assert.equal(identityPatch({ system: true, userAssignedIds: [] }, { kind: 'assign', identityId: A }, 'compact')?.identity.type, 'SystemAssigned,UserAssigned');
  });

  it('removes one with null, and the last one by switching the type', () => {
    assert.deepEqual(identityPatch({ system: false, userAssignedIds: [A, B] }, { kind: 'unassign', identityId: A.toUpperCase() }, 'spaced'), {
      identity: { type: 'UserAssigned', userAssignedIdentities: { [A]: null } },
    });
    assert.deepEqual(identityPatch({ system: true, userAssignedIds: [A] }, { kind: 'unassign', identityId: A }, 'spaced'), { identity: { type: 'SystemAssigned' } });
    assert.deepEqual(identityPatch({ system: false, userAssignedIds: [A] }, { kind: 'unassign', identityId: A }, 'spaced'), { identity: { type: 'None' } });
  });

  it('toggles the system identity keeping the user-assigned ones, and sends nothing when already so', () => {
    assert.deepEqual(identityPatch({ system: false, userAssignedIds: [A] }, { kind: 'enableSystem' }, 'compact'), { identity: { type: 'SystemAssigned,UserAssigned' } });
    assert.deepEqual(identityPatch({ system: true, userAssignedIds: [A] }, { kind: 'disableSystem' }, 'spaced'), { identity: { type: 'UserAssigned' } });
    assert.equal(identityPatch({ system: true, userAssignedIds: [] }, { kind: 'enableSystem' }, 'spaced'), undefined);
    assert.equal(identityPatch({ system: true, userAssignedIds: [A] }, { kind: 'assign', identityId: A }, 'spaced'), undefined);
  });

  it('reads either spelling and knows which provider uses which', () => {
    assert.deepEqual(parseIdentity({ type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { [A]: {} } }), { system: true, userAssignedIds: [A] });
    assert.deepEqual(parseIdentity(undefined), { system: false, userAssignedIds: [] });
    assert.equal(spellingFor('Microsoft.App/containerApps'), 'compact');
    assert.equal(spellingFor('Microsoft.Web/sites'), 'spaced');
    assert.deepEqual(expectedState({ system: true, userAssignedIds: [A] }, { kind: 'unassign', identityId: A }), { system: true, userAssignedIds: [] });
  });
});

describe('deterministic role assignment names', () => {
  it('implements RFC 4122 version 5 (the DNS-namespace example)', () => {
    assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives the same name for the same scope, principal and role whatever their case, and another for another role', () => {
    const one = roleAssignmentName('/subscriptions/S/resourceGroups/RG', 'ABC', '/providers/Microsoft.Authorization/roleDefinitions/2A2B9908-6EA1-4AE2-8E65-A410DF84E7D1');
    assert.equal(one, roleAssignmentName('/subscriptions/s/resourcegroups/rg/', 'abc', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'));
    assert.notEqual(one, roleAssignmentName('/subscriptions/s/resourcegroups/rg', 'abc', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'));
    assert.match(one, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('validators', () => {
  it('accepts Azure-valid identity names and warns above 24 characters', () => {
    assert.equal(validateIdentityName('id-orders_api1'), undefined);
    assert.equal(validateIdentityName('a'.repeat(25))?.severity, 'warning');
    assert.equal(validateIdentityName('a'.repeat(129))?.severity, 'error');
    assert.equal(validateIdentityName('_abc')?.severity, 'error');
    assert.match(validateIdentityName('ab.c')?.message ?? '', /not '\.'/);
  });

  it('checks resource group, credential name, issuer and subject rules', () => {
    assert.equal(validateResourceGroupName('rg-app.(prod)_1'), undefined);
    assert.equal(validateResourceGroupName('rg.')?.severity, 'error');
    assert.equal(validateFederatedCredentialName('gh-main'), undefined);
    assert.equal(validateFederatedCredentialName('a'.repeat(121))?.severity, 'error');
    assert.equal(validateIssuer('https://token.actions.githubusercontent.com'), undefined);
    assert.equal(validateIssuer('http://issuer.example')?.severity, 'error');
    assert.equal(validateSubject('repo:a/b:*')?.severity, 'error');
  });

  it('parses tags and refuses duplicates and forbidden characters', () => {
    assert.deepEqual(parseTags(' env = dev, app=orders '), { tags: { env: 'dev', app: 'orders' } });
    assert.ok('error' in parseTags('env=a, ENV=b'));
    assert.ok('error' in parseTags('a/b=c'));
    assert.deepEqual(parseTags(''), { tags: {} });
  });
});

describe('permissions and grant targets', () => {
  it('evaluates actions with wildcards and notActions per entry, as ARM does', () => {
    const contributor = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] };
    assert.equal(isActionAllowed([contributor], 'Microsoft.Authorization/roleAssignments/write'), false);
    assert.equal(isActionAllowed([contributor, { actions: ['Microsoft.Authorization/roleAssignments/write'] }], 'Microsoft.Authorization/roleAssignments/write'), true);
    assert.equal(isActionAllowed([{ actions: ['Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action'] }], 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action'), true);
    assert.equal(isActionAllowed([{ actions: ['*/read'] }], 'Microsoft.Compute/virtualMachines/write'), false);
    assert.equal(roleThatGrants('Microsoft.ManagedIdentity/userAssignedIdentities/assign/action'), 'Managed Identity Operator');
  });

  it('offers least-privilege roles narrowed by child scope, broad ones marked, for every target type', () => {
    for (const target of GRANT_TARGETS) {
      const { leastPrivilege, broad } = rolesToOffer(target);
      assert.ok(leastPrivilege.length > 0, target.type);
      assert.ok(broad.every((r) => r.broad), target.type);
    }
    const storage = grantTargetFor('microsoft.storage/storageaccounts')!;
    const queue = rolesToOffer(storage, storage.children.find((c) => c.noun === 'queue'));
    assert.ok(queue.leastPrivilege.every((r) => r.name.startsWith('Storage Queue')));
    assert.ok(rolesToOffer(grantTargetFor('Microsoft.DocumentDB/databaseAccounts')!).leastPrivilege.every((r) => r.system === 'cosmos-sql'));
  });
});

describe('federated subjects', () => {
  it('builds the exact subject strings issuers send, and suggests a valid name', () => {
    assert.equal(githubSubject('contoso/api', 'branch', 'main'), 'repo:contoso/api:ref:refs/heads/main');
    assert.equal(githubSubject('contoso/api', 'pullRequest'), 'repo:contoso/api:pull_request');
    assert.equal(kubernetesSubject('ns', 'sa'), 'system:serviceaccount:ns:sa');
    assert.equal(validateFederatedCredentialName(suggestCredentialName('repo:contoso/api:ref:refs/heads/main')), undefined);
    assert.equal(suggestCredentialName('repo:contoso/api:ref:refs/heads/main'), 'github-contoso-api-main');
  });
});
