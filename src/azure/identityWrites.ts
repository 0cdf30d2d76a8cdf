import type { FederatedCredential, UserAssignedIdentity } from '../core/identities/model';
import { parseResourceId } from '../core/identities/resourceId';
import type { AzureAccess, SubscriptionRef } from './access';

/** User-assigned identities, resource groups and locations: the reads the create/delete flows need, and their writes. */
interface SdkIdentity {
  id?: string;
  name?: string;
  location: string;
  tags?: Record<string, string>;
  tenantId?: string;
  principalId?: string;
  clientId?: string;
}

function toUserAssignedIdentity(raw: SdkIdentity, fallbackTenantId: string): UserAssignedIdentity {
  const id = raw.id ?? '';
  const parsed = parseResourceId(id);
  return {
    id,
    name: raw.name ?? parsed.name ?? '',
    subscriptionId: parsed.subscriptionId ?? '',
    resourceGroup: parsed.resourceGroup ?? '',
    location: raw.location,
    tenantId: raw.tenantId ?? fallbackTenantId,
    principalId: raw.principalId ?? '',
    clientId: raw.clientId ?? '',
    ...(raw.tags ? { tags: raw.tags } : {}),
  };
}

export async function listIdentities(access: AzureAccess, subscription: SubscriptionRef): Promise<UserAssignedIdentity[]> {
  const msi = await access.msiClient(subscription);
  const found: UserAssignedIdentity[] = [];
  for await (const raw of msi.userAssignedIdentities.listBySubscription()) found.push(toUserAssignedIdentity(raw, subscription.tenantId));
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getIdentity(access: AzureAccess, subscription: SubscriptionRef, resourceGroup: string, name: string): Promise<UserAssignedIdentity | undefined> {
  const msi = await access.msiClient(subscription);
  try {
    return toUserAssignedIdentity(await msi.userAssignedIdentities.get(resourceGroup, name), subscription.tenantId);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

export interface NewIdentity {
  resourceGroup: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export async function createIdentity(access: AzureAccess, subscription: SubscriptionRef, input: NewIdentity): Promise<UserAssignedIdentity> {
  const msi = await access.msiClient(subscription);
  const created = await msi.userAssignedIdentities.createOrUpdate(input.resourceGroup, input.name, {
    location: input.location,
    ...(input.tags && Object.keys(input.tags).length ? { tags: input.tags } : {}),
  });
  return toUserAssignedIdentity(created, subscription.tenantId);
}

export async function deleteIdentity(access: AzureAccess, subscription: SubscriptionRef, identity: Pick<UserAssignedIdentity, 'resourceGroup' | 'name'>): Promise<void> {
  const msi = await access.msiClient(subscription);
  await msi.userAssignedIdentities.delete(identity.resourceGroup, identity.name);
}

export interface ResourceGroupSummary {
  name: string;
  location: string;
}

export async function listResourceGroups(access: AzureAccess, subscription: SubscriptionRef): Promise<ResourceGroupSummary[]> {
  const resources = await access.resourcesClient(subscription);
  const groups: ResourceGroupSummary[] = [];
  for await (const g of resources.resourceGroups.list()) if (g.name) groups.push({ name: g.name, location: g.location });
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

export async function resourceGroupExists(access: AzureAccess, subscription: SubscriptionRef, name: string): Promise<boolean> {
  const resources = await access.resourcesClient(subscription);
  return (await resources.resourceGroups.checkExistence(name)).body;
}

export async function createResourceGroup(access: AzureAccess, subscription: SubscriptionRef, group: ResourceGroupSummary): Promise<void> {
  const resources = await access.resourcesClient(subscription);
  await resources.resourceGroups.createOrUpdate(group.name, { location: group.location });
}

export interface LocationSummary {
  name: string;
  displayName: string;
}

export async function listLocations(access: AzureAccess, subscription: SubscriptionRef): Promise<LocationSummary[]> {
  const client = await access.subscriptionClient(subscription.tenantId);
  const locations: LocationSummary[] = [];
  for await (const l of client.subscriptions.listLocations(subscription.subscriptionId)) {
    if (l.name && (l.metadata?.regionType ?? 'Physical') === 'Physical') locations.push({ name: l.name, displayName: l.displayName ?? l.name });
  }
  return locations.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function listFederatedCredentials(access: AzureAccess, subscription: SubscriptionRef, identity: Pick<UserAssignedIdentity, 'resourceGroup' | 'name'>): Promise<FederatedCredential[]> {
  const msi = await access.msiClient(subscription);
  const found: FederatedCredential[] = [];
  for await (const c of msi.federatedIdentityCredentials.list(identity.resourceGroup, identity.name)) {
    found.push({ id: c.id ?? '', name: c.name ?? '', issuer: c.issuer ?? '', subject: c.subject ?? '', audiences: c.audiences ?? [] });
  }
  return found;
}

export interface NewFederatedCredential {
  name: string;
  issuer: string;
  subject: string;
  audience: string;
}

export async function createFederatedCredential(access: AzureAccess, subscription: SubscriptionRef, identity: Pick<UserAssignedIdentity, 'resourceGroup' | 'name'>, input: NewFederatedCredential): Promise<FederatedCredential> {
  const msi = await access.msiClient(subscription);
  const c = await msi.federatedIdentityCredentials.createOrUpdate(identity.resourceGroup, identity.name, input.name, {
    issuer: input.issuer,
    subject: input.subject,
    audiences: [input.audience],
  });
  return { id: c.id ?? '', name: c.name ?? input.name, issuer: c.issuer ?? input.issuer, subject: c.subject ?? input.subject, audiences: c.audiences ?? [input.audience] };
}

export async function deleteFederatedCredential(access: AzureAccess, subscription: SubscriptionRef, identity: Pick<UserAssignedIdentity, 'resourceGroup' | 'name'>, name: string): Promise<void> {
  const msi = await access.msiClient(subscription);
  await msi.federatedIdentityCredentials.delete(identity.resourceGroup, identity.name, name);
}
