import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { getIdentity, listFederatedCredentials } from '../../src/azure/identityWrites';
import { createIdentityFlow } from '../../src/wizard/flows/createIdentity';
import { addFederatedCredentialFlow, DELETE_CREDENTIAL, deleteFederatedCredentialFlow } from '../../src/wizard/flows/federatedCredentials';
import { ScriptedValidationError, type ScriptedAnswer } from '../../src/wizard/scriptedUserInput';
import { PROD_SUB, startHarness, type CommandsHarness } from './commands.env';

/** Invalid values as Azure defines them, generated: each must be refused by the prompt, before any request. */
const invalidIdentityNames = fc.oneof(
  fc.string({ maxLength: 2 }),
  fc.string({ minLength: 129, maxLength: 200 }).map((s) => `a${s}`),
  fc.tuple(fc.constantFrom('-', '_', '.', ' '), fc.stringMatching(/^[a-z0-9]{2,20}$/)).map(([p, s]) => p + s),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{2,20}$/), fc.constantFrom('.', ' ', '/', '@', '#', 'é', '*', '+', '(', '!')).map(([s, bad]) => `a${s}${bad}x`),
);
const invalidIssuers = fc.oneof(
  fc.constant(''),
  fc.webUrl().map((u) => u.replace(/^https?:/, 'http:')),
  fc.stringMatching(/^[a-z]{3,12}\.[a-z]{2,5}$/),
  fc.webUrl().map((u) => `${u.replace(/^http:/, 'https:')}/*`),
  fc.string({ minLength: 600, maxLength: 700 }).map((s) => `https://issuer.example/${s.replace(/\s/g, 'x')}`),
  fc.stringMatching(/^[a-z]{3,10}$/).map((s) => `https://${s} .example`),
);
const invalidSubjects = fc.oneof(
  fc.constant(''),
  fc.string({ minLength: 601, maxLength: 700 }).map((s) => s.replace(/\*/g, 'x').padEnd(601, 'x')),
  fc.stringMatching(/^[a-z:/]{1,30}$/).map((s) => `${s}*`),
  fc.stringMatching(/^[a-z:]{1,30}$/).map((s) => `${s}\n${s}`),
);
const invalidCredentialNames = fc.oneof(
  fc.string({ maxLength: 2 }),
  fc.string({ minLength: 121, maxLength: 160 }).map((s) => `a${s}`),
  fc.stringMatching(/^[a-z0-9]{3,20}$/).map((s) => `-${s}`),
  fc.stringMatching(/^[a-z0-9]{3,20}$/).map((s) => `${s}.x`),
);

