/** Passwordless commands (thin glue, registered through the extension's command table). */
import * as vscode from 'vscode';
import type { CommandHandler } from '../../commands/context';
import type { Fix } from '../rewrites/model';
import type { Finding } from '../types';
import { CHECKLIST_VIEW } from './checklistView';
import { EXPLAIN_COMMAND, GRANT_COMMAND, USE_MANAGED_IDENTITY_COMMAND } from './codeLens';
import { loadEngine } from './engineLoader';
import { passwordlessFeature } from './feature';
import { currentFinding, documentFixes, workspaceEditOf } from './fixes';
import { followUpOf } from './followUp';
import { scanWorkspace } from './workspaceScan';

const SCAN_WORKSPACE_COMMAND = 'keyless.passwordless.scanWorkspace';
const COPY_SETTINGS = 'Copy settings';

function isFinding(value: unknown): value is Finding {
  return typeof value === 'object' && value !== null && typeof (value as Finding).ruleId === 'string' && 'range' in value;
}

/** A modal with the credential-free form and the roles to grant (the lens's fallback when no rewrite applies). */
async function showExplanation(finding: Finding): Promise<void> {
  const { explainFindingText } = await loadEngine();
  await vscode.window.showInformationMessage('Use a managed identity instead of this secret', { modal: true, detail: explainFindingText(finding) });
}

const explain: CommandHandler = async (_ctx, finding) => {
  if (isFinding(finding)) await showExplanation(finding);
};

/** The "Use managed identity" lens: applies the preferred rewrite as one edit, then offers to grant the role it needs. */
const useManagedIdentity: CommandHandler = async ({ log }, target, given) => {
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
  if (!(uri instanceof vscode.Uri) || !isFinding(given)) return;
  const feature = passwordlessFeature();
  const document = await vscode.workspace.openTextDocument(uri);
  // The lens may predate the last edit: fix the finding as it is now, or explain the one the user clicked.
  const finding = currentFinding(feature.store.findings(document), given);
  const [fix] = finding ? await documentFixes(document, finding, feature.config.passwordlessIdentity()) : [];
  if (!finding || !fix) return showExplanation(given);
  if (!(await vscode.workspace.applyEdit(workspaceEditOf(document, fix.edits)))) {
    throw new Error(`VS Code did not apply "${fix.title}" to ${vscode.workspace.asRelativePath(uri)}; it may have changed meanwhile. Try again.`);
  }
  log.info(`${fix.ruleId}: applied "${fix.title}" in ${vscode.workspace.asRelativePath(uri)}`);
  void offerFollowUp(finding, fix);
};

/** Not awaited by the command: the notification stays until the developer acts on it. */
async function offerFollowUp(finding: Finding, fix: Fix): Promise<void> {
  const next = followUpOf(finding, fix);
  const buttons = [...(next.grant ? [next.grant.label] : []), ...(next.settingsText ? [COPY_SETTINGS] : [])];
  const choice = await vscode.window.showInformationMessage(next.message, ...buttons);
  if (choice === COPY_SETTINGS && next.settingsText) {
    await vscode.env.clipboard.writeText(next.settingsText);
    void vscode.window.showInformationMessage(`Copied ${fix.settings.map((s) => s.name).join(', ')}: set them where the app runs.`);
  } else if (next.grant && choice === next.grant.label) {
    await vscode.commands.executeCommand(GRANT_COMMAND, next.grant.request);
  }
}

/** Scans the workspace into the Passwordless view, with progress and cancel. */
const scan: CommandHandler = async ({ log }) => {
  const feature = passwordlessFeature();
  const options = await feature.scanOptions();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keyless: scanning for secret-based clients', cancellable: true },
    (progress, token) => scanWorkspace({ options, searchExclude: feature.config.searchExcludeGlobs(), token, progress }),
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
  [USE_MANAGED_IDENTITY_COMMAND]: useManagedIdentity,
  [SCAN_WORKSPACE_COMMAND]: scan,
};
