import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator } from '../../emulator/index';
import { generateScenario } from '../../emulator/scenarios/generate';
import { expandAll, expandSubscription, outline, treeFor } from './tree.harness';

/** Two subscriptions of one tenant; a VM in the second uses an identity of the first. */
function crossSubscriptionScenario() {
  const data = generateScenario({ subscriptions: 2, identitiesPerSubscription: 2, seed: 'cross' });
  const [first, second] = data.subscriptions;
  const identity = `/subscriptions/${first.subscriptionId}/resourceGroups/rg-identities-001/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-scale-001-002`;
  data.resources.push({
    id: `/subscriptions/${second.subscriptionId}/resourceGroups/rg-app-002/providers/Microsoft.Compute/virtualMachines/vm-borrower`,
    location: 'eastus',
    identity: { type: 'UserAssigned', userAssignedIdentities: { [identity]: {} } },
  });
  return data;
}

describe('the identities tree over generated scenarios', () => {
  it('lists a resource of another subscription of the tenant under Assigned to, naming that subscription', async () => {
    const emulator = await startEmulator({ scenario: crossSubscriptionScenario(), pageSize: 2, faults: { latencyMs: 5 } });
    const tree = await treeFor(emulator);
    try {
      const rows = await expandSubscription(tree, 'Scale Subscription 001');
      assert.equal(
        outline(rows.filter((r) => r.label === 'id-scale-001-002')),
        `
id-scale-001-002 — rg-identities-001 · eastus  [account identity]
  Assigned to (3)  [plug assignedToGroup]
    ca-scale-001 — container app · rg-app-001  [package assignedResource]
    vm-borrower — virtual machine · rg-app-002 · Scale Subscription 002  [vm assignedResource]
    vm-scale-001 — virtual machine · rg-app-001  [vm assignedResource]
  Role assignments (1)  [shield roleAssignmentsGroup]
    Key Vault Secrets User — key vault kv-scale-001  [key roleAssignment]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]`.trim(),
      );
    } finally {
      tree.dispose();
      await emulator.stop();
    }
  });

  it('groups identities by resource group or by location when the setting says so', async () => {
    const data = generateScenario({ subscriptions: 1, identitiesPerSubscription: 2, seed: 'groups' });
    data.resources.push({ id: `/subscriptions/${data.subscriptions[0].subscriptionId}/resourceGroups/rg-app-001/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-west`, location: 'westus' });
    const emulator = await startEmulator({ scenario: data });
    try {
      for (const [groupBy, expected] of [
        ['resourceGroup', 'rg-app-001 — 1 identity  [folder identityGroup]\n  id-west — westus  [account identity]\nrg-identities-001 — 2 identities  [folder identityGroup]\n  id-scale-001-001 — eastus  [account identity]\n  id-scale-001-002 — eastus  [account identity]'],
        ['location', 'eastus — 2 identities  [globe identityGroup]\n  id-scale-001-001 — rg-identities-001  [account identity]\n  id-scale-001-002 — rg-identities-001  [account identity]\nwestus — 1 identity  [globe identityGroup]\n  id-west — rg-app-001  [account identity]'],
      ] as const) {
        const tree = await treeFor(emulator, { groupBy });
        const subscription = tree.subscriptions[0];
        const top = (await tree.model.subscriptionChildren(subscription)).filter((d) => d.kind === 'identityGroup');
        const rows = await expandAll(tree.model, top);
        const identitiesOnly = rows.map((g) => ({ ...g, children: g.children?.map(({ children: _, ...identity }) => identity) }));
        assert.equal(outline(identitiesOnly), expected);
        tree.dispose();
      }
    } finally {
      await emulator.stop();
    }
  });

  it('shows a subscription the user may not read as one error row with the reason and Retry, while the others load', async () => {
    const data = generateScenario({ subscriptions: 2, identitiesPerSubscription: 1, seed: 'denied' });
    const denied = data.subscriptions[1].subscriptionId;
    const owner = data.roleAssignments.find((a) => a.scope === `/subscriptions/${denied}` && a.role === 'Owner')!;
    owner.role = 'Storage Blob Data Reader'; // listed (it holds a role there) but may not read resources
    const emulator = await startEmulator({ scenario: data });
    const tree = await treeFor(emulator);
    try {
      assert.equal(
        outline(await expandSubscription(tree, 'Scale Subscription 002')),
        'Could not load identities — You need Reader on this subscription (AuthorizationFailed)  [error loadError → keyless.refreshSubscription]',
      );
      const first = await expandSubscription(tree, 'Scale Subscription 001');
      assert.equal(first[0].label, 'id-scale-001-001');
      // Assigned to is honest about the tenant's subscription that could not load.
      assert.equal(first[0].children?.[0].label, 'Assigned to (2)');
      assert.equal(first[0].children?.[0].description, 'incomplete: 1 subscription could not load');
      assert.match(first[0].children?.[0].children?.[0].label ?? '', /^Incomplete: Scale Subscription 002 could not load — You need Reader/);
    } finally {
      tree.dispose();
      await emulator.stop();
    }
  });

  it('says a subscription has no user-assigned identities and offers to create one', async () => {
    const emulator = await startEmulator({ scenario: generateScenario({ subscriptions: 1, identitiesPerSubscription: 0, seed: 'empty' }) });
    const tree = await treeFor(emulator);
    try {
      const [first] = await tree.model.subscriptionChildren(tree.subscriptions[0]);
      assert.equal(first.label, 'No user-assigned identities — Create Identity…');
      assert.equal(first.contextValue, 'keyless.noIdentities');
      assert.deepEqual(first.command, { command: 'keyless.createIdentity', title: 'Create Identity…', arguments: [tree.subscriptions[0]] });
    } finally {
      tree.dispose();
      await emulator.stop();
    }
  });

  it('refresh cancels the loads in flight and loads again', async () => {
    const emulator = await startEmulator({ scenario: generateScenario({ subscriptions: 3, identitiesPerSubscription: 10, seed: 'abort' }), pageSize: 2, faults: { latencyMs: 40 } });
    const tree = await treeFor(emulator, { concurrency: 2 });
    try {
      const subscription = tree.subscriptions[0];
      const first = tree.inventory.snapshot(subscription.subscriptionId);
      tree.inventory.refresh();
      await assert.rejects(first, (error: Error) => error.name === 'AbortError' || /Refreshed/.test(error.message));
      const served = emulator.stats().total;
      const snapshot = await tree.inventory.snapshot(subscription.subscriptionId);
      assert.equal(snapshot.identities.length, 10);
      assert.ok(served < 10, `the cancelled load stopped early (${served} requests served before the reload)`);
    } finally {
      tree.dispose();
      await emulator.stop();
    }
  });
});
