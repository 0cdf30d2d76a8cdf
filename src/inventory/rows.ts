import type { AzureSubscription } from '../azure/tenants';
import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';
import { resourceKind } from '../core/identities/resourceKinds';
import { CONTEXT_VALUES, type CommandRef, type GroupBy, type NodeDescription, type NodeOf } from './nodeDescription';

/** Builders for each row: the words, icons and ids of the tree in one place. */

const IDENTITY_ICON = resourceKind('microsoft.managedidentity/userassignedidentities').icon;
const child = (parentId: string, part: string) => `${parentId}|${part.toLowerCase()}`;

export function identity(i: UserAssignedIdentity, subscription: AzureSubscription, groupBy: GroupBy): NodeOf<'identity'> {
  const description = groupBy === 'resourceGroup' ? i.location : groupBy === 'location' ? i.resourceGroup : `${i.resourceGroup} · ${i.location}`;
  return {
    kind: 'identity',
    id: `identity/${i.id.toLowerCase()}`,
    label: i.name,
    description,
    // One template, not an array joined: built for every identity listed (10,000 at a time), read on hover.
    tooltip:
      `**${i.name}** — user-assigned managed identity\n\n` +
      `Client ID: \`${i.clientId}\`  \nPrincipal (object) ID: \`${i.principalId}\`  \nTenant ID: \`${i.tenantId}\`\n\n` +
      `Resource ID: \`${i.id}\``,
    icon: { id: IDENTITY_ICON },
    contextValue: CONTEXT_VALUES.identity,
    expandable: true,
    identity: i,
    subscription,
  };
}

