import { armList, armSend } from '../../azure/armRest';
import { listAssignableResources, listResourcesOfTypes } from '../../azure/computeIdentity';
import { grantCosmosSqlRole } from '../../azure/cosmosRoles';
import { listIdentities } from '../../azure/identityWrites';
import type { RequiredPermission } from '../../azure/permissions';
import { createRoleAssignment, type GrantOutcome, type PrincipalType } from '../../azure/roleAssignmentWrites';
import { GRANT_TARGETS, grantTargetFor, rolesToOffer, type ChildScope, type GrantRole, type GrantTarget } from '../../core/grantTargets';
import type { IdentityHolder } from '../../core/identities/model';
import { parseResourceId } from '../../core/identities/resourceId';
import { describeScope } from '../../core/identities/scopeDescription';
import type { PickEntry, ProgressReporter } from '../userInput';
import { nounOf, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type FlowSubscription, type WithSubscription } from './common';

/**
 * Grant access…: principal → target resource → (optional) narrower scope → role, least privilege first. ARM role
 * assignments for most targets; Cosmos DB gets its own SQL role assignment; an access-policy key vault is explained.
 */
export interface GrantPrincipal {
  principalId: string;
  name: string;
  principalType: PrincipalType;
}

export interface GrantTargetResource {
  id: string;
  name: string;
  type: string;
  grant: GrantTarget;
}

export interface GrantContext extends WithSubscription {
  principal?: GrantPrincipal;
  target?: GrantTargetResource;
  children?: Array<{ id: string; name: string; child: ChildScope }>;
  scope?: { id: string; child?: ChildScope };
  role?: GrantRole;
  outcome?: GrantOutcome;
}

export const OTHER_TARGET = 'Choose Another Target';

