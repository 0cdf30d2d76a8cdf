import { setSystemIdentityFlow } from '../wizard/flows/resourceIdentity';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From a system-assigned resource node (disable), a subscription node, or the palette. */
export const enableSystemIdentity: CommandHandler = async (ctx, node) => {
  const { subscription, holder } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => setSystemIdentityFlow(env, true, { subscription, resource: holder }));
};

export const disableSystemIdentity: CommandHandler = async (ctx, node) => {
  const { subscription, holder } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => setSystemIdentityFlow(env, false, { subscription, resource: holder }));
};
