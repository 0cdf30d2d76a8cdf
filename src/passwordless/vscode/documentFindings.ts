/**
 * Keeps the findings of open documents current as the user types: one debounced scan per document, stale scans
 * dropped (the document moved on), documents without a candidate literal skipped before any parse. The engine loads
 * with the first scan.
 */
import * as vscode from 'vscode';
import type { Log } from '../../log';
import { languageOf } from '../languages';
import type { Finding, ScanOptions } from '../types';
import { loadEngine } from './engineLoader';

const TYPING_DELAY_MS = 150;
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** Findings of one document at one version; the lens, hover and diagnostics read these. */
export interface DocumentScan {
  version: number;
  findings: readonly Finding[];
}

export class DocumentFindings implements vscode.Disposable {
  private readonly scans = new Map<string, DocumentScan>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a document's uri after its findings changed (or were cleared). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly options: () => Promise<ScanOptions>,
    private readonly log: Log,
  ) {}

  findings(document: vscode.TextDocument): readonly Finding[] {
    const scan = this.scans.get(document.uri.toString());
    return scan && scan.version === document.version ? scan.findings : [];
  }

  /** The latest findings stored for a document, whatever its version. */
  scanOf(uri: vscode.Uri): DocumentScan | undefined {
    return this.scans.get(uri.toString());
  }

  /** Schedules a scan; a newer schedule for the same document replaces the older one. */
  schedule(document: vscode.TextDocument, delayMs = TYPING_DELAY_MS): void {
    if (!SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scan(document);
      }, delayMs),
    );
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.scans.delete(key)) this.changed.fire(document.uri);
  }

  /** Scans now; resolves once the findings for the document's current version are stored (or the scan went stale). */
  async scan(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const fileName = vscode.workspace.asRelativePath(document.uri, false);
    // A document the engine cannot read (Markdown, plain text) never loads it.
    if (!languageOf(fileName, document.languageId)) return;
    let findings: Finding[];
    try {
      const [engine, options] = await Promise.all([loadEngine(), this.options()]);
      findings = await engine.scanText(document.getText(), fileName, document.languageId, options);
    } catch (error) {
      this.log.error(`Passwordless scan of ${vscode.workspace.asRelativePath(document.uri)} failed`, error);
      return;
    }
    // A newer edit arrived while the grammar loaded: its own scan is scheduled, this result is stale.
    if (document.isClosed || document.version !== version) return;
    const previous = this.scans.get(key);
    if (!previous && findings.length === 0) return;
    this.scans.set(key, { version, findings });
    if (findings.length === 0) this.scans.delete(key);
    this.changed.fire(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.changed.dispose();
  }
}
