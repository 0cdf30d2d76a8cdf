import * as vscode from 'vscode';
import { describeScope } from '../core/identities/scopeDescription';
import { grantMeFlow } from '../wizard/flows/roleAssignments';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From a role assignment node (that role at that scope), an identity node, or the palette. */
export const grantMe: CommandHandler = async (ctx, node) => {
  const { subscription, identity, assignment, roleName } = nodeArgs(node);
  const result = await runFlowCommand(ctx, (env) => grantMeFlow(env, { subscription, identity, assignment, roleName }));
  const what = assignment ? `${roleName ?? 'the role'} on ${describeScope(assignment.scope)}` : 'the role';
  void vscode.window.showInformationMessage(result.outcome.outcome === 'exists' ? `You already have ${what}.` : `You now have ${what} for local development.`);
};