export function grantPermissions(target: { id: string; type: string }, scope: string): RequiredPermission[] {
  return target.type.toLowerCase() === 'microsoft.documentdb/databaseaccounts'
    ? [{ action: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments/write', scope: target.id }]
    : [{ action: 'Microsoft.Authorization/roleAssignments/write', scope }];
}

/** One grant, ARM or Cosmos SQL; PrincipalNotFound waits are reported as progress. */
export async function grantRole(
  env: FlowEnv,
  subscription: FlowSubscription,
  grant: { targetId: string; targetType: string; scope: string; principal: GrantPrincipal; role: Pick<GrantRole, 'id' | 'system' | 'name'> },
  progress: ProgressReporter,
): Promise<GrantOutcome> {
  if (grant.role.system === 'cosmos-sql') {
    return grantCosmosSqlRole(env.access, subscription.tenantId, { accountId: grant.targetId, scope: grant.scope, principalId: grant.principal.principalId, roleGuid: grant.role.id! }, { intervalInMs: env.tuning?.intervalInMs });
  }
  return createRoleAssignment(env.access, subscription, { scope: grant.scope, principalId: grant.principal.principalId, principalType: grant.principal.principalType, role: grant.role.id! }, {
    retryDelaysMs: env.tuning?.retryDelaysMs,
    onWaiting: (attempt, waitMs) => progress.report(`Waiting for ${grant.principal.name} to reach the directory (attempt ${attempt}, next try in ${Math.round(waitMs / 1000)} s)…`),
  });
}

async function principalItems(env: FlowEnv, subscription: FlowSubscription): Promise<PickEntry<GrantPrincipal>[]> {
  const [identities, holders] = await Promise.all([listIdentities(env.access, subscription), listAssignableResources(env.access, subscription)]);
  const system = holders.filter((h): h is IdentityHolder & { systemAssigned: NonNullable<IdentityHolder['systemAssigned']> } => !!h.systemAssigned);
  return [
    { label: 'User-assigned identities', separator: true },
    ...identities.map((i) => ({ label: i.name, description: i.resourceGroup, data: { principalId: i.principalId, name: i.name, principalType: 'ServicePrincipal' as const } })),
    ...(system.length ? [{ label: 'System-assigned identities', separator: true as const }] : []),
    ...system.map((h) => ({ label: h.name, description: `${nounOf(h.type)} (system-assigned)`, data: { principalId: h.systemAssigned.principalId, name: `${h.name} (system-assigned)`, principalType: 'ServicePrincipal' as const } })),
  ];
}

/** True when the vault uses access policies: an RBAC role would not let anyone read its secrets. */
async function usesAccessPolicies(env: FlowEnv, tenantId: string, vaultId: string): Promise<boolean> {
  const { body } = await armSend<{ properties?: { enableRbacAuthorization?: boolean } }>(env.access, tenantId, { method: 'GET', path: vaultId, apiVersion: '2023-07-01' });
  return body?.properties?.enableRbacAuthorization !== true;
}

const CHILD_API: Record<string, string> = {
  'microsoft.storage/storageaccounts': '2023-05-01',
  'microsoft.servicebus/namespaces': '2021-11-01',
  'microsoft.eventhub/namespaces': '2024-01-01',
};

async function loadChildren(env: FlowEnv, tenantId: string, target: GrantTargetResource): Promise<NonNullable<GrantContext['children']>> {
  const apiVersion = CHILD_API[target.type.toLowerCase()];
  const lists = await Promise.all(
    target.grant.children.map(async (child) => {
      try {
        const items = await armList<{ id: string; name: string }>(env.access, tenantId, `${target.id}/${child.path}`, apiVersion);
        return items.map((i) => ({ id: i.id, name: i.name, child }));
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return []; // no such service on this account yet
        throw error;
      }
    }),
  );
  return lists.flat();
}

export async function grantAccessFlow(env: FlowEnv, context: GrantContext = {}): Promise<FlowResult & { subscription: FlowSubscription; outcome: GrantOutcome; scope: string; role: GrantRole; principal: GrantPrincipal; target: GrantTargetResource }> {
  const c = await runFlow(env, 'Grant Access', context, [
    subscriptionStep(env),
    {
      shouldPrompt: (c) => !c.principal,
      async prompt(c, ui, position) {
        c.principal = await ui.showQuickPick(principalItems(env, c.subscription!), { ...position, placeHolder: 'Which identity needs access?', noItemsMessage: 'No managed identities in this subscription' });
      },
    },
    {
      shouldPrompt: (c) => !c.target,
      async prompt(c, ui, position) {
        for (;;) {
          const items = listResourcesOfTypes(env.access, c.subscription!, GRANT_TARGETS.map((t) => t.type)).then((all) =>
            all.map((r) => ({ label: r.name, description: `${nounOf(r.type)} · ${r.resourceGroup}`, data: { id: r.id, name: r.name, type: r.type, grant: grantTargetFor(r.type)! } })),
          );
          const target = await ui.showQuickPick(items, { ...position, placeHolder: `What should ${c.principal!.name} reach?`, noItemsMessage: 'No storage, key vault, messaging, App Configuration, AI, registry or Cosmos DB resources here' });
          if (target.type.toLowerCase() === 'microsoft.keyvault/vaults' && (await usesAccessPolicies(env, c.subscription!.tenantId, target.id))) {
            await ui.showWarningMessage(
              `Key vault ${target.name} uses access policies, not Azure role-based access control.`,
              { detail: `A role assignment would not let ${c.principal!.name} read its secrets. Either switch the vault's permission model to "Azure role-based access control" (Access configuration in the portal; check existing access policies first), or add an access policy for ${c.principal!.name} with Get and List on secrets.` },
              OTHER_TARGET,
            );
            continue;
          }
          c.target = target;
          c.children = await loadChildren(env, c.subscription!.tenantId, target);
          return;
        }
      },
    },
    {
      shouldPrompt: (c) => !c.scope && (c.children?.length ?? 0) > 0,
      async prompt(c, ui, position) {
        const t = c.target!;
        const items: PickEntry<{ id: string; child?: ChildScope }>[] = [
          { label: `Entire ${t.grant.noun} ${t.name}`, data: { id: t.id }, picked: true },
          ...c.children!.map((ch) => ({ label: ch.name, description: ch.child.noun, data: { id: ch.id, child: ch.child } })),
        ];
        c.scope = await ui.showQuickPick(items, { ...position, placeHolder: 'Narrow the scope? (least privilege: only what the code uses)' });
      },
    },
    {
      shouldPrompt: (c) => !c.role,
      async prompt(c, ui, position) {
        const { leastPrivilege, broad } = rolesToOffer(c.target!.grant, c.scope?.child);
        const items: PickEntry<GrantRole>[] = [
          { label: 'Least privilege', separator: true },
          ...leastPrivilege.map((r, i) => ({ label: r.name, description: r.description, data: r, picked: i === 0 })),
          ...(broad.length ? [{ label: 'Broad — avoid unless needed', separator: true as const }] : []),
          ...broad.map((r) => ({ label: `$(warning) ${r.name}`, description: `${r.broad} — ${r.description}`, data: r })),
        ];
        c.role = await ui.showQuickPick(items, { ...position, placeHolder: `Role for ${c.principal!.name} on ${describeScope(c.scope?.id ?? c.target!.id)}` });
      },
    },
  ], [
    permissionStep<GrantContext>(env, (c) => `grant ${c.role!.name} on ${describeScope(c.scope?.id ?? c.target!.id)}`, (c) => grantPermissions(c.target!, c.scope?.id ?? c.target!.id)),
    {
      priority: 30,
      describe: (c) => `grant ${c.role!.name} on ${describeScope(c.scope?.id ?? c.target!.id)} to ${c.principal!.name}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report(`Granting ${c.role!.name}…`);
        c.outcome = await grantRole(env, c.subscription!, { targetId: c.target!.id, targetType: c.target!.type, scope: c.scope?.id ?? c.target!.id, principal: c.principal!, role: c.role! }, progress);
      },
    },
  ]);
  const scope = c.scope?.id ?? c.target!.id;
  return { subscription: c.subscription!, subscriptionIds: [c.subscription!.subscriptionId, parseResourceId(scope).subscriptionId ?? ''].filter((v, i, a) => v && a.indexOf(v) === i), outcome: c.outcome!, scope, role: c.role!, principal: c.principal!, target: c.target! };
}
