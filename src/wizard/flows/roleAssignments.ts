import { deleteCosmosSqlRoleAssignment } from '../../azure/cosmosRoles';
import { signedInPrincipal } from '../../azure/currentUser';
import { deleteRoleAssignment, listRoleAssignmentsOf, roleNames, type GrantOutcome } from '../../azure/roleAssignmentWrites';
import type { GrantRole } from '../../core/grantTargets';
import type { RoleAssignment } from '../../core/identities/model';
import { parseResourceId } from '../../core/identities/resourceId';
import { describeScope } from '../../core/identities/scopeDescription';
import { roleGuidOf } from '../../core/roleAssignmentName';
import { roles } from '../../core/roles';
import type { PromptStep } from '../wizard';
import { grantPermissions, grantRole } from './grantAccess';
import { identityStep, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type WithIdentity } from './common';

/** Revoke a role assignment (with confirmation), and "Grant me the same access" for local development. */
export interface AssignmentContext extends WithIdentity {
  assignment?: RoleAssignment;
  roleName?: string;
  outcome?: GrantOutcome;
  me?: { objectId: string; name?: string };
}

function assignmentStep(env: FlowEnv, placeHolder: string): PromptStep<AssignmentContext> {
  return {
    shouldPrompt: (c) => !c.assignment,
    async prompt(c, ui, position) {
      const items = listRoleAssignmentsOf(env.access, c.subscription!, c.identity!.principalId).then(async (list) => {
        const names = await roleNames(env.access, c.subscription!, list.map((a) => a.roleDefinitionId));
        return list.map((a) => {
          const roleName = names.get(roleGuidOf(a.roleDefinitionId)) ?? 'Unknown role';
          return { label: roleName, description: describeScope(a.scope), data: { a, roleName } };
        });
      });
      const picked = await ui.showQuickPick(items, { ...position, placeHolder, noItemsMessage: `${c.identity!.name} holds no role assignments` });
      c.assignment = picked.a;
      c.roleName = picked.roleName;
    },
  };
}

export const REVOKE = 'Remove Role Assignment';

/** A role assignment node gives the assignment itself: no identity to ask for. */
function skipWhenAssignmentGiven(step: PromptStep<AssignmentContext>): PromptStep<AssignmentContext> {
  return { ...step, shouldPrompt: (c) => !c.assignment && step.shouldPrompt(c) };
}

export async function revokeFlow(env: FlowEnv, context: AssignmentContext = {}): Promise<FlowResult> {
  const c = await runFlow(env, 'Revoke Role Assignment', context, [
    subscriptionStep(env),
    skipWhenAssignmentGiven(identityStep(env, 'Whose role assignment?')),
    assignmentStep(env, 'Select the role assignment to remove'),
    {
      shouldPrompt: () => true,
      async prompt(c, ui) {
        const who = c.identity?.name ?? `principal ${c.assignment!.principalId}`;
        await ui.showWarningMessage(
          `Remove ${c.roleName ?? 'this role'} on ${describeScope(c.assignment!.scope)} from ${who}?`,
          { detail: 'Code running as this identity loses that access at once.' },
          REVOKE,
        );
      },
    },
  ], [
    permissionStep<AssignmentContext>(env, (c) => `remove ${c.roleName ?? 'a role assignment'} on ${describeScope(c.assignment!.scope)}`, (c) => [revokePermission(c.assignment!)]),
    {
      priority: 30,
      describe: (c) => `remove ${c.roleName ?? 'the role assignment'} on ${describeScope(c.assignment!.scope)}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report('Removing the role assignment…');
        // Cosmos DB SQL role assignments live under the account (data-plane RBAC), not in ARM RBAC.
        if (c.assignment!.system === 'cosmos-sql') await deleteCosmosSqlRoleAssignment(env.access, c.subscription!.tenantId, c.assignment!.id, { intervalInMs: env.tuning?.intervalInMs });
        else await deleteRoleAssignment(env.access, c.subscription!, c.assignment!.id);
      },
    },
  ]);
  return { subscriptionIds: [c.subscription!.subscriptionId] };
}

/** The action that removing an assignment needs, checked at the assignment's own scope (Cosmos: at the account). */
export function revokePermission(assignment: RoleAssignment): { action: string; scope: string } {
  if (assignment.system !== 'cosmos-sql') return { action: 'Microsoft.Authorization/roleAssignments/delete', scope: assignment.scope };
  const accountId = assignment.id.replace(/\/sqlRoleAssignments\/[^/]+$/i, '');
  return { action: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments/delete', scope: accountId };
}

/** A role as the grant flow knows it; Cosmos SQL roles keep their own system. */
function roleFor(roleDefinitionId: string, roleName: string): Pick<GrantRole, 'id' | 'name' | 'system'> {
  const guid = roleGuidOf(roleDefinitionId);
  const known = Object.values(roles).find((r) => r.id === guid);
  return { id: guid, name: known?.name ?? roleName, system: known?.system === 'cosmos-sql' ? 'cosmos-sql' : 'arm' };
}

/** The same role at the same scope for the signed-in developer (principalType User): DefaultAzureCredential runs as them locally. */
export async function grantMeFlow(env: FlowEnv, context: AssignmentContext = {}): Promise<FlowResult & { outcome: GrantOutcome }> {
  const c = await runFlow(env, 'Grant Me the Same Access', context, [
    subscriptionStep(env),
    skipWhenAssignmentGiven(identityStep(env, 'Whose access do you want for local development?')),
    assignmentStep(env, 'Which of its role assignments?'),
  ], [
    {
      priority: 5,
      checkOnly: true,
      describe: () => 'find out who is signed in',
      shouldExecute: () => true,
      async execute(c) {
        c.me = await signedInPrincipal(env.access, c.subscription!.tenantId);
      },
    },
    permissionStep<AssignmentContext>(env, (c) => `grant ${c.roleName} on ${describeScope(c.assignment!.scope)}`, (c) => grantPermissions(targetOf(c.assignment!.scope), c.assignment!.scope)),
    {
      priority: 30,
      describe: (c) => `grant ${c.roleName} on ${describeScope(c.assignment!.scope)} to you`,
      shouldExecute: () => true,
      async execute(c, progress) {
        const role = roleFor(c.assignment!.roleDefinitionId, c.roleName ?? '');
        const target = targetOf(c.assignment!.scope);
        c.outcome = await grantRole(env, c.subscription!, {
          targetId: target.id,
          targetType: target.type,
          scope: c.assignment!.scope,
          principal: { principalId: c.me!.objectId, name: c.me!.name ?? 'you', principalType: 'User' },
          role,
        }, progress);
      },
    },
  ]);
  return { subscriptionIds: [c.subscription!.subscriptionId], outcome: c.outcome! };
}

/** The top-level resource a scope lies in (a container's storage account), for Cosmos and permission checks. */
function targetOf(scope: string): { id: string; type: string } {
  const parsed = parseResourceId(scope);
  if (!parsed.resourceType || !parsed.subscriptionId || !parsed.resourceGroup) return { id: scope, type: '' };
  const [namespace, type] = parsed.resourceType.split('/');
  const id = `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}/providers/${namespace}/${type}/${parsed.names[0]}`;
  return { id, type: `${namespace}/${type}` };
}
