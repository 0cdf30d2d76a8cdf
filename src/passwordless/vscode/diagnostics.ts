/** Publishes findings to the Problems panel: source "Keyless", code = rule id, severity from settings. */
import * as vscode from 'vscode';
import type { Finding } from '../types';
import { diagnosticSeverityOf, rangeOf } from './convert';
import type { DocumentFindings } from './documentFindings';

export const DIAGNOSTIC_SOURCE = 'Keyless';

function diagnosticOf(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(finding), finding.message, diagnosticSeverityOf(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.ruleId;
  return diagnostic;
}

export class PasswordlessDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('keyless.passwordless');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: DocumentFindings) {
    this.subscription = store.onDidChange((uri) => this.update(uri));
  }

  private update(uri: vscode.Uri): void {
    const findings = this.store.scanOf(uri)?.findings ?? [];
    if (findings.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, findings.map(diagnosticOf));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
