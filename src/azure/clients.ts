import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, PipelineRetryOptions } from '@azure/core-rest-pipeline';
import { Agent } from 'node:https';
import type { AzureCloud } from './clouds';

// Types only: SDK code comes from ./sdk, imported inside the loaders below on first use.
export type SubscriptionClient = import('@azure/arm-resources-subscriptions').SubscriptionClient;
export type MsiClient = import('@azure/arm-msi').ManagedServiceIdentityClient;
export type AuthorizationClient = import('@azure/arm-authorization').AuthorizationManagementClient;
export type ResourcesClient = import('@azure/arm-resources').ResourceManagementClient;
/** The core-client pipeline itself (bearer token, retries, TLS) for ARM calls no installed typed client makes well. */
export type ArmClient = import('@azure/core-client').ServiceClient;

/** Options every classic ARM client of one cloud shares. */
export interface SharedClientOptions {
  endpoint: string;
  credentialScopes: string[];
  userAgentOptions: { userAgentPrefix: string };
  /** Carries the cloud's CA (Emulator only): trusted by these clients, never process-wide. */
  agent?: Agent;
  httpClient?: HttpClient;
  retryOptions?: PipelineRetryOptions;
}

const USER_AGENT_PREFIX = 'keyless-vscode';

/**
 * Endpoint and scope set explicitly (the SDK would otherwise default to management.azure.com); retries stay the
 * SDK pipeline's own (429 with Retry-After, 408/5xx with backoff). One keep-alive agent per cloud holds the CA.
 */
export function sharedClientOptions(cloud: AzureCloud, httpClient?: HttpClient, retryOptions?: PipelineRetryOptions): SharedClientOptions {
  return {
    endpoint: cloud.resourceManagerEndpoint,
    credentialScopes: [cloud.credentialScope],
    userAgentOptions: { userAgentPrefix: USER_AGENT_PREFIX },
    ...(cloud.ca ? { agent: new Agent({ ca: cloud.ca, keepAlive: true }) } : {}),
    ...(httpClient ? { httpClient } : {}),
    ...(retryOptions ? { retryOptions } : {}),
  };
}

export async function newSubscriptionClient(credential: TokenCredential, options: SharedClientOptions): Promise<SubscriptionClient> {
  const { SubscriptionClient } = await import('./sdk');
  return new SubscriptionClient(credential, options);
}

export async function newMsiClient(credential: TokenCredential, subscriptionId: string, options: SharedClientOptions): Promise<MsiClient> {
  const { ManagedServiceIdentityClient } = await import('./sdk');
  return new ManagedServiceIdentityClient(credential, subscriptionId, options);
}

export async function newAuthorizationClient(
  credential: TokenCredential,
  subscriptionId: string,
  options: SharedClientOptions,
): Promise<AuthorizationClient> {
  const { AuthorizationManagementClient } = await import('./sdk');
  return new AuthorizationManagementClient(credential, subscriptionId, options);
}

export async function newResourcesClient(credential: TokenCredential, subscriptionId: string, options: SharedClientOptions): Promise<ResourcesClient> {
  const { ResourceManagementClient } = await import('./sdk');
  return new ResourceManagementClient(credential, subscriptionId, options);
}

export async function newArmClient(credential: TokenCredential, options: SharedClientOptions): Promise<ArmClient> {
  const { ServiceClient } = await import('./sdk');
  return new ServiceClient({ ...options, credential });
}
