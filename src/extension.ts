import * as vscode from 'vscode';
import { AzureSession } from './azure-vscode/session';
import { commandTable } from './commands/index';
import { registerCommands } from './commands/register';
import { Config } from './config';
import { createLog } from './log';
import { activatePasswordless } from './passwordless/vscode/feature';
import { IdentitiesTreeProvider } from './tree/identitiesTreeProvider';

/** Wiring only: settings, log, sign-in session, the tree and the command table. Azure SDK code loads on first use. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = createLog();
  const config = new Config();
  const session = new AzureSession(config, log, context.globalState);
  const tree = new IdentitiesTreeProvider(session, config, log);
  context.subscriptions.push(
    log,
    session,
    tree,
    tree.attach(vscode.window.createTreeView('keyless.identities', { treeDataProvider: tree, showCollapseAll: true })),
    session.onDidChange(() => tree.refresh()),
    config.onDidChange((what) => (what === 'signIn' ? restore(session.settingsChanged()) : tree.rerender())),
  );
  context.subscriptions.push(activatePasswordless(context, config, log));
  registerCommands(context, commandTable, { session, config, log, tree });

  function restore(work: Promise<void>): void {
    work.catch((error) => {
      log.error('Could not restore the Azure sign-in', error);
      tree.refresh();
    });
  }
  restore(session.restore());
  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}
