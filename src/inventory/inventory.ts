import { setMaxListeners } from 'node:events';
import type { AzureSubscription } from '../azure/tenants';
import type { IdentityIndex } from '../core/identities/identityIndex';
import type { FederatedCredential, SubscriptionSnapshot } from '../core/identities/model';
import type { RequestLimiter } from './limiter';
import { InventoryLoader } from './loader';
import { type BulkLoad, isEmptyListing, type InventoryReader, type SubscriptionListing } from './reader';

export interface RetryOptions {
  /** Whole-subscription attempts after the SDK pipeline's own retries are spent on a transient fault (default 2). */
  attempts?: number;
  /** Wait before the first such attempt, doubled each time (default 2000 ms: ARM throttling lasts seconds). */
  delayMs?: number;
}

/** Where a loaded subscription came from: Resource Graph (fast, may lag recent changes) or ARM's own lists (live). */
export type LoadSource = 'graph' | 'arm';

export type LoadState =
  | { status: 'loading' }
  | { status: 'loaded'; snapshot: SubscriptionSnapshot; source: LoadSource; at: number; graphError?: unknown }
  | { status: 'failed'; error: unknown };

/** Resource Graph indexes writes after a delay: a subscription Keyless wrote to reads from ARM this long after. */
export const GRAPH_LAG_GRACE_MS = 10 * 60_000;
/** Subscriptions per graph query: the Resource Graph team advises groups under 300. */
export const GRAPH_GROUP_SIZE = 250;

interface Entry {
  subscription: AzureSubscription;
  controller: AbortController;
  /** Identities and resources: what the subscription's rows need. */
  listed: Promise<SubscriptionListing>;
  /** Everything, role assignments too, in the index: what joins across subscriptions need. */
  promise: Promise<SubscriptionSnapshot>;
  state: LoadState;
}

/**
 * The shown subscriptions' inventories, loading in the background as soon as they are listed, so that an identity's
 * "Assigned to" can wait for every subscription of its tenant. Subscriptions listed together load together through
 * Resource Graph; one reloaded alone (after a write, or Retry), one written to lately, or any the graph could not
 * answer for, loads through its own ARM lists. Refresh aborts what is in flight and starts over.
 */
export class IdentityInventory {
  private readonly loader: InventoryLoader;
  private readonly entries = new Map<string, Entry>();
  private generation = shared(new AbortController());
  private readonly settledByTenant = new Map<string, Promise<AzureSubscription[]>>();
  /** Subscriptions reloaded lately (after a write): until when they skip the graph. */
  private readonly liveUntil = new Map<string, number>();

  constructor(
    reader: InventoryReader,
    limiter: RequestLimiter,
    private readonly retry: RetryOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.loader = new InventoryLoader(reader, limiter);
  }

  get index(): IdentityIndex {
    return this.loader.index;
  }

