import * as vscode from 'vscode';
import { describeAzureError } from '../azure/errors';
import { UserCancelledError, type CommandContext, type CommandHandler } from './context';

/** VS Code's sign-in dialogs reject with these when the user closes them. */
function isCancellation(error: unknown): boolean {
  if (error instanceof UserCancelledError || error instanceof vscode.CancellationError) return true;
  const message = error instanceof Error ? error.message : '';
  return /^(Cancell?ed|User did not consent to login\.?)$/i.test(message.trim());
}

/** Runs a command: cancellation is silent; other errors are logged and shown in words, without secrets. */
export async function runCommand(id: string, handler: CommandHandler, ctx: CommandContext, args: unknown[]): Promise<void> {
  try {
    await handler(ctx, ...args);
  } catch (error) {
    if (isCancellation(error)) {
      ctx.log.debug(`${id}: cancelled`);
      return;
    }
    ctx.log.error(`${id} failed`, error);
    const choice = await vscode.window.showErrorMessage(describeAzureError(error), 'Show Log');
    if (choice === 'Show Log') ctx.log.show();
  }
}

/** Registers the whole command table through the one wrapper. */
export function registerCommands(extension: vscode.ExtensionContext, table: Record<string, CommandHandler>, ctx: CommandContext): void {
  for (const [id, handler] of Object.entries(table)) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, handler, ctx, args)));
  }
}
