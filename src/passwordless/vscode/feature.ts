/**
 * Wires passwordless detection into the editor: findings of open documents kept current, diagnostics, lenses, hover,
 * quick fixes and the migration checklist view. The extension calls activatePasswordless once; commands reach the live
 * feature through passwordlessFeature(). Nothing here loads the engine: engineLoader does, on the first scan.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from '../../config';
import type { Log } from '../../log';
import type { ScanOptions } from '../types';
import { ChecklistProvider, CHECKLIST_VIEW } from './checklistView';
import { PasswordlessCodeActionProvider } from './codeActions';
import { PasswordlessCodeLensProvider } from './codeLens';
import { PasswordlessDiagnostics } from './diagnostics';
import { DocumentFindings } from './documentFindings';
import { configureEngine, loadEngine } from './engineLoader';
import { PasswordlessHoverProvider } from './hover';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

export interface PasswordlessFeature {
  readonly config: Config;
  readonly log: Log;
  readonly store: DocumentFindings;
  readonly checklist: ChecklistProvider;
  readonly checklistView: vscode.TreeView<unknown>;
  /** The scanner settings in force (severities need the rules, so this loads the engine). */
  scanOptions(): Promise<ScanOptions>;
}

let current: PasswordlessFeature | undefined;

/** The active feature; commands run only after activation, so its absence is a wiring bug worth saying in words. */
export function passwordlessFeature(): PasswordlessFeature {
  if (!current) throw new Error('Keyless passwordless detection is not active.');
  return current;
}

export function activatePasswordless(context: vscode.ExtensionContext, config: Config, log: Log): vscode.Disposable {
  configureEngine(path.join(context.extensionPath, 'dist', 'assets'));
  const scanOptions = async (): Promise<ScanOptions> => ({
    enabledLanguages: config.passwordlessEnabledLanguages(),
    severities: (await loadEngine()).editorSeverities(config.passwordlessSeverityOverrides()),
    exclude: config.passwordlessExclude(),
  });
  const store = new DocumentFindings(scanOptions, log);
  const lenses = new PasswordlessCodeLensProvider(store, () => config.passwordlessCodeLens());
  const checklist = new ChecklistProvider();
  const checklistView = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: checklist, showCollapseAll: true });
  const rescanOpen = (delayMs?: number) => vscode.workspace.textDocuments.forEach((d) => store.schedule(d, delayMs));
  const disposables: vscode.Disposable[] = [
    store,
    new PasswordlessDiagnostics(store),
    lenses,
    checklist,
    checklistView,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerHoverProvider(SELECTOR, new PasswordlessHoverProvider(store)),
    vscode.languages.registerCodeActionsProvider(
      SELECTOR,
      new PasswordlessCodeActionProvider(store, () => config.passwordlessIdentity(), scanOptions),
      PasswordlessCodeActionProvider.metadata,
    ),
    vscode.workspace.onDidOpenTextDocument((d) => store.schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && store.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => store.forget(d)),
    config.onDidChangePasswordless(() => {
      lenses.refresh();
      rescanOpen(0);
    }),
  ];
  current = { config, log, store, checklist, checklistView, scanOptions };
  rescanOpen(0);
  return vscode.Disposable.from(...disposables, { dispose: () => (current = undefined) });
}
