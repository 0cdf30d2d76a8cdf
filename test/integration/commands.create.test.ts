import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { getIdentity } from '../../src/azure/identityWrites';
import { createIdentityFlow } from '../../src/wizard/flows/createIdentity';
import { ScriptedValidationError } from '../../src/wizard/scriptedUserInput';
import { PROD_SUB, startHarness, type CommandsHarness } from './commands.env';

describe('Create identity: the wizard against the emulator', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  it('creates an identity in an existing group, defaulting the location to the group and counting steps', async () => {
    const env = h.env([{ pick: 'Contoso Production' }, { pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-created-1' }, { input: 'env=test, app=orders' }]);
    const result = await createIdentityFlow(env);
    assert.equal(result.identity.name, 'id-created-1');
    assert.equal(result.identity.location, 'eastus');
    assert.deepEqual(result.identity.tags, { env: 'test', app: 'orders' });
    assert.match(result.identity.principalId, /^[0-9a-f-]{36}$/);
    const steps = env.ui.prompts.filter((p) => p.kind !== 'progress').map((p) => `${p.step}/${p.totalSteps}`);
    assert.deepEqual(steps, ['1/5', '2/5', '3/5', '4/5', '5/5']);
    assert.equal(env.ui.remaining.length, 0);
    const read = await getIdentity(env.access, PROD_SUB, 'rg-identities', 'id-created-1');
    assert.equal(read?.clientId, result.identity.clientId);
  });

  it('creates a new resource group with its own location, and Back re-asks the previous step', async () => {
    const env = h.env([
      { pick: 'Contoso Production' },
      { pick: /Create new resource group/ },
      { input: 'rg-created-by-wizard' },
      'back',
      { input: 'rg-created-by-wizard-2' },
      { pick: (i) => i.data === 'westus2' },
      { pick: (i) => i.picked === true },
      { input: 'id-in-new-group' },
      { input: '' },
    ]);
    const result = await createIdentityFlow(env);
    assert.equal(result.identity.resourceGroup, 'rg-created-by-wizard-2');
    assert.equal(result.identity.location, 'westus2');
    assert.ok(h.writes()['PUT resourceGroups.createOrUpdate'] === 1);
  });

  it('warns above 24 characters but accepts the name', async () => {
    const long = 'id-' + 'a'.repeat(30);
    const env = h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: long }, { input: '' }]);
    await createIdentityFlow(env, { subscription: PROD_SUB });
    const nameprompt = env.ui.prompts.find((p) => p.kind === 'input' && /Name of the managed identity/.test(p.text ?? ''));
    assert.match(nameprompt?.validation?.[0] ?? '', /^warning: .*virtual machines/);
  });

  it('rejects a name already taken in the group before any write', async () => {
    const env = h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-orders-api' }]);
    await assert.rejects(createIdentityFlow(env, { subscription: PROD_SUB }), (e: unknown) => e instanceof ScriptedValidationError && /already exists/.test(e.validationMessage));
    assert.deepEqual(h.writes(), {});
  });

  it('cancelling at any prompt writes nothing', async () => {
    for (let at = 0; at < 5; at++) {
      const answers = [{ pick: 'Contoso Production' }, { pick: 'rg-identities' }, { pick: (i: { picked?: boolean }) => i.picked === true }, { input: 'id-cancelled' }, { input: '' }] as const;
      const env = h.env([...answers.slice(0, at), 'cancel'] as never);
      await assert.rejects(createIdentityFlow(env), { name: 'UserCancelledError' });
    }
    assert.deepEqual(h.writes(), {});
  });

  it('tells a Reader-only user which role they need, and writes nothing', async () => {
    const env = h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: 'id-by-riley' }, { input: '' }], 'Riley Reader');
    await assert.rejects(createIdentityFlow(env, { subscription: PROD_SUB }), (e: Error) => {
      assert.equal(e.name, 'MissingPermissionError');
      assert.match(e.message, /Microsoft\.ManagedIdentity\/userAssignedIdentities\/write' on resource group rg-identities \(ask for the Managed Identity Contributor role there\)/);
      assert.match(e.message, /Nothing was changed/);
      return true;
    });
    assert.deepEqual(h.writes(), {});
  });
});
