import { IdentityIndex } from '../core/identities/identityIndex';
import type { FederatedCredential, RoleAssignment, SubscriptionSnapshot } from '../core/identities/model';
import { normalizeId } from '../core/identities/resourceId';
import { cosmosBuiltInRoleName } from '../core/roles';
import { RequestLimiter } from './limiter';
import type { InventoryReader, RoleDefinitionSummary } from './reader';

const COSMOS_DEFINITION = /\/sqlroledefinitions\/([^/]+)$/i;


/**
 * Loads the identity inventory with as few requests as ARM allows: per subscription three paged lists (identities,
 * resources carrying identities, role assignments) run side by side, every page through one shared request pool, plus
 * one list per Cosmos DB account (its SQL role assignments), started as soon as the account's page arrives.
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

  async loadSubscription(subscriptionId: string, signal?: AbortSignal): Promise<SubscriptionSnapshot> {
    const cosmosLoads: Array<Promise<RoleAssignment[]>> = [];
    const startCosmos = (accountId: string) => {
      const load = this.collect(this.reader.cosmosSqlRoleAssignmentPages(accountId, signal), signal);
      load.catch(() => undefined); // awaited below; a sibling list failing first must not leave it unhandled
      cosmosLoads.push(load);
    };
    const [identities, holders, armAssignments] = await Promise.all([
      this.collect(this.reader.identityPages(subscriptionId, signal), signal),
      this.collect(this.reader.resourcePages(subscriptionId, signal), signal, (page) => {
        page.cosmosAccountIds.forEach(startCosmos);
        return page.holders;
      }),
      this.collect(this.reader.roleAssignmentPages(subscriptionId, signal), signal),
    ]);
    const cosmosAssignments = (await Promise.all(cosmosLoads)).flat();
    // A load cancelled by a refresh must not overwrite what the newer load puts.
    signal?.throwIfAborted();
    const snapshot = { subscriptionId, identities, holders, roleAssignments: [...armAssignments, ...cosmosAssignments] };
    this.index.put(snapshot);
    return snapshot;
  }

  /** Loads every subscription; one that fails is reported, never hides the others. */
  async loadAll(
    subscriptionIds: string[],
    signal?: AbortSignal,
  ): Promise<Map<string, { snapshot?: SubscriptionSnapshot; error?: unknown }>> {
    const results = new Map<string, { snapshot?: SubscriptionSnapshot; error?: unknown }>();
    await Promise.all(
      subscriptionIds.map(async (id) => {
        try {
          results.set(id, { snapshot: await this.loadSubscription(id, signal) });
        } catch (error) {
          if (signal?.aborted) throw error;
          results.set(id, { error });
        }
      }),
    );
    return results;
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
      this.limiter.run(() => this.reader.roleDefinition(roleDefinitionId, signal), signal),
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
