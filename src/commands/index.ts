import type { CommandHandler } from './context';
import { passwordlessCommands } from '../passwordless/vscode/commands';
import { identityCommands } from './identityCommands';
import { selectCloud } from './selectCloud';
import { selectSubscriptions } from './selectSubscriptions';
import { signIn, signInToTenant, signOut } from './signIn';
import { treeCommands } from './treeCommands';

/** Every command Keyless registers; the manifest's "contributes.commands" lists the same ids. */
export const commandTable: Record<string, CommandHandler> = {
  'keyless.signIn': signIn,
  'keyless.signInToTenant': signInToTenant,
  'keyless.signOut': signOut,
  'keyless.selectSubscriptions': selectSubscriptions,
  'keyless.selectCloud': selectCloud,
  'keyless.refresh': ({ session }) => session.reset('refresh requested'),
  'keyless.showLog': ({ log }) => log.show(),
  ...treeCommands,
  ...identityCommands,
  ...passwordlessCommands,
};
