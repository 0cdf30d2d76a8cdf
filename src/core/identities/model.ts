/** The identity inventory's own shapes: just what the tree and commands need, independent of SDK types, so the
 * merge logic is pure and the Azure layer maps SDK objects into these once. */

export interface UserAssignedIdentity {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId: string;
  principalId: string;
  clientId: string;
  tags?: Record<string, string>;
}

/** A resource that carries a managed identity (system-assigned, user-assigned, or both). */
export interface IdentityHolder {
  id: string;
  name: string;
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Present when the system-assigned identity is enabled. */
  systemAssigned?: { principalId: string; tenantId: string };
  /** Resource ids of the user-assigned identities attached, as ARM returned them. */
  userAssignedIdentityIds: string[];
}

export interface RoleAssignment {
  id: string;
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType?: string;
  /** Absent for ARM RBAC; 'cosmos-sql' for Cosmos DB's own SQL role assignments (scope = account or a path below it). */
  system?: 'cosmos-sql';
}

export interface FederatedCredential {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
}

/** Everything Keyless loads for one subscription in one pass (a few paged list calls). */
export interface SubscriptionSnapshot {
  subscriptionId: string;
  identities: UserAssignedIdentity[];
  holders: IdentityHolder[];
  roleAssignments: RoleAssignment[];
}
