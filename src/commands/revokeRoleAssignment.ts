import { revokeFlow } from '../wizard/flows/roleAssignments';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From a role assignment node, an identity node, or the palette; always confirms first. */
export const revokeRoleAssignment: CommandHandler = async (ctx, node) => {
  const { subscription, identity, assignment, roleName } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => revokeFlow(env, { subscription, identity, assignment, roleName }));
};
