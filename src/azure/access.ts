import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, PipelineRetryOptions } from '@azure/core-rest-pipeline';
import {
  newArmClient,
  newAuthorizationClient,
  newMsiClient,
  newResourcesClient,
  newSubscriptionClient,
  sharedClientOptions,
  type ArmClient,
  type AuthorizationClient,
  type MsiClient,
  type ResourcesClient,
  type SubscriptionClient,
} from './clients';
import type { AzureCloud } from './clouds';
import type { CredentialFactory } from './credentials';
import { listSubscriptionsAcrossTenants, type AzureTenant, type SubscriptionListing } from './tenants';

/** Which subscription a client works on; the tenant decides which credential signs its requests. */
export interface SubscriptionRef {
  subscriptionId: string;
  tenantId: string;
}

export interface AzureAccessOptions {
  cloud: AzureCloud;
  credentialFactory: CredentialFactory;
  /** Replaces the HTTP transport under the real SDK pipeline (tests record requests to unreachable clouds). */
  httpClient?: HttpClient;
  /** The SDK pipeline's retry settings (tests shorten the delays; production keeps the SDK defaults). */
  retryOptions?: PipelineRetryOptions;
}

/**
 * The one place that builds Azure SDK clients: built once per tenant/subscription, all pointing at the cloud's ARM
 * endpoint with its token scope, its CA trusted per client. SDK code is loaded on the first client asked for.
 */
export interface AzureAccess {
  readonly cloud: AzureCloud;
  /** The credential for a tenant (undefined = home tenant), shared by every client of that tenant. */
  credential(tenantId?: string): TokenCredential;
  subscriptionClient(tenantId?: string): Promise<SubscriptionClient>;
  msiClient(subscription: SubscriptionRef): Promise<MsiClient>;
  authorizationClient(subscription: SubscriptionRef): Promise<AuthorizationClient>;
  resourcesClient(subscription: SubscriptionRef): Promise<ResourcesClient>;
  /** Plain ARM requests through the shared pipeline, per tenant (see armRest.ts). */
  armClient(tenantId?: string): Promise<ArmClient>;
  listTenants(signal?: AbortSignal): Promise<AzureTenant[]>;
  /** Subscriptions of every reachable tenant; a tenant that fails is reported in failedTenants, never hides others. */
  listSubscriptions(signal?: AbortSignal): Promise<SubscriptionListing>;
  /** Closes kept-alive connections. */
  dispose(): void;
}

export function createAzureAccess(options: AzureAccessOptions): AzureAccess {
  const { cloud, credentialFactory } = options;
  const shared = sharedClientOptions(cloud, options.httpClient, options.retryOptions);
  const credentials = new Map<string, TokenCredential>();
  const clients = new Map<string, Promise<unknown>>();

  const credential = (tenantId?: string): TokenCredential => {
    const key = tenantId?.toLowerCase() ?? '';
    let found = credentials.get(key);
    if (!found) {
      found = credentialFactory(tenantId);
      credentials.set(key, found);
    }
    return found;
  };

  /** Memoises the client promise; a failed load is forgotten so the next call tries again. */
  function once<T>(key: string, build: () => Promise<T>): Promise<T> {
    let pending = clients.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = build();
      clients.set(key, pending);
      pending.catch(() => clients.delete(key));
    }
    return pending;
  }

  const subKey = (kind: string, s: SubscriptionRef) => `${kind}/${s.tenantId.toLowerCase()}/${s.subscriptionId.toLowerCase()}`;

  const access: AzureAccess = {
    cloud,
    credential,
    subscriptionClient: (tenantId) =>
      once(`subscriptions/${tenantId?.toLowerCase() ?? ''}`, () => newSubscriptionClient(credential(tenantId), shared)),
    msiClient: (s) => once(subKey('msi', s), () => newMsiClient(credential(s.tenantId), s.subscriptionId, shared)),
    authorizationClient: (s) =>
      once(subKey('authorization', s), () => newAuthorizationClient(credential(s.tenantId), s.subscriptionId, shared)),
    resourcesClient: (s) => once(subKey('resources', s), () => newResourcesClient(credential(s.tenantId), s.subscriptionId, shared)),
    armClient: (tenantId) => once(`arm/${tenantId?.toLowerCase() ?? ''}`, () => newArmClient(credential(tenantId), shared)),
    async listTenants(signal) {
      const client = await access.subscriptionClient();
      const tenants: AzureTenant[] = [];
      for await (const t of client.tenants.list({ abortSignal: signal })) {
        if (t.tenantId) tenants.push({ tenantId: t.tenantId, displayName: t.displayName, defaultDomain: t.defaultDomain });
      }
      return tenants;
    },
    listSubscriptions: (signal) => listSubscriptionsAcrossTenants(access, signal),
    dispose() {
      shared.agent?.destroy();
      clients.clear();
      credentials.clear();
    },
  };
  return access;
}
