import { IdentityIndex } from '../core/identities/identityIndex';
import type { FederatedCredential, RoleAssignment, SubscriptionSnapshot } from '../core/identities/model';
import { normalizeId } from '../core/identities/resourceId';
import { cosmosBuiltInRoleName } from '../core/roles';
import { RequestLimiter } from './limiter';
import type { BulkListing, BulkLoad, InventoryReader, RoleDefinitionSummary, SubscriptionListing } from './reader';

const COSMOS_DEFINITION = /\/sqlroledefinitions\/([^/]+)$/i;

/** A subscription loading: what the tree lists first, then everything (role assignments too), put in the index. */
export interface Loading {
  listed: Promise<SubscriptionListing>;
  complete: Promise<SubscriptionSnapshot>;
}

interface CosmosLoads {
  start(accountId: string): void;
  done(): Promise<RoleAssignment[]>;
}

/**
 * Loads the identity inventory with as few requests as Azure allows. In bulk (when the reader can): three Resource
 * Graph queries per group of subscriptions of a tenant. One by one (after a write, Retry, or when the graph fails):
 * per subscription three paged ARM lists (identities, resources carrying identities, role assignments) side by side,
 * every page through one shared request pool. Either way, one list per Cosmos DB account (its SQL role assignments).
 * A subscription is listed once its identities and resources are known; its role assignments may still be loading.
 * Expanding an identity afterwards costs one list (its federated credentials); role names are cached by role GUID,
 * which is the same in every subscription for built-in roles.
 */
export class InventoryLoader {
  readonly index = new IdentityIndex();
  private readonly credentials = new Map<string, Promise<FederatedCredential[]>>();
  private readonly roles = new Map<string, Promise<RoleDefinitionSummary>>();

  constructor(
    private readonly reader: InventoryReader,
    private readonly limiter: RequestLimiter,
  ) {}

  /** One subscription through its own ARM lists: identities, resources and role assignments side by side. */
  loadSubscription(subscriptionId: string, signal?: AbortSignal): Loading {
    const cosmos = this.cosmosLoads(signal);
    const identities = this.collect(this.reader.identityPages(subscriptionId, signal), signal);
    const holders = this.collect(this.reader.resourcePages(subscriptionId, signal), signal, (page) => {
      page.cosmosAccountIds.forEach(cosmos.start);
      return page.holders;
    });
    const listed = Promise.all([identities, holders]).then(([i, h]) => ({ identities: i, holders: h }));
    return this.finish(subscriptionId, listed, this.listRoleAssignments(subscriptionId, signal), cosmos, signal);
  }

  /** Whether many subscriptions can load at once (see {@link loadInBulk}). */
  get loadsInBulk(): boolean {
    return this.reader.loadInBulk !== undefined;
  }

  /** Many subscriptions of one tenant at once, each to be finished with {@link loadListed}. */
  loadInBulk(tenantId: string, subscriptionIds: string[], signal?: AbortSignal): BulkLoad {
    if (!this.reader.loadInBulk) throw new Error('This reader loads subscriptions one by one.');
    return this.reader.loadInBulk(tenantId, subscriptionIds, signal);
  }

  /** A subscription from its listing in a bulk load, its role assignments as given, its Cosmos DB accounts' own. */
  loadListed(subscriptionId: string, listing: BulkListing, roleAssignments: Promise<RoleAssignment[]>, signal?: AbortSignal): Loading {
    const cosmos = this.cosmosLoads(signal);
    listing.cosmosAccountIds.forEach(cosmos.start);
    return this.finish(subscriptionId, Promise.resolve({ identities: listing.identities, holders: listing.holders }), roleAssignments, cosmos, signal);
  }

  /** The subscription's role assignments from ARM's own list (at, above and below it). */
  listRoleAssignments(subscriptionId: string, signal?: AbortSignal): Promise<RoleAssignment[]> {
    return this.collect(this.reader.roleAssignmentPages(subscriptionId, signal), signal);
  }

