import { explainArmError } from '../azure/armErrors';
import type { AzureSubscription } from '../azure/tenants';
import type { FederatedCredential, IdentityHolder, RoleAssignment, UserAssignedIdentity } from '../core/identities/model';
import { descriptionOf, subscriptionOf } from '../tree/nodeTargets';
import type { FlowEnv, FlowResult, FlowSubscription } from '../wizard/flows/common';
import { VsCodeUserInput } from '../wizard/vscodeUserInput';
import type { CommandContext } from './context';

/**
 * Glue shared by the identity write commands: sign in if needed, run the flow with VS Code prompts, explain ARM
 * errors in words, then reload the changed subscriptions and reveal the changed node.
 */
export async function runFlowCommand<R extends FlowResult>(ctx: CommandContext, flow: (env: FlowEnv) => Promise<R>): Promise<R> {
  if (!ctx.session.signedIn) await ctx.session.signIn();
  const env: FlowEnv = { access: await ctx.session.access(), ui: new VsCodeUserInput() };
  let result: R;
  try {
    result = await flow(env);
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'UserCancelledError' || name === 'PartialFailureError' || name === 'MissingPermissionError' || !(error instanceof Error)) throw error;
    throw Object.assign(new Error(explainArmError(error), { cause: error }), { name: 'ArmWriteError' });
  }
  for (const id of result.subscriptionIds) ctx.tree.invalidateSubscription(id);
  if (result.revealId) void ctx.tree.reveal(result.revealId).catch((e: unknown) => ctx.log.debug(`reveal failed: ${String(e)}`));
  return result;
}

/** What a tree node gave the command (every field optional: the palette gives nothing). */
export interface NodeArgs {
  subscription?: FlowSubscription;
  identity?: UserAssignedIdentity;
  holder?: IdentityHolder;
  assignment?: RoleAssignment;
  roleName?: string;
  credential?: FederatedCredential;
}

const toFlow = (s: AzureSubscription): FlowSubscription => ({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.displayName });
const fromIdentity = (i: UserAssignedIdentity): FlowSubscription => ({ subscriptionId: i.subscriptionId, tenantId: i.tenantId, displayName: i.subscriptionId });

/** Reads a node argument duck-typed (nodes may come from another bundle in extension-host tests). */
export function nodeArgs(node: unknown): NodeArgs {
  const plain = subscriptionOf(node);
  if (plain) return { subscription: toFlow(plain) };
  const d = descriptionOf(node);
  switch (d?.kind) {
    case 'identity':
    case 'assignedToGroup':
    case 'roleAssignmentsGroup':
      return { subscription: toFlow(d.subscription), identity: d.identity };
    case 'identityGroup':
    case 'systemAssignedGroup':
      return { subscription: toFlow(d.subscription) };
    case 'federatedCredentialsGroup':
      return { subscription: fromIdentity(d.identity), identity: d.identity };
    case 'assignedResource':
      return { subscription: fromIdentity(d.identity), identity: d.identity, holder: d.holder };
    case 'systemAssignedResource':
      return { subscription: toFlow(d.subscription), holder: d.holder };
    case 'roleAssignment':
      return { subscription: toFlow(d.subscription), assignment: d.assignment, roleName: d.roleName };
    case 'federatedCredential':
      return { subscription: fromIdentity(d.identity), identity: d.identity, credential: d.credential };
    default:
      return {};
  }
}

