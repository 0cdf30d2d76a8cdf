import type { AzureSession } from '../azure-vscode/session';
import type { Config } from '../config';
import type { Log } from '../log';
import type { IdentitiesTreeProvider } from '../tree/identitiesTreeProvider';

/** What every command handler receives: the extension's few long-lived objects. */
export interface CommandContext {
  session: AzureSession;
  config: Config;
  log: Log;
  tree: IdentitiesTreeProvider;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => Promise<void> | void;

/** Thrown (or recognised) when the user dismissed a prompt: the command ends silently (shared with the wizards). */
export { UserCancelledError } from '../wizard/errors';
