import { listAssignableResources, listResourcesOfTypes } from '../../azure/computeIdentity';
import { grantCosmosSqlRole } from '../../azure/cosmosRoles';
import { keyVaultUsesAccessPolicies, listChildEntities } from '../../azure/grantTargetReads';
import { listIdentities } from '../../azure/identityWrites';
import type { RequiredPermission } from '../../azure/permissions';
import { signedInPrincipal } from '../../azure/currentUser';
import { createRoleAssignment, type GrantOutcome, type PrincipalType } from '../../azure/roleAssignmentWrites';
import { GRANT_TARGETS, grantTargetFor, grantTargetForService, requestedRole, rolesToOffer, targetNameOf, type ChildScope, type GrantRequest, type GrantRole, type GrantTarget } from '../../core/grantTargets';
import type { IdentityHolder } from '../../core/identities/model';
import { parseResourceId } from '../../core/identities/resourceId';
import { describeScope } from '../../core/identities/scopeDescription';
import { roles } from '../../core/roles';
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
  /** The signed-in developer (local development), not a managed identity. */
  isMe?: boolean;
}

export interface GrantTargetResource {
  id: string;
  name: string;
  type: string;
  grant: GrantTarget;
}

export interface GrantContext extends WithSubscription {
  /** From the passwordless lens: service, target name and role to preselect (each still confirmable). */
  request?: GrantRequest;
  principal?: GrantPrincipal;
  target?: GrantTargetResource;
  children?: Array<{ id: string; name: string; child: ChildScope }>;
  scope?: { id: string; child?: ChildScope };
  role?: GrantRole;
  outcome?: GrantOutcome;
}

export const OTHER_TARGET = 'Choose Another Target';
export const ME_LABEL = 'Me (local development, DefaultAzureCredential signs in as you)';
const ME: unique symbol = Symbol('me');

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
  const retry = {
    retryDelaysMs: env.tuning?.retryDelaysMs,
    sleep: env.tuning?.sleep,
    principalName: grant.principal.name,
    onWaiting: (attempt: number, waitMs: number) => progress.report(`Waiting for ${grant.principal.name} to reach the directory (attempt ${attempt}, next try in ${Math.round(waitMs / 1000)} s)…`),
  };
  if (grant.role.system === 'cosmos-sql') {
    return grantCosmosSqlRole(env.access, subscription.tenantId, { accountId: grant.targetId, scope: grant.scope, principalId: grant.principal.principalId, roleGuid: grant.role.id! }, { intervalInMs: env.tuning?.intervalInMs, ...retry });
  }
  return createRoleAssignment(env.access, subscription, { scope: grant.scope, principalId: grant.principal.principalId, principalType: grant.principal.principalType, role: grant.role.id! }, retry);
}

async function principalItems(env: FlowEnv, subscription: FlowSubscription, offerMe: boolean): Promise<PickEntry<GrantPrincipal | typeof ME>[]> {
  const [identities, holders] = await Promise.all([listIdentities(env.access, subscription), listAssignableResources(env.access, subscription)]);
  const system = holders.filter((h): h is IdentityHolder & { systemAssigned: NonNullable<IdentityHolder['systemAssigned']> } => !!h.systemAssigned);
  return [
    ...(offerMe ? [{ label: 'Local development', separator: true as const }, { label: ME_LABEL, description: 'your own sign-in, as a User', data: ME as typeof ME }] : []),
    { label: 'User-assigned identities', separator: true },
    ...identities.map((i) => ({ label: i.name, description: i.resourceGroup, data: { principalId: i.principalId, name: i.name, principalType: 'ServicePrincipal' as const } })),
    ...(system.length ? [{ label: 'System-assigned identities', separator: true as const }] : []),
    ...system.map((h) => ({ label: h.name, description: `${nounOf(h.type)} (system-assigned)`, data: { principalId: h.systemAssigned.principalId, name: `${h.name} (system-assigned)`, principalType: 'ServicePrincipal' as const } })),
  ];
}

async function loadChildren(env: FlowEnv, tenantId: string, target: GrantTargetResource): Promise<NonNullable<GrantContext['children']>> {
  const lists = await Promise.all(
    target.grant.children.map(async (child) => (await listChildEntities(env.access, tenantId, target.id, target.type, child.path)).map((i) => ({ id: i.id, name: i.name, child }))),
  );
  return lists.flat();
}

