import * as vscode from 'vscode';
import { createIdentityFlow } from '../wizard/flows/createIdentity';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From a subscription (or identity group) node, or the palette. */
export const createIdentity: CommandHandler = async (ctx, node) => {
  const { subscription } = nodeArgs(node);
  const { identity } = await runFlowCommand(ctx, (env) => createIdentityFlow(env, { subscription }));
  void vscode.window.showInformationMessage(`Created managed identity ${identity.name} (client ID ${identity.clientId}).`);
};
