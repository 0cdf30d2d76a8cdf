/** Hovering a finding explains why it is one and what to use instead. */
import * as vscode from 'vscode';
import { rangeOf } from './convert';
import type { DocumentFindings } from './documentFindings';
import { explainFinding } from './explanation';

export class PasswordlessHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: DocumentFindings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hits = this.store.findings(document).filter((f) => rangeOf(f).contains(position));
    if (hits.length === 0) return undefined;
    return new vscode.Hover(hits.map((f) => new vscode.MarkdownString(explainFinding(f))), rangeOf(hits[0]));
  }
}
