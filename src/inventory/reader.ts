import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';

/** A role definition reduced to what the tree shows. */
export interface RoleDefinitionSummary {
  id: string;
  roleName: string;
  /** "BuiltInRole" or "CustomRole". */
  roleType: string;
}

/**
 * What the inventory needs from ARM, one method per list, each yielding pages as ARM returns them so the loader can
 * bound concurrency per request. Implemented over the SDK clients in the Azure layer; the loader never sees the SDK.
 */
export interface InventoryReader {
  identityPages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<UserAssignedIdentity[]>;
  /** Every resource of the subscription that carries a managed identity. */
  holderPages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<IdentityHolder[]>;
  /** All role assignments at, above and below the subscription. */
  roleAssignmentPages(subscriptionId: string, signal?: AbortSignal): AsyncIterable<RoleAssignment[]>;
  federatedCredentialPages(identityId: string, signal?: AbortSignal): AsyncIterable<FederatedCredential[]>;
  roleDefinition(roleDefinitionId: string, signal?: AbortSignal): Promise<RoleDefinitionSummary>;
}
