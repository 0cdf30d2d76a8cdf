/** Hovering a finding explains why it is one and what to use instead. */
import * as vscode from 'vscode';
import { rangeOf } from './convert';
import type { DocumentFindings } from './documentFindings';
import { loadEngine } from './engineLoader';

export class PasswordlessHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: DocumentFindings) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const hits = this.store.findings(document).filter((f) => rangeOf(f).contains(position));
    if (hits.length === 0) return undefined;
    // Findings exist, so the engine that explains them is already loaded.
    const { explainFinding } = await loadEngine();
    return new vscode.Hover(hits.map((f) => new vscode.MarkdownString(explainFinding(f))), rangeOf(hits[0]));
  }
}
