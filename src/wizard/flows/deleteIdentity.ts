import { explainArmError } from '../../azure/armErrors';
import { listResourcesOfTypes } from '../../azure/computeIdentity';
import { deleteCosmosSqlRoleAssignment } from '../../azure/cosmosRoles';
import { deleteIdentity, listFederatedCredentials } from '../../azure/identityWrites';
import { listAssignmentsAcrossSubscriptions, type HeldAssignment } from '../../azure/principalAssignments';
import { deleteRoleAssignment } from '../../azure/roleAssignmentWrites';
import type { FederatedCredential, IdentityHolder } from '../../core/identities/model';
import { sameId } from '../../core/identities/resourceId';
import { ASSIGNABLE_TYPES } from '../../core/identities/resourceKinds';
import { describeScope } from '../../core/identities/scopeDescription';
import { PartialFailureError } from '../errors';
import { identityStep, nounOf, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type FlowSubscription, type WithIdentity } from './common';
import { revokePermission } from './roleAssignments';

/**
 * Delete identity: a modal lists its impact first, and offers to remove its role assignments too — ARM ones in
 * every subscription of its tenant and Cosmos DB SQL ones — so none is left behind as "Identity not found".
 */
export interface IdentityImpact {
  holders: IdentityHolder[];
  /** `where` names another subscription than the identity's. */
  assignments: Array<HeldAssignment & { where?: string }>;
  credentials: FederatedCredential[];
}

export interface DeleteIdentityContext extends WithIdentity {
  impact?: IdentityImpact;
  removeAssignments?: boolean;
  removed?: number;
}

export const DELETE_WITH_CLEANUP = 'Delete and Remove Role Assignments';
const DELETE_ONLY = 'Delete Identity Only';
export const DELETE = 'Delete';

/** Every subscription of the identity's tenant the user can see (its own first, even if the listing missed it). */
async function tenantSubscriptions(env: FlowEnv, subscription: FlowSubscription): Promise<FlowSubscription[]> {
  const listing = await env.access.listSubscriptions();
  const others = listing.subscriptions
    .filter((s) => s.tenantId.toLowerCase() === subscription.tenantId.toLowerCase() && s.subscriptionId.toLowerCase() !== subscription.subscriptionId.toLowerCase())
    .map((s) => ({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.displayName }));
  return [subscription, ...others];
}

async function loadImpact(env: FlowEnv, c: Required<Pick<DeleteIdentityContext, 'subscription' | 'identity'>>): Promise<IdentityImpact> {
  const subscriptions = await tenantSubscriptions(env, c.subscription);
  const [holders, assignments, credentials] = await Promise.all([
    listResourcesOfTypes(env.access, c.subscription, ASSIGNABLE_TYPES).then((all) => all.filter((h) => h.userAssignedIdentityIds.some((id) => sameId(id, c.identity.id)))),
    listAssignmentsAcrossSubscriptions(env.access, subscriptions, c.identity.principalId),
    listFederatedCredentials(env.access, c.subscription, c.identity),
  ]);
  const names = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const where = (a: HeldAssignment) => (a.subscriptionId.toLowerCase() === c.subscription.subscriptionId.toLowerCase() ? undefined : names.get(a.subscriptionId.toLowerCase()) ?? a.subscriptionId);
  return { holders, assignments: assignments.map((a) => ({ ...a, where: where(a) })), credentials };
}

const describeAssignment = (a: IdentityImpact['assignments'][number]) =>
  `${a.roleName} on ${describeScope(a.scope)}${a.system === 'cosmos-sql' ? ' (Cosmos DB SQL role)' : ''}${a.where ? ` in subscription ${a.where}` : ''}`;

/** The modal's detail text: what uses the identity, what it holds, what trusts it. */
function describeImpact(impact: IdentityImpact): string {
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    lines.push(items.length ? `${title} (${items.length}):` : `${title}: none`);
    for (const item of items.slice(0, 10)) lines.push(`  • ${item}`);
    if (items.length > 10) lines.push(`  • …and ${items.length - 10} more`);
  };
  list('Assigned to', impact.holders.map((h) => `${h.name} (${nounOf(h.type)}) — it loses this identity`));
  list('Role assignments it holds', impact.assignments.map(describeAssignment));
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
      ...(c.removeAssignments ? c.impact!.assignments.map(revokePermission) : []),
    ]),
    {
      priority: 20,
      describe: (c) => `remove its ${c.impact!.assignments.length} role assignment(s)`,
      shouldExecute: (c) => !!c.removeAssignments && c.impact!.assignments.length > 0,
      async execute(c, progress) {
        c.removed = 0;
        const all = c.impact!.assignments;
        for (const a of all) {
          progress.report(`Removing ${describeAssignment(a)}…`);
          try {
            if (a.system === 'cosmos-sql') await deleteCosmosSqlRoleAssignment(env.access, c.subscription!.tenantId, a.id, { intervalInMs: env.tuning?.intervalInMs });
            else await deleteRoleAssignment(env.access, { subscriptionId: a.subscriptionId, tenantId: c.subscription!.tenantId }, a.id);
          } catch (error) {
            if (c.removed === 0) throw error;
            const left = all.slice(c.removed).map((r) => `remove ${describeAssignment(r)}`);
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
  const touched = [c.subscription!.subscriptionId, ...(c.removed ? c.impact!.assignments.map((a) => a.subscriptionId) : [])];
  return { subscriptionIds: touched.filter((id, i) => touched.findIndex((t) => t.toLowerCase() === id.toLowerCase()) === i), removedAssignments: c.removed ?? 0 };
}