  /** Starts loading every subscription not loaded yet; forgets those no longer shown. */
  track(subscriptions: readonly AzureSubscription[]): void {
    const wanted = new Set(subscriptions.map((s) => key(s.subscriptionId)));
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      entry.controller.abort(new Error('The subscription is no longer shown.'));
      this.entries.delete(id);
      this.settledByTenant.delete(key(entry.subscription.tenantId));
      this.loader.forgetSubscription(entry.subscription.subscriptionId);
    }
    this.startAll(subscriptions.filter((s) => !this.entries.has(key(s.subscriptionId))));
  }

  subscription(subscriptionId: string): AzureSubscription | undefined {
    return this.entries.get(key(subscriptionId))?.subscription;
  }

  state(subscriptionId: string): LoadState | undefined {
    return this.entries.get(key(subscriptionId))?.state;
  }

  /** The subscription's identities and resources, as soon as they are known (its role assignments may still load). */
  listed(subscriptionId: string): Promise<SubscriptionListing> {
    const entry = this.entries.get(key(subscriptionId));
    return entry ? entry.listed : Promise.reject(new Error(`Subscription ${subscriptionId} is not shown.`));
  }

  /** The subscription's snapshot once loaded; rejects with the reason it could not load. */
  snapshot(subscriptionId: string): Promise<SubscriptionSnapshot> {
    const entry = this.entries.get(key(subscriptionId));
    return entry ? entry.promise : Promise.reject(new Error(`Subscription ${subscriptionId} is not shown.`));
  }

  /** Waits until every shown subscription of the tenant has loaded or failed; returns those that failed. */
  tenantSettled(tenantId: string): Promise<AzureSubscription[]> {
    // Every expanded identity asks (several times); one wait per tenant until a subscription (re)starts.
    const k = key(tenantId);
    let settled = this.settledByTenant.get(k);
    if (!settled) this.settledByTenant.set(k, (settled = this.settle(tenantId)));
    return settled;
  }

  private async settle(tenantId: string): Promise<AzureSubscription[]> {
    for (;;) {
      const entries = [...this.entries.values()].filter((e) => e.subscription.tenantId.toLowerCase() === tenantId.toLowerCase());
      await Promise.allSettled(entries.map((e) => e.promise));
      // A reload may have replaced an entry while we waited: settle again until the set is stable.
      if (entries.every((e) => this.entries.get(key(e.subscription.subscriptionId)) === e)) {
        return entries.filter((e) => e.state.status === 'failed').map((e) => e.subscription);
      }
    }
  }

  /** Aborts and reloads one subscription (after a write, or Retry). */
  reload(subscriptionId: string): Promise<SubscriptionSnapshot> | undefined {
    const entry = this.entries.get(key(subscriptionId));
    if (!entry) return undefined;
    entry.controller.abort(new Error('Reloading the subscription.'));
    this.loader.forgetSubscription(entry.subscription.subscriptionId);
    this.liveUntil.set(key(subscriptionId), this.now() + GRAPH_LAG_GRACE_MS);
    return this.start(entry.subscription).promise;
  }

  /** Aborts every load in flight, forgets everything loaded, and loads the shown subscriptions again. */
  refresh(): void {
    this.generation.abort(new Error('Refreshed.'));
    this.generation = shared(new AbortController());
    for (const entry of this.entries.values()) entry.controller.abort(new Error('Refreshed.'));
    this.loader.reset();
    this.startAll([...this.entries.values()].map((e) => e.subscription));
  }

  federatedCredentials(identityId: string): Promise<FederatedCredential[]> {
    const signal = this.generation.signal;
    return withTransientRetries(() => this.loader.federatedCredentials(identityId, signal), signal, this.retry);
  }

  async roleName(roleDefinitionId: string): Promise<string | undefined> {
    try {
      const signal = this.generation.signal;
      return (await withTransientRetries(() => this.loader.roleDefinition(roleDefinitionId, signal), signal, this.retry)).roleName;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.generation.abort(new Error('Disposed.'));
    for (const entry of this.entries.values()) entry.controller.abort(new Error('Disposed.'));
    this.entries.clear();
  }

  /** Starts subscriptions listed together: in graph groups per tenant where the reader can, else one by one. */
  private startAll(subscriptions: AzureSubscription[]): void {
    const now = this.now();
    const viaGraph = this.loader.loadsInBulk ? subscriptions.filter((s) => !((this.liveUntil.get(key(s.subscriptionId)) ?? 0) > now)) : [];
    const byTenant = new Map<string, AzureSubscription[]>();
    for (const s of viaGraph) {
      const members = byTenant.get(key(s.tenantId));
      if (members) members.push(s);
      else byTenant.set(key(s.tenantId), [s]);
    }
    const grouped = new Set<AzureSubscription>();
    for (const members of byTenant.values()) {
      for (let i = 0; i < members.length; i += GRAPH_GROUP_SIZE) {
        const group = members.slice(i, i + GRAPH_GROUP_SIZE);
        const bulk = this.loader.loadInBulk(group[0].tenantId, group.map((s) => s.subscriptionId), this.generation.signal);
        for (const s of group) {
          grouped.add(s);
          this.start(s, bulk);
        }
      }
    }
    for (const s of subscriptions) if (!grouped.has(s)) this.start(s);
  }

  private start(subscription: AzureSubscription, bulk?: BulkLoad): Entry {
    const controller = shared(new AbortController());
    const id = subscription.subscriptionId;
    let source: LoadSource = 'arm';
    let graphError: unknown;
    let pending = bulk;
    let listedFirst!: (listing: SubscriptionListing) => void;
    const listed = new Promise<SubscriptionListing>((resolve) => (listedFirst = resolve));
    const load = async () => {
      // The graph is tried once; a retry, or a graph that failed or left this subscription out, reads ARM's lists.
      const share = pending;
      pending = undefined;
      const fromGraph = share && (await this.graphShare(id, share, controller.signal, (error) => void (graphError = error)));
      controller.signal.throwIfAborted();
      source = fromGraph ? 'graph' : 'arm';
      const loading = fromGraph
        ? this.loader.loadListed(id, fromGraph.listing, fromGraph.roleAssignments, controller.signal)
        : this.loader.loadSubscription(id, controller.signal);
      loading.listed.then(listedFirst, () => undefined);
      return loading.complete;
    };
    const promise = withTransientRetries(load, controller.signal, this.retry);
    const entry: Entry = { subscription, controller, state: { status: 'loading' }, listed: Promise.race([listed, promise]), promise };
    entry.promise = promise.then(
      (snapshot) => {
        entry.state = { status: 'loaded', snapshot, source, at: this.now(), ...(graphError === undefined ? {} : { graphError }) };
        return snapshot;
      },
      (error: unknown) => {
        entry.state = { status: 'failed', error };
        throw error;
      },
    );
    // Observed by whoever awaits them; never an unhandled rejection.
    entry.promise.catch(() => undefined);
    entry.listed.catch(() => undefined);
    this.entries.set(key(subscription.subscriptionId), entry);
    this.settledByTenant.delete(key(subscription.tenantId));
    return entry;
  }

  /**
   * The subscription's share of a bulk load, or undefined to read ARM: the graph failed, or found nothing of it (the
   * graph answers "nothing" both for an empty subscription and for one the user may not read; ARM tells which). Role
   * assignments the graph cannot give after listing the subscription are read from ARM's own list.
   */
  private async graphShare(id: string, bulk: BulkLoad, signal: AbortSignal, failed: (error: unknown) => void) {
    const listing = (await bulk.listings.catch(failed))?.get(key(id));
    if (!listing) return undefined;
    const graphAssignments = bulk.roleAssignments.then((all) => all.get(key(id)) ?? []);
    if (isEmptyListing(listing) && !(await graphAssignments.catch(failed))?.length) return undefined;
    const roleAssignments = graphAssignments.catch((error: unknown) => {
      failed(error);
      return this.loader.listRoleAssignments(id, signal);
    });
    return { listing, roleAssignments };
  }
}

const key = (subscriptionId: string) => subscriptionId.toLowerCase();

/** Every request of a load listens on its signal: hundreds at once are expected, not a leak. */
function shared(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}

/** Throttling, server errors and lost connections may pass; denied, missing or signed-out will not. */
function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as { name?: string; statusCode?: number; code?: string };
  if (e.name === 'AbortError') return false;
  if (e.statusCode === undefined) return e.code === 'REQUEST_SEND_ERROR' || e.code === 'ECONNRESET';
  return e.statusCode === 408 || e.statusCode === 429 || e.statusCode >= 500;
}

async function withTransientRetries<T>(load: () => Promise<T>, signal: AbortSignal, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 2;
  let delay = options.delayMs ?? 2000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= attempts || signal.aborted || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
      signal.throwIfAborted();
    }
  }
}
