import { explainArmError } from '../../azure/armErrors';
import { listResourcesOfTypes } from '../../azure/computeIdentity';
import { deleteIdentity, listFederatedCredentials } from '../../azure/identityWrites';
import { deleteRoleAssignment, listRoleAssignmentsOf, roleNames } from '../../azure/roleAssignmentWrites';
import type { FederatedCredential, IdentityHolder, RoleAssignment } from '../../core/identities/model';
import { sameId } from '../../core/identities/resourceId';
import { ASSIGNABLE_TYPES } from '../../core/identities/resourceKinds';
import { describeScope } from '../../core/identities/scopeDescription';
import { roleGuidOf } from '../../core/roleAssignmentName';
import { PartialFailureError } from '../errors';
import { identityStep, nounOf, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type WithIdentity } from './common';

/** Delete identity: a modal lists its impact first, and offers to remove its role assignments too. */
export interface IdentityImpact {
  holders: IdentityHolder[];
  assignments: Array<RoleAssignment & { roleName: string }>;
  credentials: FederatedCredential[];
}

export interface DeleteIdentityContext extends WithIdentity {
  impact?: IdentityImpact;
  removeAssignments?: boolean;
  removed?: number;
}

export const DELETE_WITH_CLEANUP = 'Delete and Remove Role Assignments';
export const DELETE_ONLY = 'Delete Identity Only';
export const DELETE = 'Delete';

export async function loadImpact(env: FlowEnv, c: Required<Pick<DeleteIdentityContext, 'subscription' | 'identity'>>): Promise<IdentityImpact> {
  const [holders, assignments, credentials] = await Promise.all([
    listResourcesOfTypes(env.access, c.subscription, ASSIGNABLE_TYPES).then((all) => all.filter((h) => h.userAssignedIdentityIds.some((id) => sameId(id, c.identity.id)))),
    listRoleAssignmentsOf(env.access, c.subscription, c.identity.principalId),
    listFederatedCredentials(env.access, c.subscription, c.identity),
  ]);
  const names = await roleNames(env.access, c.subscription, assignments.map((a) => a.roleDefinitionId));
  return { holders, assignments: assignments.map((a) => ({ ...a, roleName: names.get(roleGuidOf(a.roleDefinitionId)) ?? 'Unknown role' })), credentials };
}

/** The modal's detail text: what uses the identity, what it holds, what trusts it. */
export function describeImpact(impact: IdentityImpact): string {
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    lines.push(items.length ? `${title} (${items.length}):` : `${title}: none`);
    for (const item of items.slice(0, 10)) lines.push(`  • ${item}`);
    if (items.length > 10) lines.push(`  • …and ${items.length - 10} more`);
  };
  list('Assigned to', impact.holders.map((h) => `${h.name} (${nounOf(h.type)}) — it loses this identity`));
  list('Role assignments it holds', impact.assignments.map((a) => `${a.roleName} on ${describeScope(a.scope)}`));
  list('Federated credentials', impact.credentials.map((f) => `${f.name}: ${f.subject}`));
  if (impact.assignments.length) lines.push('', 'Role assignments left behind show as "Identity not found" in the portal.');
  return lines.join('\n');
}

export async function deleteIdentityFlow(env: FlowEnv, context: DeleteIdentityContext = {}): Promise<FlowResult & { removedAssignments: number }> {
  const c = await runFlow(env, 'Delete Managed Identity', context, [
    subscriptionStep(env),
    identityStep(env, 'Select the identity to delete'),
    {
      shouldPrompt: (c) => c.removeAssignments === undefined,
      async prompt(c, ui) {
        const impact = await ui.withProgress(`Checking what uses ${c.identity!.name}…`, () => loadImpact(env, { subscription: c.subscription!, identity: c.identity! }));
        c.impact = impact;
        const message = `Delete managed identity '${c.identity!.name}'?`;
        const detail = describeImpact(impact);
        const choice = impact.assignments.length
          ? await ui.showWarningMessage(message, { detail }, DELETE_WITH_CLEANUP, DELETE_ONLY)
          : await ui.showWarningMessage(message, { detail }, DELETE);
        c.removeAssignments = choice === DELETE_WITH_CLEANUP;
      },
    },
  ], [
    permissionStep<DeleteIdentityContext>(env, (c) => `delete ${c.identity!.name}`, (c) => [
      { action: 'Microsoft.ManagedIdentity/userAssignedIdentities/delete', scope: c.identity!.id },
      ...(c.removeAssignments ? c.impact!.assignments.map((a) => ({ action: 'Microsoft.Authorization/roleAssignments/delete', scope: a.scope })) : []),
    ]),
    {
      priority: 20,
      describe: (c) => `remove its ${c.impact!.assignments.length} role assignment(s)`,
      shouldExecute: (c) => !!c.removeAssignments && c.impact!.assignments.length > 0,
      async execute(c, progress) {
        c.removed = 0;
        const all = c.impact!.assignments;
        for (const a of all) {
          progress.report(`Removing ${a.roleName} on ${describeScope(a.scope)}…`);
          try {
            await deleteRoleAssignment(env.access, c.subscription!, a.id);
          } catch (error) {
            if (c.removed === 0) throw error;
            const left = all.slice(c.removed).map((r) => `remove ${r.roleName} on ${describeScope(r.scope)}`);
            throw new PartialFailureError(`${explainArmError(error)}`, [`removed ${c.removed} of ${all.length} role assignments`], left, error);
          }
          c.removed++;
        }
      },
    },
    {
      priority: 30,
      describe: (c) => `delete identity ${c.identity!.name}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report(`Deleting ${c.identity!.name}…`);
        await deleteIdentity(env.access, c.subscription!, c.identity!);
      },
    },
  ]);
  return { subscriptionIds: [c.subscription!.subscriptionId], removedAssignments: c.removed ?? 0 };
}
