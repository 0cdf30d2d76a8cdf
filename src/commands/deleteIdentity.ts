import * as vscode from 'vscode';
import { deleteIdentityFlow } from '../wizard/flows/deleteIdentity';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From an identity node, or the palette (subscription → identity); the impact modal always shows. */
export const deleteIdentity: CommandHandler = async (ctx, node) => {
  const { subscription, identity } = nodeArgs(node);
  const result = await runFlowCommand(ctx, (env) => deleteIdentityFlow(env, { subscription, identity }));
  const name = identity?.name ?? 'The identity';
  void vscode.window.showInformationMessage(
    `${identity ? `Deleted ${name}` : 'Deleted the identity'}${result.removedAssignments ? ` and removed ${result.removedAssignments} role assignment(s)` : ''}.`,
  );
};
