// npm run bench:tree — the identities tree at scale against the in-process emulator (real SDK clients, HTTPS):
// 200 subscriptions × 50 identities, 30 ms per request, ARM pages of 20, Resource Graph's default quota (15 queries
// per 5 s). Measures (1) listing every identity of every subscription and (2) fully expanding 200 random identities
// (assigned to, roles, credentials), for our loader (through Resource Graph, as the extension runs by default, and
// with ARM lists only) and for the anchor's algorithm replayed on the same emulator, then the tree's heap for the
// 10,000 identities. Last line: one JSON object.
import { startEmulatorThread, type EmulatorThread } from './emulatorThread';
import { generateScenario } from '../emulator/scenarios/generate';
import { cloudFor, createAzureAccess, createEmulatorCredentialFactory, createInventoryReader, type AzureAccess } from '../src/azure/index';
import type { AzureSubscription } from '../src/azure/tenants';
import { IdentityInventory } from '../src/inventory/inventory';
import { RequestLimiter } from '../src/inventory/limiter';
import type { NodeDescription } from '../src/inventory/nodeDescription';
import { IdentityTreeModel } from '../src/inventory/presenter';
import { DEFAULT_CONCURRENCY as CONCURRENCY } from '../src/inventory/limiter';
import { runAnchor } from './tree.anchor';
import { replayBare } from './tree.bare';

const SUBSCRIPTIONS = 200;
const IDENTITIES = 50;
const LATENCY_MS = 30;
const PAGE_SIZE = 20;
const EXPANSIONS = 200;