  private finish(subscriptionId: string, listed: Promise<SubscriptionListing>, roleAssignments: Promise<RoleAssignment[]>, cosmos: CosmosLoads, signal?: AbortSignal): Loading {
    const complete = (async () => {
      const [{ identities, holders }, arm] = await Promise.all([listed, roleAssignments]);
      return this.put({ subscriptionId, identities, holders, roleAssignments: [...arm, ...(await cosmos.done())] }, signal);
    })();
    // Whoever loads observes both; a listing that failed also fails `complete`, which is awaited.
    listed.catch(() => undefined);
    roleAssignments.catch(() => undefined);
    return { listed, complete };
  }

  private put(snapshot: SubscriptionSnapshot, signal?: AbortSignal): SubscriptionSnapshot {
    // A load cancelled by a refresh must not overwrite what the newer load puts.
    signal?.throwIfAborted();
    this.index.put(snapshot);
    return snapshot;
  }

  /** One list per Cosmos DB account, started as soon as the account is known. */
  private cosmosLoads(signal?: AbortSignal): CosmosLoads {
    const loads: Array<Promise<RoleAssignment[]>> = [];
    return {
      start: (accountId: string) => {
        const load = this.collect(this.reader.cosmosSqlRoleAssignmentPages(accountId, signal), signal);
        load.catch(() => undefined); // awaited in done(); a sibling list failing first must not leave it unhandled
        loads.push(load);
      },
      done: async () => (await Promise.all(loads)).flat(),
    };
  }

  federatedCredentials(identityId: string, signal?: AbortSignal): Promise<FederatedCredential[]> {
    return this.memo(this.credentials, normalizeId(identityId), () =>
      this.collect(this.reader.federatedCredentialPages(identityId, signal), signal),
    );
  }

  roleDefinition(roleDefinitionId: string, signal?: AbortSignal): Promise<RoleDefinitionSummary> {
    const cosmos = COSMOS_DEFINITION.exec(roleDefinitionId);
    if (cosmos) {
      // Cosmos DB's built-in SQL roles have fixed GUIDs in every account: named without a request.
      const builtIn = cosmosBuiltInRoleName(cosmos[1]!);
      if (builtIn) return Promise.resolve({ id: roleDefinitionId, roleName: builtIn, roleType: 'BuiltInRole' });
    }
    // ARM built-in roles share their GUID across subscriptions; Cosmos custom roles are per account.
    const key = cosmos ? normalizeId(roleDefinitionId) : roleDefinitionId.split('/').pop()!.toLowerCase();
    return this.memo(this.roles, key, () =>
      this.limiter.run(() => this.reader.roleDefinition(roleDefinitionId, signal), signal, true),
    );
  }

  /** Forgets every loaded subscription and credential list (a full refresh); role names stay, they do not change. */
  reset(): void {
    this.index.clear();
    this.credentials.clear();
  }

  /** Forgets the credential lists of every identity in a subscription (before reloading it). */
  forgetSubscription(subscriptionId: string): void {
    const prefix = `/subscriptions/${subscriptionId.toLowerCase()}/`;
    for (const key of [...this.credentials.keys()]) if (key.startsWith(prefix)) this.credentials.delete(key);
    this.index.remove(subscriptionId);
  }

  /** Forgets what was loaded for an identity (after a write), so the next expansion asks ARM again. */
  forgetIdentity(identityId: string): void {
    this.credentials.delete(normalizeId(identityId));
  }

  private collect<T>(pages: AsyncIterable<T[]>, signal?: AbortSignal): Promise<T[]>;
  private collect<P, T>(pages: AsyncIterable<P>, signal: AbortSignal | undefined, itemsOf: (page: P) => T[]): Promise<T[]>;
  private async collect<P, T>(pages: AsyncIterable<P>, signal?: AbortSignal, itemsOf = (page: P) => page as unknown as T[]): Promise<T[]> {
    const iterator = pages[Symbol.asyncIterator]();
    const items: T[] = [];
    for (;;) {
      const page = await this.limiter.run(() => iterator.next(), signal);
      if (page.done) return items;
      items.push(...itemsOf(page.value));
    }
  }

  /** Shares one in-flight request per key; a failure is not cached, so Retry asks again. */
  private memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let pending = cache.get(key);
    if (!pending) {
      pending = load();
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    return pending;
  }
}