export async function grantAccessFlow(env: FlowEnv, context: GrantContext = {}): Promise<FlowResult & { subscription: FlowSubscription; outcome: GrantOutcome; scope: string; role: GrantRole; principal: GrantPrincipal; target: GrantTargetResource }> {
  if (context.request && !grantTargetForService(context.request.service)) {
    throw new Error(`Keyless cannot grant ${context.request.service} access with an Azure role assignment: that service's access is granted inside the database (see the lens's explanation).`);
  }
  const c = await runFlow(env, 'Grant Access', context, [
    subscriptionStep(env),
    {
      shouldPrompt: (c) => !c.principal,
      async prompt(c, ui, position) {
        const placeHolder = c.request ? 'Who runs this code? A managed identity in Azure, or you while developing locally' : 'Which identity needs access?';
        const picked = await ui.showQuickPick(principalItems(env, c.subscription!, !!c.request), { ...position, placeHolder, noItemsMessage: 'No managed identities in this subscription' });
        if (picked !== ME) c.principal = picked;
        else {
          const me = await signedInPrincipal(env.access, c.subscription!.tenantId);
          c.principal = { principalId: me.objectId, name: me.name ?? 'you', principalType: 'User', isMe: true };
        }
      },
    },
    {
      shouldPrompt: (c) => !c.target,
      async prompt(c, ui, position) {
        for (;;) {
          const wanted = c.request ? [grantTargetForService(c.request.service)!] : GRANT_TARGETS;
          const all = await listResourcesOfTypes(env.access, c.subscription!, wanted.map((t) => t.type));
          const named = c.request?.target ? targetNameOf(c.request.target) : undefined;
          const match = named ? all.find((r) => r.name.toLowerCase() === named) : undefined;
          const items = [...(match ? [match] : []), ...all.filter((r) => r !== match)].map((r) => ({
            label: r.name,
            description: `${nounOf(r.type)} · ${r.resourceGroup}${r === match ? ' · named in your code' : ''}`,
            data: { id: r.id, name: r.name, type: r.type, grant: grantTargetFor(r.type)! },
            picked: r === match,
          }));
          const noun = wanted.length === 1 ? wanted[0].noun : 'resource';
          const placeHolder = match
            ? `Confirm the ${noun} your code uses`
            : named
              ? `No ${noun} named '${named}' in ${c.subscription!.displayName}: pick the one your code uses`
              : `What should ${c.principal!.name} reach?`;
          const target = await ui.showQuickPick(items, { ...position, placeHolder, noItemsMessage: c.request ? `No ${noun} in ${c.subscription!.displayName}` : 'No storage, key vault, messaging, App Configuration, AI, registry or Cosmos DB resources here' });
          if (target.type.toLowerCase() === 'microsoft.keyvault/vaults' && (await keyVaultUsesAccessPolicies(env.access, c.subscription!.tenantId, target.id))) {
            await ui.showWarningMessage(
              `Key vault ${target.name} uses access policies, not Azure role-based access control.`,
              { detail: `A role assignment would not let ${c.principal!.name} read its secrets. Either switch the vault's permission model to "Azure role-based access control" (Access configuration in the portal; check existing access policies first), or add an access policy for ${c.principal!.name} with Get and List on secrets.` },
              OTHER_TARGET,
            );
            continue;
          }
          c.target = target;
          // A lens asking for a blob role narrows to containers only (a queue role to queues).
          const fits = (child: ChildScope) => !c.request || !child.roles || child.roles.some((k) => roles[k].id === c.request!.roleId);
          c.children = (await loadChildren(env, c.subscription!.tenantId, target)).filter((ch) => fits(ch.child));
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
        const offer = rolesToOffer(c.target!.grant, c.scope?.child);
        const wanted = c.request ? requestedRole(c.target!.grant, c.request.roleId) : undefined;
        const isWanted = (r: GrantRole) => !!wanted && r.id.toLowerCase() === wanted.id.toLowerCase();
        const broad = offer.broad.filter((r) => !isWanted(r));
        const leastPrivilege = wanted ? [wanted, ...offer.leastPrivilege.filter((r) => !isWanted(r))] : offer.leastPrivilege;
        const items: PickEntry<GrantRole>[] = [
          { label: 'Least privilege', separator: true },
          ...leastPrivilege.map((r, i) => ({ label: r.name, description: isWanted(r) ? `the role your code needs — ${r.description}` : r.description, data: r, picked: i === 0 })),
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