async function main(): Promise<void> {
  const emulator = await startEmulatorThread({
    scenario: generateScenario({ subscriptions: SUBSCRIPTIONS, identitiesPerSubscription: IDENTITIES }),
    pageSize: PAGE_SIZE,
    faults: { latencyMs: LATENCY_MS },
    // Resource Graph answers from an index it keeps current within seconds, not by rereading ARM per query; the data
    // does not change while measured, so the emulator's index may be a minute old.
    graphLagMs: 60_000,
    // Our run's requests, for the bare client's replay.
    journal: true,
  });
  const cloud = await cloudFor('Emulator', { endpoint: emulator.url, ca: emulator.ca });
  const access = createAzureAccess({ cloud, credentialFactory: createEmulatorCredentialFactory() });
  const { subscriptions } = await access.listSubscriptions();
  console.log(`${subscriptions.length} subscriptions × ${IDENTITIES} identities, ${LATENCY_MS} ms per request, pages of ${PAGE_SIZE}, concurrency ${CONCURRENCY}`);

  // Warm-up, not measured: every contender once over a tenth of the subscriptions, so JIT warm-up (the client's, and
  // the emulator's, which stands in for Azure's always-warm servers) is charged to no one.
  const tenth = subscriptions.slice(0, SUBSCRIPTIONS / 10);
  for (const graph of [true, false]) {
    const warm = await runOurs(emulator, access, tenth, graph);
    if (!graph) await runAnchor(emulator, access, tenth, warm.expanded.slice(0, 20).map((i) => ({ id: i.identity.id, principalId: i.identity.principalId, subscription: i.subscription })), CONCURRENCY);
  }

  const ours = await runOurs(emulator, access, subscriptions, true);
  const armOnly = await runOurs(emulator, access, subscriptions, false);
  const picks = ours.expanded.map((i) => ({ id: i.identity.id, principalId: i.identity.principalId, subscription: i.subscription }));
  const anchor = await runAnchor(emulator, access, subscriptions, picks, CONCURRENCY);
  const credentials = createEmulatorCredentialFactory();
  const token = async (tenantId: string) => (await credentials(tenantId).getToken(cloud.credentialScope))!.token;
  const bare = await replayBare(emulator, ours.journal, CONCURRENCY, token);
  // The same with no latency: the CPU work alone, the client's and the emulator's, on this machine's cores.
  await emulator.setLatency(0);
  const bareCpu = await replayBare(emulator, ours.journal, CONCURRENCY, token);

  const idealSeconds = (ours.requests * LATENCY_MS) / 1000 / CONCURRENCY;
  const result = {
    requests: ours.requests,
    anchorRequests: anchor.requests,
    seconds: round(ours.seconds),
    anchorSeconds: round(anchor.seconds),
    idealSeconds: round(idealSeconds),
    requestRatio: round(anchor.requests / ours.requests),
    timeRatio: round(anchor.seconds / ours.seconds),
    idealRatio: round(ours.seconds / idealSeconds),
    // The bound charges each request one latency: fair for 20-item ARM pages, not for 3 graph pages carrying every
    // identity and role assignment. The expansions alone are requests of one page each.
    expandIdealRatio: round(ours.expandSeconds / ((ours.expandRequests * LATENCY_MS) / 1000 / CONCURRENCY)),
    // What a bare HTTPS client takes for the same requests on this machine and emulator: the part of idealRatio no
    // client design can remove here.
    bareSeconds: round(bare.seconds),
    bareIdealRatio: round(bare.seconds / idealSeconds),
    bareNoLatencySeconds: round(bareCpu.seconds),
    graphQueries: ours.graphQueries,
    armOnlyRequests: armOnly.requests,
    armOnlySeconds: round(armOnly.seconds),
    listSeconds: round(ours.listSeconds),
    expandSeconds: round(ours.expandSeconds),
    expandRequests: ours.expandRequests,
    listBusyShare: round(ours.listBusy),
    expandBusyShare: round(ours.expandBusy),
    maxExpandRequestsPerIdentity: ours.maxPerIdentity,
    // Any design built on ARM's per-subscription lists must at least list every identity as the anchor does: the
    // anchor's requests over that floor are the best request ratio such a design can reach (why we use the graph).
    anchorListRequests: anchor.listRequests,
    perSubscriptionListsBestRatio: round(anchor.requests / anchor.listRequests),
    anchorEveryIdentityRequests: anchor.everyIdentityRequests,
    anchorEveryIdentitySeconds: round(anchor.everyIdentitySeconds),
    concurrency: CONCURRENCY,
    heapMiBFor10kIdentities: ours.heapMiB,
  };
  console.log(`ours:   ${ours.requests} requests (${ours.graphQueries} Resource Graph queries) in ${result.seconds} s (list ${result.listSeconds} s, expand 200 ${result.expandSeconds} s with ${ours.expandRequests} requests, at most ${ours.maxPerIdentity} per identity)`);
  console.log(`client thread busy: ${pct(ours.listBusy)} of the list, ${pct(ours.expandBusy)} of the expansions (the rest is waiting on the emulator and the network)`);
  console.log(`ours, ARM lists only (keyless.tree.useResourceGraph off): ${armOnly.requests} requests in ${result.armOnlySeconds} s`);
  console.log(`anchor: ${anchor.requests} requests in ${result.anchorSeconds} s (list every identity, then its per-identity algorithm for the same 200)`);
  console.log(`ideal:  ${result.idealSeconds} s = ${ours.requests} pages × ${LATENCY_MS} ms ÷ ${CONCURRENCY}`);
  console.log(`bare:   ${result.bareSeconds} s = ${result.bareIdealRatio}× the ideal bound: a bare HTTPS client (no SDK, no tree, only JSON.parse) replaying our ${ours.journal.length} requests at concurrency ${CONCURRENCY}, none waiting for another's answer, on this machine and emulator; with no latency at all, ${result.bareNoLatencySeconds} s`);
  console.log(`ratios: ${result.requestRatio}× fewer requests, ${result.timeRatio}× less time than the anchor; ${result.idealRatio}× the ideal bound (expanding alone: ${result.expandIdealRatio}× its bound)`);
  console.log(
    `floor:  listing every identity alone takes ${anchor.listRequests} requests with ARM's per-subscription lists, so no such design can beat the anchor by more than ${result.perSubscriptionListsBestRatio}× in requests here; the graph lists them across subscriptions`,
  );
  console.log(
    `anchor for every identity (what our loaded tree knows: counts for all ${subscriptions.length * IDENTITIES}), EXTRAPOLATED from its 200 measured expansions: ` +
      `${anchor.everyIdentityRequests} requests, ${result.anchorEveryIdentitySeconds} s → ${round(anchor.everyIdentityRequests / ours.requests)}× / ${round(anchor.everyIdentitySeconds / ours.seconds)}× ours`,
  );
  console.log(`heap of the loaded tree (10,000 identities + resources + role assignments, 200 identities expanded): ${ours.heapMiB} MiB${global.gc ? '' : ' (run with --expose-gc for a clean figure)'}`);
  access.dispose();
  await emulator.stop();
  console.log(JSON.stringify(result));
}

