/** Passwordless commands (thin glue, registered through the extension's command table). */
import * as vscode from 'vscode';
import type { CommandHandler } from '../../commands/context';
import type { Finding } from '../types';
import { CHECKLIST_VIEW } from './checklistView';
import { EXPLAIN_COMMAND } from './codeLens';
import { explainFindingText } from './explanation';
import { passwordlessFeature } from './feature';
import { scanWorkspace } from './workspaceScan';

export const SCAN_WORKSPACE_COMMAND = 'keyless.passwordless.scanWorkspace';

function isFinding(value: unknown): value is Finding {
  return typeof value === 'object' && value !== null && typeof (value as Finding).ruleId === 'string' && 'range' in value;
}

/** "Use managed identity" until the rewrite lands: a modal with the credential-free form and the roles to grant. */
const explain: CommandHandler = async (_ctx, finding) => {
  if (!isFinding(finding)) return;
  await vscode.window.showInformationMessage('Use a managed identity instead of this secret', { modal: true, detail: explainFindingText(finding) });
};

/** Scans the workspace into the Passwordless view, with progress and cancel. */
const scan: CommandHandler = async ({ log }) => {
  const feature = passwordlessFeature();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keyless: scanning for secret-based clients', cancellable: true },
    (progress, token) => scanWorkspace({ options: feature.scanOptions(), searchExclude: feature.config.searchExcludeGlobs(), token, progress }),
  );
  feature.checklist.setResults(result.files);
  const count = result.files.reduce((n, f) => n + f.findings.length, 0);
  log.info(`Workspace scan: ${count} findings in ${result.files.length} of ${result.scanned} files${result.cancelled ? ' (cancelled)' : ''}`);
  feature.checklistView.message = result.cancelled
    ? `Scan cancelled after ${result.scanned} files.`
    : count === 0
      ? `No secret-based clients in ${result.scanned} files.`
      : `${count} findings in ${result.files.length} files.`;
  await vscode.commands.executeCommand(`${CHECKLIST_VIEW}.focus`);
};

export const passwordlessCommands: Record<string, CommandHandler> = {
  [EXPLAIN_COMMAND]: explain,
  [SCAN_WORKSPACE_COMMAND]: scan,
};
