/**
 * The subscription filter: entries are "tenantId/subscriptionId" (the format the Azure Resources extension uses in
 * azureResourceGroups.selectedSubscriptions). Keyless's own setting wins; an empty one defers to Azure Resources';
 * both empty means every subscription.
 */
export interface SubscriptionKey {
  subscriptionId: string;
  tenantId: string;
}

export type FilterSource = 'keyless' | 'azureResources' | 'none';

export function subscriptionFilterKey(s: SubscriptionKey): string {
  return `${s.tenantId}/${s.subscriptionId}`.toLowerCase();
}

export function chooseFilter(keyless: readonly string[] | undefined, azureResources: readonly string[] | undefined): { source: FilterSource; entries: string[] } {
  const clean = (list: readonly string[] | undefined) => (list ?? []).filter((e) => typeof e === 'string' && e.trim() !== '');
  if (clean(keyless).length > 0) return { source: 'keyless', entries: clean(keyless) };
  if (clean(azureResources).length > 0) return { source: 'azureResources', entries: clean(azureResources) };
  return { source: 'none', entries: [] };
}

/** Keeps the selected subscriptions; an entry without a tenant ("subscriptionId" alone) matches in any tenant. */
export function applySubscriptionFilter<T extends SubscriptionKey>(subscriptions: readonly T[], entries: readonly string[]): T[] {
  if (entries.length === 0) return [...subscriptions];
  const wanted = new Set(entries.map((e) => e.trim().toLowerCase()));
  return subscriptions.filter((s) => wanted.has(subscriptionFilterKey(s)) || wanted.has(s.subscriptionId.toLowerCase()));
}
