import { assignIdentityFlow } from '../wizard/flows/resourceIdentity';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From an identity (or its "Assigned to" group) node, or the palette: subscription → identity → resource. */
export const assignIdentity: CommandHandler = async (ctx, node) => {
  const { subscription, identity } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => assignIdentityFlow(env, { subscription, identity }));
};
