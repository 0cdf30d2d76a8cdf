// The anchor's algorithm, replayed over the same SDK clients and emulator: list each subscription's identities; then,
// per identity expanded, list ALL resources of its subscription (to find those using it), list the subscription's
// role assignments and filter by principal, get each role definition by id (no cache), and list its federated
// credentials. Same request pool size as ours, so the comparison is about requests and their dependencies.
import type { EmulatorThread } from './emulatorThread';
import type { AzureAccess } from '../src/azure/index';
import type { AzureSubscription } from '../src/azure/tenants';
import { parseResourceId } from '../src/core/identities/resourceId';
import { RequestLimiter } from '../src/inventory/limiter';

export interface AnchorPick {
  id: string;
  principalId: string;
  subscription: AzureSubscription;
}

async function drain<T>(pages: AsyncIterableIterator<T[]>, limiter: RequestLimiter): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await limiter.run(() => pages.next());
    if (page.done) return items;
    items.push(...page.value);
  }
}

export async function runAnchor(emulator: EmulatorThread, access: AzureAccess, subscriptions: AzureSubscription[], picks: AnchorPick[], concurrency: number) {
  const limiter = new RequestLimiter(concurrency);
  await emulator.resetStats();
  const started = performance.now();
  await Promise.all(subscriptions.map(async (s) => drain((await access.msiClient(s)).userAssignedIdentities.listBySubscription().byPage(), limiter)));
  const listSeconds = (performance.now() - started) / 1000;
  const listRequests = (await emulator.stats()).total;

  const expandStarted = performance.now();
  await Promise.all(
    picks.map(async ({ id, principalId, subscription }) => {
      const [resources, authorization, msi] = await Promise.all([access.resourcesClient(subscription), access.authorizationClient(subscription), access.msiClient(subscription)]);
      const parsed = parseResourceId(id);
      const [holders, assignments] = await Promise.all([
        drain(resources.resources.list().byPage(), limiter).then((all) => all.filter((r) => Object.keys(r.identity?.userAssignedIdentities ?? {}).some((k) => k.toLowerCase() === id.toLowerCase()))),
        drain(authorization.roleAssignments.listForSubscription().byPage(), limiter).then((all) => all.filter((a) => a.principalId === principalId)),
        drain(msi.federatedIdentityCredentials.list(parsed.resourceGroup!, parsed.name!).byPage(), limiter),
      ]);
      await Promise.all(assignments.map((a) => limiter.run(() => authorization.roleDefinitions.getById(a.roleDefinitionId!))));
      return holders;
    }),
  );
  const expandSeconds = (performance.now() - expandStarted) / 1000;
  const requests = (await emulator.stats()).total;
  const perIdentityRequests = (requests - listRequests) / picks.length;
  const perIdentitySeconds = expandSeconds / picks.length;
  const identityCount = subscriptions.length * 50;
  return {
    requests,
    listRequests,
    seconds: listSeconds + expandSeconds,
    // Extrapolated, not run: the same per-identity work for every identity, at the measured mean cost.
    everyIdentityRequests: Math.round(listRequests + perIdentityRequests * identityCount),
    everyIdentitySeconds: listSeconds + perIdentitySeconds * identityCount,
  };
}
