import { unassignIdentityFlow } from '../wizard/flows/resourceIdentity';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From an "assigned to" resource node (removes exactly that one), an identity node, or the palette. */
export const unassignIdentity: CommandHandler = async (ctx, node) => {
  const { subscription, identity, holder } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => unassignIdentityFlow(env, { subscription, identity, resource: holder }));
};
