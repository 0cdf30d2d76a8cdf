import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator, type EmulatorOptions } from '../../emulator/index';
import { generateScenario } from '../../emulator/scenarios/generate';
import { expandSubscription, outline, treeFor, type TreeHarness } from './tree.harness';

/** Every subscription of the tree, expanded all the way down, as one outline. */
async function wholeOutline(tree: TreeHarness): Promise<string> {
  const parts = await Promise.all(tree.subscriptions.map(async (s) => `${s.displayName}\n${outline(await expandSubscription(tree, s.displayName), 1)}`));
  return parts.join('\n');
}

async function outlineOf(options: EmulatorOptions, resourceGraph: boolean) {
  const emulator = await startEmulator(options);
  const tree = await treeFor(emulator, { resourceGraph });
  try {
    const text = await wholeOutline(tree);
    const sources = tree.subscriptions.map((s) => {
      const state = tree.inventory.state(s.subscriptionId);
      return state?.status === 'loaded' ? state.source : state?.status;
    });
    return { text, sources, stats: emulator.stats() };
  } finally {
    tree.dispose();
    await emulator.stop();
  }
}

// Cross-subscription use: the VM of subscription 003 (the first's tenant; Azure assigns identities within a tenant)
// also uses an identity of subscription 001.
function crossSubscriptionScenario() {
  const data = generateScenario({ subscriptions: 4, identitiesPerSubscription: 3, tenants: 2, seed: 'graph' });
  const shared = data.resources.find((r) => /userAssignedIdentities\/id-scale-001-001$/.test(r.id))!.id;
  const vm = data.resources.find((r) => /virtualMachines\/vm-scale-003$/.test(r.id))!;
  (vm.identity as { userAssignedIdentities: Record<string, object> }).userAssignedIdentities[shared] = {};
  return data;
}

describe('Managed Identities tree through Azure Resource Graph', () => {
  for (const [name, scenario] of [
    ['the demo scenario', 'demo'],
    ['generated subscriptions over two tenants with cross-subscription use', crossSubscriptionScenario()],
  ] as const) {
    it(`shows exactly the tree ARM's own lists give, for ${name}`, async () => {
      const viaGraph = await outlineOf({ scenario, pageSize: 2 }, true);
      const viaArm = await outlineOf({ scenario, pageSize: 2 }, false);
      assert.equal(viaGraph.text, viaArm.text);
      if (typeof scenario !== 'string') assert.match(viaGraph.text, /vm-scale-003 — virtual machine · rg-app-003 · Scale Subscription 003 {2}\[vm assignedResource\]/);
      assert.ok(viaGraph.sources.includes('graph'), `sources: ${viaGraph.sources.join()}`);
      assert.ok(viaGraph.stats.byOperation['POST resourceGraph.resources'] > 0);
      assert.equal(viaArm.stats.byOperation['POST resourceGraph.resources'] ?? 0, 0);
      // Only subscriptions the graph did not serve (nothing readable there) were listed through ARM.
      const armServed = viaGraph.sources.filter((s) => s === 'arm').length;
      const armLists = viaGraph.stats.byOperation['GET userAssignedIdentities.listBySubscription'] ?? 0;
      assert.ok(armServed === 0 ? armLists === 0 : armLists >= armServed, `${armServed} subscriptions from ARM, ${armLists} identity lists`);
    });
  }

  it('keeps within the user’s query quota by waiting for the window, and still shows the whole tree', async () => {
    const scenario = generateScenario({ subscriptions: 3, identitiesPerSubscription: 2, seed: 'quota' });
    const tight = await outlineOf({ scenario, graphQuota: { queries: 2, windowMs: 200 } }, true);
    const viaArm = await outlineOf({ scenario }, false);
    assert.equal(tight.text, viaArm.text);
    assert.deepEqual(tight.sources, ['graph', 'graph', 'graph']);
  });

  it('falls back to each subscription’s own ARM lists when the graph keeps refusing, showing the same tree', async () => {
    const scenario = generateScenario({ subscriptions: 2, identitiesPerSubscription: 2, seed: 'refused' });
    // No query ever fits the quota: the client waits out the window three times (1 s each), then gives up on the graph.
    const refused = await outlineOf({ scenario, graphQuota: { queries: 0, windowMs: 100 } }, true);
    const viaArm = await outlineOf({ scenario }, false);
    assert.equal(refused.text, viaArm.text);
    assert.deepEqual(refused.sources, ['arm', 'arm']);
    assert.ok(refused.stats.byOperation['POST resourceGraph.resources'] >= 3);
  });

  it('shows a write at once and after a full refresh, though the graph has not indexed it yet', async () => {
    const scenario = generateScenario({ subscriptions: 2, identitiesPerSubscription: 1, seed: 'lag' });
    const emulator = await startEmulator({ scenario, graphLagMs: 60_000 });
    const tree = await treeFor(emulator);
    try {
      const [first] = tree.subscriptions;
      await tree.inventory.snapshot(first.subscriptionId);
      const msi = await tree.access.msiClient(first);
      await msi.userAssignedIdentities.createOrUpdate('rg-identities-001', 'id-written-now', { location: 'eastus' });
      // What a command does after a write: reload the subscription it wrote to.
      await tree.inventory.reload(first.subscriptionId);
      const names = async () => (await tree.inventory.snapshot(first.subscriptionId)).identities.map((i) => i.name).sort();
      assert.deepEqual(await names(), ['id-scale-001-001', 'id-written-now']);
      tree.inventory.refresh();
      assert.deepEqual(await names(), ['id-scale-001-001', 'id-written-now']);
      const state = tree.inventory.state(first.subscriptionId);
      assert.equal(state?.status === 'loaded' && state.source, 'arm');
      // The other subscription still comes from the graph.
      await tree.inventory.snapshot(tree.subscriptions[1].subscriptionId);
      const other = tree.inventory.state(tree.subscriptions[1].subscriptionId);
      assert.equal(other?.status === 'loaded' && other.source, 'graph');
    } finally {
      tree.dispose();
      await emulator.stop();
    }
  });
});
