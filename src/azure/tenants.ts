import type { AzureAccess } from './access';
import { describeAzureError, isSignInError } from './errors';

export interface AzureTenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

export interface AzureSubscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  /** The tenant's display name when the tenant list gave one. */
  tenantName?: string;
  /** Enabled | Warned | PastDue | Disabled | Deleted */
  state?: string;
}

/** A tenant whose subscriptions could not be listed, with the reason in words. */
export interface FailedTenant {
  tenantId: string;
  displayName?: string;
  reason: string;
  /** True when signing in to this tenant (MFA, consent, expired session) may fix it. */
  signInRequired: boolean;
}

export interface SubscriptionListing {
  subscriptions: AzureSubscription[];
  failedTenants: FailedTenant[];
}

/**
 * Lists the account's tenants, then each tenant's subscriptions side by side with that tenant's own credential.
 * A tenant that fails (MFA required, locked, no consent) becomes a FailedTenant; the others are still listed.
 * If the tenant list itself fails, nothing can be listed and the error is thrown.
 */
export async function listSubscriptionsAcrossTenants(access: AzureAccess, signal?: AbortSignal): Promise<SubscriptionListing> {
  const tenants = await access.listTenants(signal);
  const results = await Promise.all(
    tenants.map(async (tenant) => {
      try {
        const client = await access.subscriptionClient(tenant.tenantId);
        const subscriptions: AzureSubscription[] = [];
        for await (const s of client.subscriptions.list({ abortSignal: signal })) {
          if (!s.subscriptionId) continue;
          subscriptions.push({
            subscriptionId: s.subscriptionId,
            tenantId: s.tenantId ?? tenant.tenantId,
            displayName: s.displayName ?? s.subscriptionId,
            ...(tenant.displayName ? { tenantName: tenant.displayName } : {}),
            ...(s.state ? { state: s.state } : {}),
          });
        }
        return { subscriptions };
      } catch (error) {
        if (signal?.aborted) throw error;
        const failed: FailedTenant = {
          tenantId: tenant.tenantId,
          ...(tenant.displayName ? { displayName: tenant.displayName } : {}),
          reason: describeAzureError(error),
          signInRequired: isSignInError(error),
        };
        return { failed };
      }
    }),
  );
  const byId = new Map<string, AzureSubscription>();
  const failedTenants: FailedTenant[] = [];
  for (const r of results) {
    for (const s of r.subscriptions ?? []) byId.set(s.subscriptionId.toLowerCase(), s);
    if (r.failed) failedTenants.push(r.failed);
  }
  const byName = (a: { displayName?: string }, b: { displayName?: string }) => (a.displayName ?? '').localeCompare(b.displayName ?? '');
  return { subscriptions: [...byId.values()].sort(byName), failedTenants: failedTenants.sort(byName) };
}
