/** Engine positions to editor types. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../types';

export function rangeOf(finding: Finding): vscode.Range {
  const { start, end } = finding.range;
  return new vscode.Range(start.line, start.column, end.line, end.column);
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function diagnosticSeverityOf(severity: Severity): vscode.DiagnosticSeverity {
  return severities[severity];
}
