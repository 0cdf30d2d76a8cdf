/**
 * Two lenses above each finding: "Use managed identity" (explains the credential-free form until the rewrite lands)
 * and "Grant <role>…" (the Grant access flow with service, target and role preselected). provideCodeLenses only
 * computes ranges; resolveCodeLens attaches the command.
 */
import * as vscode from 'vscode';
import type { Finding } from '../types';
import { rangeOf } from './convert';
import type { DocumentFindings } from './documentFindings';
import { firstGrantableRole } from './explanation';

export const EXPLAIN_COMMAND = 'keyless.passwordless.explain';
export const GRANT_COMMAND = 'keyless.grantAccess';

/** What keyless.grantAccess receives from a lens. */
export interface GrantAccessRequest {
  service: Finding['service'];
  target?: string;
  roleId: string;
}

class FindingLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly finding: Finding,
    readonly action: 'explain' | 'grant',
  ) {
    super(range);
  }
}

export class PasswordlessCodeLensProvider implements vscode.CodeLensProvider<FindingLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: DocumentFindings,
    private readonly enabled: () => boolean,
  ) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  /** Settings changed: ask the editor to ask again. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): FindingLens[] {
    if (!this.enabled()) return [];
    const lenses: FindingLens[] = [];
    for (const finding of this.store.findings(document)) {
      const range = rangeOf(finding);
      lenses.push(new FindingLens(range, finding, 'explain'));
      if (firstGrantableRole(finding)) lenses.push(new FindingLens(range, finding, 'grant'));
    }
    return lenses;
  }

  resolveCodeLens(lens: FindingLens): FindingLens {
    const { finding } = lens;
    if (lens.action === 'explain') {
      lens.command = { title: 'Use managed identity', command: EXPLAIN_COMMAND, arguments: [finding], tooltip: 'Show the credential-free form' };
    } else {
      const role = firstGrantableRole(finding)!;
      const request: GrantAccessRequest = { service: finding.service, roleId: role.id!, ...(finding.target ? { target: finding.target.name } : {}) };
      lens.command = { title: `Grant ${role.name}…`, command: GRANT_COMMAND, arguments: [request], tooltip: role.description };
    }
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
