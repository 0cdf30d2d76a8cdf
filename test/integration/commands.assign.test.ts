import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { changeHolderIdentity, readHolder } from '../../src/azure/computeIdentity';
import { getIdentity } from '../../src/azure/identityWrites';
import { expectedState, type IdentityChange, type IdentityState } from '../../src/core/identityPatch';
import { normalizeId } from '../../src/core/identities/resourceId';
import { assignIdentityFlow, setSystemIdentityFlow, unassignIdentityFlow, DISABLE } from '../../src/wizard/flows/resourceIdentity';
import { CONTAINER_APP, CONTOSO, IDENTITY, PROD_SUB, startHarness, VM, WEB, type CommandsHarness } from './commands.env';

const keys = (ids: string[]) => ids.map((id) => normalizeId(id)).sort();

describe('Assign, unassign and system identity: merge PATCH against the emulator', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  it('assigns an identity to a VM through the wizard and keeps the system-assigned and other user-assigned identities', async () => {
    const before = await readHolder(h.access(), CONTOSO, VM);
    const env = h.env([{ pick: 'Contoso Production' }, { pick: 'id-orders-api' }, { pick: 'vm-orders-01' }]);
    const { result } = await assignIdentityFlow(env);
    assert.equal(result.after.systemAssigned?.principalId, before.systemAssigned?.principalId);
    assert.deepEqual(keys(result.after.userAssignedIdentityIds), keys([...before.userAssignedIdentityIds, IDENTITY('id-orders-api')]));
    assert.equal(h.writes()['PATCH virtualMachines.update'], 1, 'one PATCH, never a PUT');
    assert.equal(h.writes()['PUT virtualMachines.createOrUpdate'], undefined);
  });

  it('sends "SystemAssigned,UserAssigned" to a container app and keeps its identities', async () => {
    const env = h.env([{ pick: 'ca-orders-api' }]);
    const api = (await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-orders-worker'))!;
    const { result } = await assignIdentityFlow(env, { subscription: PROD_SUB, identity: api });
    assert.ok(result.after.systemAssigned, 'system-assigned identity survives');
    assert.deepEqual(keys(result.after.userAssignedIdentityIds), keys([IDENTITY('id-orders-api'), IDENTITY('id-orders-worker')]));
  });

  it('only lists resources that do not have the identity yet, and unassigning the last one switches the type', async () => {
    const web = (await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-orders-web'))!;
    const assign = h.env([{ pick: 'app-orders-web' }]);
    await assignIdentityFlow(assign, { subscription: PROD_SUB, identity: web });
    const unassign = h.env([{ pick: 'app-orders-web' }]);
    const { result } = await unassignIdentityFlow(unassign, { subscription: PROD_SUB, identity: web });
    assert.deepEqual(unassign.ui.prompts[0].choices, ['app-orders-web'], 'only holders of the identity are offered');
    assert.deepEqual(result.after.userAssignedIdentityIds, []);
    assert.ok(result.after.systemAssigned, 'the web app keeps its system-assigned identity');
    const raw = await readHolder(h.access(), CONTOSO, WEB);
    assert.equal(raw.userAssignedIdentityIds.length, 0);
  });

  it('warns before disabling a system identity with its principal ID, and enabling again gives a new one', async () => {
    const before = await readHolder(h.access(), CONTOSO, VM);
    const disable = h.env([{ pick: 'vm-orders-01' }, { button: DISABLE }]);
    const { result } = await setSystemIdentityFlow(disable, false, { subscription: PROD_SUB });
    const warning = disable.ui.prompts.find((p) => p.kind === 'warning');
    assert.match(warning?.detail ?? '', new RegExp(before.systemAssigned!.principalId));
    assert.equal(result.after.systemAssigned, undefined);
    assert.deepEqual(keys(result.after.userAssignedIdentityIds), keys(before.userAssignedIdentityIds));
    const enable = h.env([{ pick: 'vm-orders-01' }]);
    const enabled = await setSystemIdentityFlow(enable, true, { subscription: PROD_SUB });
    assert.notEqual(enabled.result.after.systemAssigned?.principalId, before.systemAssigned!.principalId);
  });

  it('dismissing the disable warning writes nothing', async () => {
    const env = h.env([{ pick: 'vm-orders-01' }, 'cancel']);
    await assert.rejects(setSystemIdentityFlow(env, false, { subscription: PROD_SUB }), { name: 'UserCancelledError' });
    assert.deepEqual(h.writes(), {});
  });

  it('tells a VM Contributor without Managed Identity Operator what to ask for, before any write', async () => {
    const api = (await getIdentity(h.access(), PROD_SUB, 'rg-identities', 'id-orders-api'))!;
    const env = h.env([{ pick: 'vmss-orders' }], 'Val VM Contributor');
    await assert.rejects(assignIdentityFlow(env, { subscription: PROD_SUB, identity: api }), (e: Error) =>
      /assign\/action' on managed identity id-orders-api \(ask for the Managed Identity Operator role there\)/.test(e.message));
    assert.deepEqual(h.writes(), {});
  });

  for (const resource of [VM, CONTAINER_APP]) {
    it(`random assign/unassign/enable/disable sequences on ${resource.split('/').pop()} end with exactly the expected identities`, async () => {
      const pool = ['id-orders-api', 'id-orders-worker', 'id-orders-web', 'id-unused'].map(IDENTITY);
      const change = fc.oneof(
        fc.constantFrom(...pool).map((identityId): IdentityChange => ({ kind: 'assign', identityId })),
        fc.constantFrom(...pool).map((identityId): IdentityChange => ({ kind: 'unassign', identityId })),
        fc.constant<IdentityChange>({ kind: 'enableSystem' }),
        fc.constant<IdentityChange>({ kind: 'disableSystem' }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), async (changes) => {
          const start = await readHolder(h.access(), CONTOSO, resource);
          let model: IdentityState = { system: !!start.systemAssigned, userAssignedIds: start.userAssignedIdentityIds };
          for (const c of changes) {
            await changeHolderIdentity(h.access(), CONTOSO, resource, c, { intervalInMs: 1 });
            model = expectedState(model, c);
          }
          const end = await readHolder(h.access(), CONTOSO, resource);
          assert.equal(!!end.systemAssigned, model.system);
          assert.deepEqual(keys(end.userAssignedIdentityIds), keys(model.userAssignedIds));
        }),
        { numRuns: 25, seed: 5 },
      );
    });
  }
});
