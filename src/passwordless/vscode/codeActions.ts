/**
 * Quick fixes on Keyless diagnostics (source "Keyless", code = rule id): the preferred identity's rewrite (isPreferred),
 * the other identity's, "Fix all secret-based clients in this file" — also offered as source.fixAll.keyless for
 * editor.codeActionsOnSave — and, when a fix imports a package the nearest manifest lacks, adding it there.
 */
import * as vscode from 'vscode';
import type { IdentityChoice } from '../rewrites/model';
import type { Finding, ScanOptions } from '../types';
import { rangeOf } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { DocumentFindings } from './documentFindings';
import { dependencyActions, documentFixes, fileFixEdit, workspaceEditOf } from './fixes';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('keyless');
const FIX_ALL_TITLE = 'Fix all secret-based clients in this file';

/** A fix-all action whose edit is computed only when chosen (or when VS Code resolves it on save). */
class FixAllAction extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    kind: vscode.CodeActionKind,
  ) {
    super(FIX_ALL_TITLE, kind);
  }
}

export class PasswordlessCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly store: DocumentFindings,
    private readonly identity: () => IdentityChoice,
    private readonly options: () => Promise<ScanOptions>,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    if (context.only && !wants(vscode.CodeActionKind.QuickFix)) {
      // On save the scan of the last keystrokes may still be pending: offer fix-all for a file that had findings
      // lately; resolving it rescans the current text.
      const lately = this.store.scanOf(document.uri)?.findings.length ?? 0;
      return wants(FIX_ALL_KIND) && lately > 0 ? [new FixAllAction(document, FIX_ALL_KIND)] : [];
    }
    const findings = this.store.findings(document);
    if (findings.length === 0) return [];
    const preferred = this.identity();
    const actions: vscode.CodeAction[] = [];
    const dependencies: Array<{ title: string; edit: vscode.WorkspaceEdit; diagnostic: vscode.Diagnostic }> = [];
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(diagnostic, findings);
      if (!finding) continue;
      const fixes = await documentFixes(document, finding, preferred);
      if (token.isCancellationRequested) return [];
      fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = workspaceEditOf(document, fix.edits);
        actions.push(action);
      });
      if (fixes[0]) dependencies.push(...(await dependencyActions(document, fixes[0])).map((d) => ({ ...d, diagnostic })));
      if (token.isCancellationRequested) return [];
    }
    if (actions.length === 0) return [];
    const fixAll = new FixAllAction(document, vscode.CodeActionKind.QuickFix);
    // It fixes the diagnostics at hand too; with them, the editor lists it next to their fixes.
    fixAll.diagnostics = [...new Set(actions.flatMap((a) => a.diagnostics ?? []))];
    actions.push(fixAll);
    // After the rewrites: declaring the package the rewritten code imports, once per manifest and package.
    for (const { title, edit, diagnostic } of dependencies) {
      if (actions.some((a) => a.title === title)) continue;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = edit;
      actions.push(action);
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof FixAllAction)) return action;
    const result = await fileFixEdit(action.document, this.identity(), await this.options());
    action.edit = result?.edit ?? new vscode.WorkspaceEdit();
    return action;
  }
}

/** The current finding a Keyless diagnostic stands for (same rule, same range); stale diagnostics match none. */
function findingOf(diagnostic: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  return findings.find((f) => f.ruleId === diagnostic.code && rangeOf(f).isEqual(diagnostic.range));
}