describe('Federated credentials and invalid input against the emulator', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const identity = async (name: string) => (await getIdentity(h.access(), PROD_SUB, 'rg-identities', name))!;

  it('adds a GitHub Actions credential with the exact subject string and the default audience', async () => {
    const env = h.env([{ pick: 'GitHub Actions' }, { input: 'contoso/orders-api' }, { pick: 'Environment' }, { input: 'production-eu' }, { input: 'gh-orders-prod-eu' }, { input: 'api://AzureADTokenExchange' }]);
    const { credential } = await addFederatedCredentialFlow(env, { subscription: PROD_SUB, identity: await identity('id-orders-api') });
    assert.equal(credential.subject, 'repo:contoso/orders-api:environment:production-eu');
    assert.equal(credential.issuer, 'https://token.actions.githubusercontent.com');
    assert.deepEqual(credential.audiences, ['api://AzureADTokenExchange']);
  });

  it('builds branch, tag and pull request subjects, and a Kubernetes service account subject', async () => {
    const id = await identity('id-unused');
    const cases: Array<[ScriptedAnswer[], string]> = [
      [[{ pick: 'GitHub Actions' }, { input: 'contoso/web' }, { pick: 'Branch' }, { input: 'main' }], 'repo:contoso/web:ref:refs/heads/main'],
      [[{ pick: 'GitHub Actions' }, { input: 'contoso/web' }, { pick: 'Tag' }, { input: 'v1.2.0' }], 'repo:contoso/web:ref:refs/tags/v1.2.0'],
      [[{ pick: 'GitHub Actions' }, { input: 'contoso/web' }, { pick: 'Pull request' }], 'repo:contoso/web:pull_request'],
      [[{ pick: 'Kubernetes' }, { input: 'https://eastus.oic.prod-aks.azure.com/tenant/guid/' }, { input: 'orders' }, { input: 'orders-api' }], 'system:serviceaccount:orders:orders-api'],
    ];
    for (const [answers, subject] of cases) {
      const env = h.env([...answers, { input: `fic-${Math.abs(hash(subject))}` }, { input: 'api://AzureADTokenExchange' }]);
      const { credential } = await addFederatedCredentialFlow(env, { subscription: PROD_SUB, identity: id });
      assert.equal(credential.subject, subject);
    }
  });

  it('refuses a second credential with the same issuer and subject while typing, before any write', async () => {
    const env = h.env([{ pick: 'GitHub Actions' }, { input: 'contoso/orders-api' }, { pick: 'Environment' }, { input: 'production-eu' }]);
    await assert.rejects(addFederatedCredentialFlow(env, { subscription: PROD_SUB, identity: await identity('id-orders-api') }), (e: unknown) =>
      e instanceof ScriptedValidationError && /already trusts this issuer and subject/.test(e.validationMessage));
    assert.deepEqual(h.writes(), {});
  });

  it('deletes a federated credential after confirmation', async () => {
    const id = await identity('id-orders-api');
    const env = h.env([{ pick: 'gh-orders-prod-eu' }, { button: DELETE_CREDENTIAL }]);
    await deleteFederatedCredentialFlow(env, { subscription: PROD_SUB, identity: id });
    assert.ok(!(await listFederatedCredentials(h.access(), PROD_SUB, id)).some((f) => f.name === 'gh-orders-prod-eu'));
  });

  it('rejects at least 100 generated invalid identity names, issuers, subjects and credential names with a message, and the emulator sees no write', async () => {
    const id = await identity('id-unused');
    let rejected = 0;
    const expectRejected = async (run: () => Promise<unknown>) => {
      await assert.rejects(run(), (e: unknown) => e instanceof ScriptedValidationError && e.validationMessage.length > 0);
      rejected++;
    };
    await fc.assert(fc.asyncProperty(invalidIdentityNames, async (name) => {
      await expectRejected(() => createIdentityFlow(h.env([{ input: name }]), { subscription: PROD_SUB, group: { name: 'rg-identities', location: 'eastus', isNew: false }, location: 'eastus' }));
    }), { numRuns: 40, seed: 11 });
    await fc.assert(fc.asyncProperty(invalidIssuers, async (issuer) => {
      await expectRejected(() => addFederatedCredentialFlow(h.env([{ input: issuer }]), { subscription: PROD_SUB, identity: id, existing: [], preset: 'other' }));
    }), { numRuns: 40, seed: 12 });
    await fc.assert(fc.asyncProperty(invalidSubjects, async (subject) => {
      await expectRejected(() => addFederatedCredentialFlow(h.env([{ input: subject }]), { subscription: PROD_SUB, identity: id, existing: [], preset: 'other', issuer: 'https://issuer.example' }));
    }), { numRuns: 40, seed: 13 });
    await fc.assert(fc.asyncProperty(invalidCredentialNames, async (name) => {
      await expectRejected(() => addFederatedCredentialFlow(h.env([{ input: name }]), { subscription: PROD_SUB, identity: id, existing: [], preset: 'other', issuer: 'https://issuer.example', subject: 'workload-1' }));
    }), { numRuns: 30, seed: 14 });
    assert.ok(rejected >= 100, `only ${rejected} rejected`);
    assert.deepEqual(h.writes(), {});
  });

  it('stops before prompting when the identity already has 20 credentials', async () => {
    const created = await createIdentityFlow(h.env([{ input: 'id-many-credentials' }, { input: '' }]), { subscription: PROD_SUB, group: { name: 'rg-identities', location: 'eastus', isNew: false }, location: 'eastus' });
    for (let i = 0; i < 20; i++) {
      await addFederatedCredentialFlow(h.env([{ input: `workload-${i}` }, { input: `fic-${i}` }, { input: 'api://AzureADTokenExchange' }]), { subscription: PROD_SUB, identity: created.identity, preset: 'other', issuer: 'https://issuer.example' });
    }
    h.emulator.resetStats();
    await assert.rejects(addFederatedCredentialFlow(h.env([]), { subscription: PROD_SUB, identity: created.identity }), /already has 20 federated credentials/);
    assert.deepEqual(h.writes(), {});
  });
});

function hash(text: string): number {
  let value = 0;
  for (const ch of text) value = (value * 31 + ch.charCodeAt(0)) | 0;
  return value;
}
