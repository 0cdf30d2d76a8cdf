import * as vscode from 'vscode';
import { asGrantRequest } from '../core/grantTargets';
import { describeScope } from '../core/identities/scopeDescription';
import type { GrantPrincipal } from '../wizard/flows/grantAccess';
import { grantAccessFlow } from '../wizard/flows/grantAccess';
import { grantMeFlow } from '../wizard/flows/roleAssignments';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

const GRANT_ME = 'Grant Me the Same Access';

/**
 * From an identity or system-assigned resource node, the palette, or the passwordless "Grant <role>…" lens (service,
 * target and role preselected; the identity — or you, for local development — picked); then offers the same role
 * to the developer.
 */
export const grantAccess: CommandHandler = async (ctx, arg) => {
  const request = asGrantRequest(arg);
  const { subscription, identity, holder } = request ? {} : nodeArgs(arg);
  const principal: GrantPrincipal | undefined = identity
    ? { principalId: identity.principalId, name: identity.name, principalType: 'ServicePrincipal' }
    : holder?.systemAssigned
      ? { principalId: holder.systemAssigned.principalId, name: `${holder.name} (system-assigned)`, principalType: 'ServicePrincipal' }
      : undefined;
  const result = await runFlowCommand(ctx, (env) => grantAccessFlow(env, { subscription, principal, request }));
  const where = describeScope(result.scope);
  const who = result.principal.isMe ? 'You' : result.principal.name;
  const message = result.outcome.outcome === 'exists'
    ? `${who} already ${result.principal.isMe ? 'have' : 'has'} access: ${result.role.name} on ${where}.`
    : `Granted ${result.role.name} on ${where} to ${result.principal.isMe ? 'you, for local development' : result.principal.name}.`;
  if (result.principal.isMe) {
    void vscode.window.showInformationMessage(message);
    return;
  }
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
