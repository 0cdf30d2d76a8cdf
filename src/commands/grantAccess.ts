import * as vscode from 'vscode';
import { describeScope } from '../core/identities/scopeDescription';
import type { GrantPrincipal } from '../wizard/flows/grantAccess';
import { grantAccessFlow } from '../wizard/flows/grantAccess';
import { grantMeFlow } from '../wizard/flows/roleAssignments';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

const GRANT_ME = 'Grant Me the Same Access';

/** From an identity or system-assigned resource node, or the palette; then offers the same role to the developer. */
export const grantAccess: CommandHandler = async (ctx, node) => {
  const { subscription, identity, holder } = nodeArgs(node);
  const principal: GrantPrincipal | undefined = identity
    ? { principalId: identity.principalId, name: identity.name, principalType: 'ServicePrincipal' }
    : holder?.systemAssigned
      ? { principalId: holder.systemAssigned.principalId, name: `${holder.name} (system-assigned)`, principalType: 'ServicePrincipal' }
      : undefined;
  const result = await runFlowCommand(ctx, (env) => grantAccessFlow(env, { subscription, principal }));
  const where = describeScope(result.scope);
  const message = result.outcome.outcome === 'exists'
    ? `${result.principal.name} already has access: ${result.role.name} on ${where}.`
    : `Granted ${result.role.name} on ${where} to ${result.principal.name}.`;
  const choice = await vscode.window.showInformationMessage(`${message} Running the code locally? DefaultAzureCredential uses your own sign-in.`, GRANT_ME);
  if (choice !== GRANT_ME) return;
  await runFlowCommand(ctx, (env) =>
    grantMeFlow(env, {
      subscription: result.subscription,
      assignment: { id: '', name: '', scope: result.scope, roleDefinitionId: result.role.id!, principalId: result.principal.principalId },
      roleName: result.role.name,
    }),
  );
  void vscode.window.showInformationMessage(`You now have ${result.role.name} on ${where} for local development.`);
};
