import * as vscode from 'vscode';
import { clientIdEnvironmentLine } from '../core/identities/portalUrl';
import { targetOf, type NodeTarget } from '../tree/nodeTargets';
import type { CommandHandler } from './context';

/** Copies one field of the node the action was invoked on; says what was copied (never the value itself in logs). */
function copy(what: string, pick: (t: NodeTarget) => string | undefined): CommandHandler {
  return async ({ log }, node) => {
    const target = targetOf(node);
    const value = target && pick(target);
    if (!target || !value) throw new Error(`Choose a node in the Keyless view that has a ${what} to copy it.`);
    await vscode.env.clipboard.writeText(value);
    log.debug(`Copied the ${what} of ${target.name}`);
    void vscode.window.setStatusBarMessage(`Copied the ${what} of ${target.name}`, 3000);
  };
}

export const copyClientId = copy('client ID', (t) => t.clientId);
export const copyPrincipalId = copy('principal ID', (t) => t.principalId);
export const copyResourceId = copy('resource ID', (t) => t.resourceId);
export const copyAsEnvironment = copy('AZURE_CLIENT_ID line', (t) => t.clientId && clientIdEnvironmentLine(t.clientId));
