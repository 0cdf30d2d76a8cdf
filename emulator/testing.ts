import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { RestError } from '@azure/core-rest-pipeline';
import type { RunningEmulator } from './index.js';
import demo from './scenarios/demo.json';

/** Helpers for tests and benchmarks that point the real Azure SDK clients at the emulator. */
export interface TokenClaims {
  oid: string;
  tid: string;
  name?: string;
  upn?: string;
  /** Seconds from now until exp (default one hour); negative makes an expired token. */
  expiresInSeconds?: number;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT shaped like Entra's ({"alg":"none"}); the emulator reads oid/tid and never checks a signature. */
export function mintToken(claims: TokenClaims, audience = 'https://management.azure.com/'): { token: string; expiresOnTimestamp: number } {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + (claims.expiresInSeconds ?? 3600);
  const payload = { aud: audience, iss: `https://sts.windows.net/${claims.tid}/`, iat, nbf: iat, exp, oid: claims.oid, tid: claims.tid, name: claims.name, upn: claims.upn };
  return { token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`, expiresOnTimestamp: exp * 1000 };
}

/** A TokenCredential minting the emulator's unsigned JWT for one user in one tenant. */
export function tokenFor(claims: TokenClaims): TokenCredential {
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const scope = Array.isArray(scopes) ? scopes[0] : scopes;
      return mintToken(claims, (scope ?? '').replace(/\/\.default$/, '/'));
    },
  };
}

/**
 * Options for any core-client based ARM client (classic @azure/arm-* clients, ServiceClient): the endpoint, the
 * token scope, and trust for the emulator's self-signed certificate through the pipeline's `tlsOptions.ca` — per
 * client, no process-wide NODE_EXTRA_CA_CERTS needed. Retries stay as the SDK's defaults unless overridden.
 */
export function clientOptionsFor(emulator: Pick<RunningEmulator, 'url' | 'ca'>, overrides: Record<string, unknown> = {}) {
  return {
    endpoint: emulator.url,
    credentialScopes: [`${emulator.url}/.default`],
    tlsOptions: { ca: emulator.ca },
    ...overrides,
  };
}

/** The demo scenario's fixed names, looked up by display name so tests and other engineers never copy GUIDs. */
export const DEMO = {
  tenant(displayName: string): string {
    const tenant = demo.tenants.find((t) => t.displayName === displayName);
    if (!tenant) throw new Error(`demo has no tenant ${displayName}`);
    return tenant.tenantId;
  },
  subscription(displayName: string): string {
    const subscription = demo.subscriptions.find((s) => s.displayName === displayName);
    if (!subscription) throw new Error(`demo has no subscription ${displayName}`);
    return subscription.subscriptionId;
  },
  user(displayName: string): { oid: string; tid: string; upn: string } {
    const user = demo.users.find((u) => u.displayName === displayName);
    if (!user) throw new Error(`demo has no user ${displayName}`);
    return { oid: user.objectId, tid: user.tenants[0], upn: user.userPrincipalName };
  },
  /** The scenario's default user (Alex Developer: Owner on both Contoso subscriptions, Reader on Fabrikam Sandbox). */
  get developer() {
    return DEMO.user('Alex Developer');
  },
};

/** Drains a paged SDK iterator (following every nextLink). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The RestError a call fails with; throws if it succeeds or fails with something else. */
export async function rejection(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestError) return error;
    throw new Error(`expected a RestError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}
