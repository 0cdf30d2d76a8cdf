import * as vscode from 'vscode';
import type { CommandHandler } from './context';

export const signIn: CommandHandler = async ({ session }) => {
  await session.signIn();
};

/** From a failed tenant's node: sign in to that tenant (MFA, consent), then list again. */
export const signInToTenant: CommandHandler = async ({ session }, tenantId) => {
  if (typeof tenantId !== 'string' || !tenantId) throw new Error('Choose a tenant node in the Keyless view to sign in to it.');
  await session.signInToTenant(tenantId);
};

export const signOut: CommandHandler = async ({ session, config }) => {
  await session.signOut();
  if (config.authentication() === 'vscode') {
    void vscode.window.showInformationMessage(
      'Keyless no longer uses your Azure account. To sign the account out of VS Code, use the Accounts menu.',
    );
  }
};
