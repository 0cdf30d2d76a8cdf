import { changeHolderIdentity, listAssignableResources, readHolder, type IdentityChangeResult } from '../../azure/computeIdentity';
import { listRoleAssignmentsOf } from '../../azure/roleAssignmentWrites';
import type { IdentityHolder } from '../../core/identities/model';
import { sameId } from '../../core/identities/resourceId';
import type { IdentityChange } from '../../core/identityPatch';
import { VM_ASSIGNABLE_NAME_LENGTH } from '../../core/validators';
import type { PromptStep } from '../wizard';
import { identityStep, nounOf, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type WithIdentity, type WithSubscription } from './common';

/**
 * Assign / unassign a user-assigned identity to a VM, scale set, App Service / Function app or container app, and
 * enable / disable a resource's system-assigned identity. Each is one merge PATCH that keeps every other identity.
 */
export interface ResourceIdentityContext extends WithIdentity {
  resource?: IdentityHolder;
  result?: IdentityChangeResult;
}

const holds = (h: IdentityHolder, identityId: string) => h.userAssignedIdentityIds.some((id) => sameId(id, identityId));
const isVmLike = (type: string) => /^microsoft\.compute\/virtualmachine/i.test(type);

function resourceStep(env: FlowEnv, placeHolder: string, filter: (h: IdentityHolder, c: ResourceIdentityContext) => boolean, emptyMessage: string): PromptStep<ResourceIdentityContext> {
  return {
    shouldPrompt: (c) => !c.resource,
    async prompt(c, ui, position) {
      const items = listAssignableResources(env.access, c.subscription!).then((all) =>
        all.filter((h) => filter(h, c)).map((h) => ({ label: h.name, description: `${nounOf(h.type)} · ${h.resourceGroup}`, data: h })),
      );
      c.resource = await ui.showQuickPick(items, { ...position, placeHolder, noItemsMessage: emptyMessage });
    },
  };
}

function changeStep(env: FlowEnv, change: (c: ResourceIdentityContext) => IdentityChange, what: (c: ResourceIdentityContext) => string) {
  return {
    priority: 30,
    describe: what,
    shouldExecute: () => true,
    async execute(c: ResourceIdentityContext, progress: { report(m: string): void }) {
      progress.report(`${what(c)[0].toUpperCase()}${what(c).slice(1)}…`);
      c.result = await changeHolderIdentity(env.access, c.subscription!.tenantId, c.resource!.id, change(c), { intervalInMs: env.tuning?.intervalInMs });
    },
  };
}

const resultOf = (c: ResourceIdentityContext): FlowResult & { result: IdentityChangeResult } => ({
  subscriptionIds: [...new Set([c.subscription!.subscriptionId, c.resource!.subscriptionId].filter(Boolean))],
  revealId: c.resource!.id,
  result: c.result!,
});

export async function assignIdentityFlow(env: FlowEnv, context: ResourceIdentityContext = {}) {
  const c = await runFlow(env, 'Assign Identity to Resource', context, [
    subscriptionStep(env),
    identityStep(env, 'Select the identity to assign'),
    resourceStep(env, 'Select the resource that will use the identity', (h, c) => !holds(h, c.identity!.id) && !(isVmLike(h.type) && c.identity!.name.length > VM_ASSIGNABLE_NAME_LENGTH), 'No VM, scale set, App Service or container app without this identity'),
  ], [
    permissionStep<ResourceIdentityContext>(env, (c) => `assign ${c.identity!.name} to ${c.resource!.name}`, (c) => [
      { action: `${c.resource!.type}/write`, scope: c.resource!.id },
      { action: 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action', scope: c.identity!.id },
    ]),
    changeStep(env, (c) => ({ kind: 'assign', identityId: c.identity!.id }), (c) => `assign ${c.identity!.name} to ${c.resource!.name}`),
  ]);
  return resultOf(c);
}

export async function unassignIdentityFlow(env: FlowEnv, context: ResourceIdentityContext = {}) {
  const c = await runFlow(env, 'Unassign Identity from Resource', context, [
    subscriptionStep(env),
    identityStep(env, 'Select the identity to unassign'),
    resourceStep(env, 'Select the resource to remove the identity from', (h, c) => holds(h, c.identity!.id), 'No resource in this subscription uses this identity'),
  ], [
    permissionStep<ResourceIdentityContext>(env, (c) => `remove ${c.identity!.name} from ${c.resource!.name}`, (c) => [{ action: `${c.resource!.type}/write`, scope: c.resource!.id }]),
    changeStep(env, (c) => ({ kind: 'unassign', identityId: c.identity!.id }), (c) => `remove ${c.identity!.name} from ${c.resource!.name}`),
  ]);
  return resultOf(c);
}

export const DISABLE = 'Disable System-Assigned Identity';

export async function setSystemIdentityFlow(env: FlowEnv, enable: boolean, context: ResourceIdentityContext & WithSubscription = {}) {
  const verb = enable ? 'enable' : 'disable';
  const c = await runFlow(env, `${enable ? 'Enable' : 'Disable'} System-Assigned Identity`, context, [
    subscriptionStep(env),
    resourceStep(env, `Select the resource to ${verb} its system-assigned identity`, (h) => !!h.systemAssigned !== enable, `No resource here has its system-assigned identity ${enable ? 'disabled' : 'enabled'}`),
    {
      shouldPrompt: () => !enable,
      async prompt(c, ui) {
        const fresh = await readHolder(env.access, c.subscription!.tenantId, c.resource!.id);
        const principalId = fresh.systemAssigned?.principalId;
        const held = principalId ? await listRoleAssignmentsOf(env.access, c.subscription!, principalId) : [];
        await ui.showWarningMessage(
          `Disable the system-assigned identity of ${fresh.name}?`,
          {
            detail:
              `Its service principal (principal ID ${principalId ?? 'unknown'}) is deleted, and its ${held.length} role assignment(s) stop working (they show as "Identity not found"). ` +
              'Enabling it again creates a new principal ID that needs new role assignments.',
          },
          DISABLE,
        );
      },
    },
  ], [
    permissionStep<ResourceIdentityContext>(env, (c) => `${verb} the system-assigned identity of ${c.resource!.name}`, (c) => [{ action: `${c.resource!.type}/write`, scope: c.resource!.id }]),
    changeStep(env, () => ({ kind: enable ? 'enableSystem' : 'disableSystem' }), (c) => `${verb} the system-assigned identity of ${c.resource!.name}`),
  ]);
  return resultOf(c);
}
