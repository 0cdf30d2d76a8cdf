import type { AzureSubscription } from '../azure/tenants';
import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';

/** How identities under a subscription are grouped (setting keyless.tree.groupBy). */
export type GroupBy = 'none' | 'resourceGroup' | 'location';

/** A codicon id, optionally tinted with a theme color id. */
export interface IconRef {
  id: string;
  color?: string;
}

export interface CommandRef {
  command: string;
  title: string;
  arguments?: unknown[];
}

/** What every row shows, independent of VS Code: the vscode node classes render exactly this. */
interface Base {
  /** Stable across refreshes, unique in the tree (VS Code keeps expansion by it). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon: IconRef;
  contextValue: string;
  expandable: boolean;
  command?: CommandRef;
}

/** Every row under a subscription, with the typed data commands read (see contracts: "Tree nodes ↔ commands"). */
export type NodeDescription = Base &
  (
    | { kind: 'identity'; identity: UserAssignedIdentity; subscription: AzureSubscription }
    | { kind: 'identityGroup'; subscription: AzureSubscription; identities: UserAssignedIdentity[] }
    | { kind: 'assignedToGroup'; identity: UserAssignedIdentity; subscription: AzureSubscription }
    | { kind: 'assignedResource'; holder: IdentityHolder; identity: UserAssignedIdentity }
    | { kind: 'roleAssignmentsGroup'; principalId: string; subscription: AzureSubscription; identity: UserAssignedIdentity }
    | { kind: 'roleAssignment'; assignment: RoleAssignment; roleName: string; principalId: string; subscription: AzureSubscription }
    | { kind: 'federatedCredentialsGroup'; identity: UserAssignedIdentity }
    | { kind: 'federatedCredential'; credential: FederatedCredential; identity: UserAssignedIdentity }
    | { kind: 'systemAssignedGroup'; subscription: AzureSubscription }
    | { kind: 'systemAssignedResource'; holder: IdentityHolder; subscription: AzureSubscription }
    | { kind: 'message' }
    | { kind: 'error'; reason: string; retry: CommandRef }
  );

export type NodeKind = NodeDescription['kind'];
export type NodeOf<K extends NodeKind> = Extract<NodeDescription, { kind: K }>;

/** contextValue per kind, exactly as the manifest's menus match them. */
export const CONTEXT_VALUES: Record<NodeKind, string> = {
  identity: 'keyless.identity',
  identityGroup: 'keyless.identityGroup',
  assignedToGroup: 'keyless.assignedToGroup',
  assignedResource: 'keyless.assignedResource',
  roleAssignmentsGroup: 'keyless.roleAssignmentsGroup',
  roleAssignment: 'keyless.roleAssignment',
  federatedCredentialsGroup: 'keyless.federatedCredentialsGroup',
  federatedCredential: 'keyless.federatedCredential',
  systemAssignedGroup: 'keyless.systemAssignedGroup',
  systemAssignedResource: 'keyless.systemAssignedResource',
  message: 'keyless.message',
  error: 'keyless.loadError',
};
