import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { listCosmosSqlRoleAssignments } from '../../src/azure/cosmosRoles';
import { PRINCIPAL_RETRY_DELAYS_MS } from '../../src/azure/principalReplication';
import { listRoleAssignmentsOf } from '../../src/azure/roleAssignmentWrites';
import { createIdentityFlow } from '../../src/wizard/flows/createIdentity';
import { grantAccessFlow } from '../../src/wizard/flows/grantAccess';
import type { ScriptedAnswer } from '../../src/wizard/scriptedUserInput';
import { CONTOSO, COSMOS, PROD_SUB, startHarness, type CommandsHarness } from './commands.env';

const REPLICATION_MS = 20_000;

/**
 * Grant right after create, through the directory replication window. The emulator runs on a fake clock that the
 * retry's sleep advances, so the production backoff (2, 4, 8, 15, 15, 15 s) runs without waiting a real minute.
 * principalTypeBypassesReplication is off: the ARM paths where principalType does not save the first attempt.
 */
describe('Grant right after creating an identity, through the PrincipalNotFound window', () => {
  let h: CommandsHarness;
  let clock = Date.now();
  const slept: number[] = [];
  before(async () => (h = await startHarness({ principalNotFoundWindowMs: REPLICATION_MS, principalTypeBypassesReplication: false, now: () => clock })));
  after(() => h.stop());
  beforeEach(() => {
    h.emulator.resetStats();
    slept.length = 0;
  });

  const envOnFakeClock = (answers: ScriptedAnswer[], retryDelaysMs = PRINCIPAL_RETRY_DELAYS_MS) => {
    const env = h.env(answers);
    env.tuning = { ...env.tuning, retryDelaysMs, sleep: async (ms) => void (slept.push(ms), (clock += ms)) };
    return env;
  };
  const create = async (name: string) => {
    const created = await createIdentityFlow(h.env([{ pick: 'rg-identities' }, { pick: (i) => i.picked === true }, { input: name }, { input: '' }]), { subscription: PROD_SUB });
    return { principalId: created.identity.principalId, name, principalType: 'ServicePrincipal' as const };
  };
  const progressOf = (env: { ui: { prompts: Array<{ kind: string; progress?: string[] }> } }) => env.ui.prompts.filter((p) => p.kind === 'progress').flatMap((p) => p.progress ?? []);

  it('retries an ARM role assignment with backoff and progress until the new principal has replicated', async () => {
    const principal = await create('id-fresh-arm');
    h.emulator.resetStats();
    const env = envOnFakeClock([{ pick: 'sb-orders-prod' }, { pick: /^Entire / }, { pick: 'Azure Service Bus Data Sender' }]);
    const result = await grantAccessFlow(env, { subscription: PROD_SUB, principal });
    assert.equal(result.outcome.outcome, 'created');
    assert.deepEqual(slept, [2_000, 4_000, 8_000, 15_000], '29 s of backoff outlasts the 20 s window');
    assert.equal(h.writes()['PUT roleAssignments.create'], 5, 'four refusals, then the write');
    const waits = progressOf(env).filter((m) => m.startsWith('Waiting'));
    assert.deepEqual(waits[0], 'Waiting for id-fresh-arm to reach the directory (attempt 1, next try in 2 s)…');
    assert.equal(waits.length, 4);
    const held = await listRoleAssignmentsOf(h.access(), PROD_SUB, principal.principalId);
    assert.equal(held.length, 1);
  });

  it('retries a Cosmos DB SQL role assignment the service accepted and then failed, until it succeeds', async () => {
    const principal = await create('id-fresh-cosmos');
    const env = envOnFakeClock([{ pick: 'cosmos-orders-prod' }, { pick: 'Cosmos DB Built-in Data Contributor' }]);
    const result = await grantAccessFlow(env, { subscription: PROD_SUB, principal });
    assert.equal(result.outcome.outcome, 'created');
    assert.deepEqual(slept, [2_000, 4_000, 8_000, 15_000]);
    assert.equal(progressOf(env).filter((m) => m.startsWith('Waiting for id-fresh-cosmos')).length, 4);
    const sql = await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS);
    assert.equal(sql.filter((a) => a.principalId === principal.principalId).length, 1);
  });

  it('gives up after its limit with a clear message, and nothing is granted', async () => {
    const principal = await create('id-never-there');
    for (const [target, role] of [['stordersprod01', 'Storage Blob Data Reader'], ['cosmos-orders-prod', 'Cosmos DB Built-in Data Reader']]) {
      slept.length = 0;
      const answers: ScriptedAnswer[] = target === 'stordersprod01' ? [{ pick: target }, { pick: /^Entire / }, { pick: role }] : [{ pick: target }, { pick: role }];
      const env = envOnFakeClock(answers, [1_000, 1_000]);
      await assert.rejects(grantAccessFlow(env, { subscription: PROD_SUB, principal }), (e: Error) => {
        assert.equal(e.name, 'PrincipalNotReplicatedError');
        assert.equal(e.message, 'id-never-there has still not reached the directory after 3 attempts over 2 s, so nothing was granted. A new identity usually replicates within a minute or two: run Grant Access again shortly.');
        return true;
      });
      assert.deepEqual(slept, [1_000, 1_000]);
    }
    assert.deepEqual(await listRoleAssignmentsOf(h.access(), PROD_SUB, principal.principalId), []);
    assert.ok(!(await listCosmosSqlRoleAssignments(h.access(), CONTOSO, COSMOS)).some((a) => a.principalId === principal.principalId));
  });
});