async function runOurs(emulator: EmulatorThread, access: AzureAccess, subscriptions: AzureSubscription[], resourceGraph: boolean) {
  const tenants = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.tenantId]));
  // Warm the SDK clients so both runs pay the same (client construction is local, no request).
  for (const s of subscriptions) await Promise.all([access.msiClient(s), access.resourcesClient(s), access.authorizationClient(s)]);
  const heapBefore = heapUsed();
  await emulator.resetStats();
  const started = performance.now();
  const loopAtStart = performance.eventLoopUtilization();
  const inventory = new IdentityInventory(createInventoryReader(access, (id) => tenants.get(id.toLowerCase()), { resourceGraph }), new RequestLimiter(CONCURRENCY));
  const model = new IdentityTreeModel(inventory);
  inventory.track(subscriptions);
  const tops = await Promise.all(subscriptions.map((s) => model.subscriptionChildren(s)));
  const identities = tops.flat().filter((d): d is Extract<NodeDescription, { kind: 'identity' }> => d.kind === 'identity');
  if (identities.length !== subscriptions.length * IDENTITIES) throw new Error(`listed ${identities.length} identities`);
  const listSeconds = (performance.now() - started) / 1000;
  const loopAtList = performance.eventLoopUtilization();
  const listRequests = (await emulator.stats()).total;

  const expanded = pick(identities, EXPANSIONS, 42);
  const expandStarted = performance.now();
  const expandFully = async (identity: NodeDescription) => {
    const groups = await model.children(identity);
    await Promise.all(groups.map((g) => model.children(g)));
  };
  await Promise.all(expanded.map(expandFully));
  const expandSeconds = (performance.now() - expandStarted) / 1000;
  // How much of each phase this process's one thread (the extension host's, in VS Code) spent working, not waiting.
  const listBusy = performance.eventLoopUtilization(loopAtList, loopAtStart).utilization;
  const expandBusy = performance.eventLoopUtilization(performance.eventLoopUtilization(), loopAtList).utilization;
  // Measured once the role assignments are in too (the tree is listed before they arrive; expanding waits for them).
  const heapMiB = round((heapUsed() - heapBefore) / 2 ** 20);
  const stats = await emulator.stats();
  const journal = await emulator.journal();
  const requests = stats.total;
  const graphQueries = stats.byOperation['POST resourceGraph.resources'] ?? 0;
  // Per-identity cost, one at a time on identities not expanded yet (outside the measured totals).
  let maxPerIdentity = 0;
  for (const identity of identities.filter((i) => !expanded.includes(i)).slice(0, 20)) {
    const before = (await emulator.stats()).total;
    await expandFully(identity);
    maxPerIdentity = Math.max(maxPerIdentity, (await emulator.stats()).total - before);
  }
  inventory.dispose();
  return { requests, journal, graphQueries, seconds: listSeconds + expandSeconds, listSeconds, expandSeconds, expandRequests: requests - listRequests, maxPerIdentity, expanded, heapMiB, listBusy, expandBusy };
}

/** Deterministic sample without replacement. */
function pick<T>(items: T[], count: number, seed: number): T[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function heapUsed(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

const round = (n: number) => Math.round(n * 100) / 100;
const pct = (share: number) => `${Math.round(share * 100)}%`;

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