export function identityGroups(parentId: string, subscription: AzureSubscription, identities: UserAssignedIdentity[], groupBy: GroupBy): NodeDescription[] {
  const groups = new Map<string, UserAssignedIdentity[]>();
  for (const i of identities) {
    const key = groupBy === 'location' ? i.location : i.resourceGroup;
    const existing = [...groups.keys()].find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    groups.set(existing, [...(groups.get(existing) ?? []), i]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
    .map(([key, members]) => ({
      kind: 'identityGroup' as const,
      id: child(parentId, `${groupBy}/${key}`),
      label: key,
      description: `${members.length} ${members.length === 1 ? 'identity' : 'identities'}`,
      tooltip: `${groupBy === 'location' ? 'Location' : 'Resource group'} **${key}**`,
      icon: { id: groupBy === 'location' ? 'globe' : 'folder' },
      contextValue: CONTEXT_VALUES.identityGroup,
      expandable: true,
      subscription,
      identities: members,
    }));
}

export function noIdentities(parentId: string, subscription: AzureSubscription): NodeDescription {
  return {
    kind: 'message',
    id: child(parentId, 'no-identities'),
    label: 'No user-assigned identities — Create Identity…',
    tooltip: `${subscription.displayName} has no user-assigned managed identities. Click to create one.`,
    icon: { id: 'add' },
    contextValue: 'keyless.noIdentities',
    expandable: false,
    command: { command: 'keyless.createIdentity', title: 'Create Identity…', arguments: [subscription] },
  };
}

export function systemAssignedGroup(parentId: string, subscription: AzureSubscription, count: number): NodeOf<'systemAssignedGroup'> {
  return {
    kind: 'systemAssignedGroup',
    id: child(parentId, 'system-assigned'),
    label: `System-assigned (${count})`,
    tooltip: 'Resources of this subscription with their system-assigned managed identity turned on',
    icon: { id: 'server-environment' },
    contextValue: CONTEXT_VALUES.systemAssignedGroup,
    expandable: true,
    subscription,
  };
}

export function assignedToGroup(parentId: string, i: UserAssignedIdentity, subscription: AzureSubscription, count: number, incomplete?: string): NodeOf<'assignedToGroup'> {
  return {
    kind: 'assignedToGroup',
    id: child(parentId, 'assigned-to'),
    label: `Assigned to (${count})`,
    ...(incomplete ? { description: incomplete } : {}),
    tooltip: `Resources that use **${i.name}**, across the loaded subscriptions of tenant ${subscription.tenantName ?? subscription.tenantId}`,
    icon: { id: 'plug', ...(incomplete ? { color: 'list.warningForeground' } : {}) },
    contextValue: CONTEXT_VALUES.assignedToGroup,
    expandable: true,
    identity: i,
    subscription,
  };
}

export function roleAssignmentsGroup(parentId: string, i: UserAssignedIdentity, subscription: AzureSubscription, count: number, incomplete?: string): NodeOf<'roleAssignmentsGroup'> {
  return {
    kind: 'roleAssignmentsGroup',
    id: child(parentId, 'role-assignments'),
    label: `Role assignments (${count})`,
    ...(incomplete ? { description: incomplete } : {}),
    tooltip: `Azure roles granted to **${i.name}** (principal \`${i.principalId}\`)`,
    icon: { id: 'shield', ...(incomplete ? { color: 'list.warningForeground' } : {}) },
    contextValue: CONTEXT_VALUES.roleAssignmentsGroup,
    expandable: true,
    principalId: i.principalId,
    subscription,
    identity: i,
  };
}

/** count undefined: the list could not be read (its children say why). */
export function federatedCredentialsGroup(parentId: string, i: UserAssignedIdentity, count: number | undefined): NodeOf<'federatedCredentialsGroup'> {
  return {
    kind: 'federatedCredentialsGroup',
    id: child(parentId, 'federated-credentials'),
    label: count === undefined ? 'Federated credentials' : `Federated credentials (${count})`,
    ...(count === undefined ? { description: 'could not load' } : {}),
    tooltip: `External identities (GitHub Actions, Kubernetes service accounts, …) trusted to sign in as **${i.name}**`,
    icon: { id: 'link' },
    contextValue: CONTEXT_VALUES.federatedCredentialsGroup,
    expandable: true,
    identity: i,
  };
}

export function assignedResource(parentId: string, holder: IdentityHolder, i: UserAssignedIdentity, otherSubscription?: string): NodeOf<'assignedResource'> {
  const kind = resourceKind(holder.type);
  return {
    kind: 'assignedResource',
    id: child(parentId, holder.id),
    label: holder.name,
    description: [kind.noun, holder.resourceGroup, otherSubscription].filter(Boolean).join(' · '),
    tooltip: `**${holder.name}** — ${kind.noun}\n\nResource ID: \`${holder.id}\``,
    icon: { id: kind.icon },
    contextValue: CONTEXT_VALUES.assignedResource,
    expandable: false,
    holder,
    identity: i,
  };
}

export function systemAssignedResource(parentId: string, holder: IdentityHolder, subscription: AzureSubscription): NodeOf<'systemAssignedResource'> {
  const kind = resourceKind(holder.type);
  return {
    kind: 'systemAssignedResource',
    id: child(parentId, holder.id),
    label: holder.name,
    description: `${kind.noun} · ${holder.resourceGroup}`,
    tooltip: `**${holder.name}** — ${kind.noun} with a system-assigned identity\n\nPrincipal (object) ID: \`${holder.systemAssigned?.principalId ?? ''}\`\n\nResource ID: \`${holder.id}\``,
    icon: { id: kind.icon },
    contextValue: CONTEXT_VALUES.systemAssignedResource,
    expandable: true,
    holder,
    subscription,
  };
}

export function roleAssignment(parentId: string, assignment: RoleAssignment, roleName: string, principalId: string, subscription: AzureSubscription, scopeWords: string): NodeOf<'roleAssignment'> {
  return {
    kind: 'roleAssignment',
    id: child(parentId, assignment.id),
    label: roleName,
    description: scopeWords,
    tooltip: `**${roleName}** on ${scopeWords}\n\nScope: \`${assignment.scope}\`\n\nAssignment ID: \`${assignment.id}\``,
    icon: { id: 'key' },
    contextValue: CONTEXT_VALUES.roleAssignment,
    expandable: false,
    assignment,
    roleName,
    principalId,
    subscription,
  };
}

export function federatedCredential(parentId: string, credential: FederatedCredential, i: UserAssignedIdentity): NodeOf<'federatedCredential'> {
  const issuer = issuerName(credential.issuer);
  return {
    kind: 'federatedCredential',
    id: child(parentId, credential.name),
    label: credential.name,
    description: `${issuer.name}: ${credential.subject}`,
    tooltip: `**${credential.name}**\n\nIssuer: \`${credential.issuer}\`\n\nSubject: \`${credential.subject}\`\n\nAudiences: ${credential.audiences.map((a) => `\`${a}\``).join(', ')}`,
    icon: { id: issuer.icon },
    contextValue: CONTEXT_VALUES.federatedCredential,
    expandable: false,
    credential,
    identity: i,
  };
}

/** Names the well-known issuers as people know them; anything else by its host. */
function issuerName(issuer: string): { name: string; icon: string } {
  let host = issuer;
  try {
    host = new URL(issuer).host;
  } catch {
    // not a URL: show it as it is
  }
  if (host === 'token.actions.githubusercontent.com') return { name: 'GitHub Actions', icon: 'github' };
  if (/\.oic\.prod-aks\.azure\.com$/.test(host)) return { name: 'AKS', icon: 'server-process' };
  if (host === 'vstoken.dev.azure.com' || host.endsWith('.visualstudio.com')) return { name: 'Azure DevOps', icon: 'azure-devops' };
  return { name: host, icon: 'link' };
}

export function message(parentId: string, label: string, icon = 'info'): NodeDescription {
  return { kind: 'message', id: child(parentId, label), label, icon: { id: icon }, contextValue: CONTEXT_VALUES.message, expandable: false };
}

export function loadError(parentId: string, what: string, reason: string, retry: CommandRef): NodeDescription {
  return {
    kind: 'error',
    id: child(parentId, `error/${what}`),
    label: `${what} — ${reason}`,
    tooltip: `${what}\n\n${reason}\n\nClick to retry.`,
    icon: { id: 'error', color: 'list.errorForeground' },
    contextValue: CONTEXT_VALUES.error,
    expandable: false,
    command: retry,
    reason,
    retry,
  };
}
