import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { getIdentity } from '../../src/azure/identityWrites';
import { listRoleAssignmentsOf } from '../../src/azure/roleAssignmentWrites';
import { asGrantRequest } from '../../src/core/grantTargets';
import { roleGuidOf } from '../../src/core/roleAssignmentName';
import { grantAccessFlow, ME_LABEL } from '../../src/wizard/flows/grantAccess';
import { DEMO } from '../../emulator/testing';
import { PROD_SUB, RG_APP, startHarness, STORAGE, type CommandsHarness } from './commands.env';

const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';
const QUEUE_SENDER = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a';
const SB_SENDER = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39';
const EH_SENDER = '2b629674-e913-4c01-ae53-ef4638d8f975';
const SB = `${RG_APP}/providers/Microsoft.ServiceBus/namespaces/sb-orders-prod`;
const EH = `${RG_APP}/providers/Microsoft.EventHub/namespaces/evh-orders-prod`;
const preselected = { pick: (i: { picked?: boolean }) => i.picked === true };

describe('Grant access from the passwordless lens, and narrowing the scope to a child entity', () => {
  let h: CommandsHarness;
  before(async () => (h = await startHarness()));
  after(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const principalOf = async (name: string) => (await getIdentity(h.access(), PROD_SUB, 'rg-identities', name))!.principalId;
  const picks = (env: { ui: { prompts: Array<{ kind: string; text?: string; choices?: string[] }> } }) => env.ui.prompts.filter((p) => p.kind === 'pick');

  it('reads the lens argument as a request and a tree node as none', () => {
    assert.deepEqual(asGrantRequest({ service: 'blob', target: 'stordersprod01', roleId: BLOB_READER }), { service: 'blob', target: 'stordersprod01', roleId: BLOB_READER });
    assert.deepEqual(asGrantRequest({ service: 'keyVault', roleId: 'x' }), { service: 'keyVault', roleId: 'x' });
    assert.equal(asGrantRequest({ kind: 'identity', identity: {} }), undefined);
    assert.equal(asGrantRequest(undefined), undefined);
  });

  it('preselects the target named in the code and the role, offers containers only for a blob role, and grants on the container', async () => {
    const env = h.env([{ pick: 'Contoso Production' }, { pick: 'id-orders-web' }, preselected, { pick: 'orders' }, preselected]);
    const result = await grantAccessFlow(env, { request: { service: 'blob', target: 'stordersprod01', roleId: BLOB_READER } });
    const [, who, target, scope, role] = picks(env);
    assert.ok(who.choices!.includes(ME_LABEL), 'offers you for local development');
    assert.ok(who.choices!.includes('id-orders-web'));
    assert.equal(target.text, 'Confirm the storage account your code uses');
    assert.equal(target.choices![0], 'stordersprod01');
    assert.ok(target.choices!.every((c) => c.startsWith('st')), 'only storage accounts');
    assert.deepEqual(scope.choices, ['Entire storage account stordersprod01', 'orders', 'invoices']);
    assert.equal(role.choices![0], 'Storage Blob Data Reader');
    assert.equal(env.ui.remaining.length, 0);
    const container = `${STORAGE}/blobServices/default/containers/orders`;
    assert.equal(result.scope, container);
    const held = await listRoleAssignmentsOf(h.access(), PROD_SUB, await principalOf('id-orders-web'));
    const granted = held.filter((a) => roleGuidOf(a.roleDefinitionId) === BLOB_READER && a.scope.toLowerCase() === container.toLowerCase());
    assert.equal(granted.length, 1, 'the role assignment sits on the container, not the account');
  });

  it('grants the signed-in developer as a User when "Me" is picked, narrowed to a Service Bus queue', async () => {
    const env = h.env([{ pick: 'Contoso Production' }, { pick: ME_LABEL }, preselected, { pick: 'orders' }, preselected]);
    const result = await grantAccessFlow(env, { request: { service: 'serviceBus', target: 'sb-orders-prod.servicebus.windows.net', roleId: SB_SENDER } });
    assert.equal(result.principal.isMe, true);
    assert.equal(result.principal.principalType, 'User');
    assert.deepEqual(picks(env)[3].choices, ['Entire Service Bus namespace sb-orders-prod', 'orders', 'order-updates']);
    const mine = await listRoleAssignmentsOf(h.access(), PROD_SUB, DEMO.developer.oid);
    const onQueue = mine.find((a) => a.scope.toLowerCase() === `${SB}/queues/orders`.toLowerCase());
    assert.equal(onQueue?.principalType, 'User');
    assert.equal(roleGuidOf(onQueue!.roleDefinitionId), SB_SENDER);
  });

  it('says when the named target is not found and lets the user pick another', async () => {
    const env = h.env([{ pick: 'Contoso Production' }, { pick: 'id-orders-api' }, { pick: 'stordersprod01' }, { pick: /^Entire / }, preselected]);
    await grantAccessFlow(env, { request: { service: 'blob', target: 'stnotthere', roleId: BLOB_READER } });
    const target = picks(env)[2];
    assert.equal(target.text, "No storage account named 'stnotthere' in Contoso Production: pick the one your code uses");
    assert.equal(picks(env)[4].choices![0], 'Storage Blob Data Reader');
  });

  it('narrows a queue role to the storage queue and an event hub role to the event hub', async () => {
    const worker = await principalOf('id-orders-worker');
    const queueEnv = h.env([{ pick: 'Contoso Production' }, { pick: 'id-orders-worker' }, preselected, { pick: 'order-events' }, preselected]);
    const queue = await grantAccessFlow(queueEnv, { request: { service: 'queue', target: 'stordersprod01', roleId: QUEUE_SENDER } });
    assert.deepEqual(picks(queueEnv)[3].choices, ['Entire storage account stordersprod01', 'order-events']);
    assert.equal(queue.scope, `${STORAGE}/queueServices/default/queues/order-events`);
    const hubEnv = h.env([{ pick: 'evh-orders-prod' }, { pick: 'telemetry' }, { pick: 'Azure Event Hubs Data Sender' }]);
    const hub = await grantAccessFlow(hubEnv, { subscription: PROD_SUB, principal: { principalId: worker, name: 'id-orders-worker', principalType: 'ServicePrincipal' } });
    assert.equal(hub.scope, `${EH}/eventhubs/telemetry`);
    const held = await listRoleAssignmentsOf(h.access(), PROD_SUB, worker);
    assert.ok(held.some((a) => a.scope === `${STORAGE}/queueServices/default/queues/order-events` && roleGuidOf(a.roleDefinitionId) === QUEUE_SENDER));
    assert.ok(held.some((a) => a.scope === `${EH}/eventhubs/telemetry` && roleGuidOf(a.roleDefinitionId) === EH_SENDER));
  });

  it('refuses a service granted inside the database before asking anything', async () => {
    const env = h.env([]);
    await assert.rejects(grantAccessFlow(env, { request: { service: 'sql', roleId: 'x' } }), /cannot grant sql access with an Azure role assignment/);
    assert.equal(env.ui.prompts.length, 0);
    assert.deepEqual(h.writes(), {});
  });
});
