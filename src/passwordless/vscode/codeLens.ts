/**
 * Two lenses above each finding: "Use managed identity" (applies the preferred rewrite, or explains the credential-free
 * form when there is none) and "Grant <role>…" (the Grant access flow with service, target and role preselected). provideCodeLenses only
 * computes ranges; resolveCodeLens attaches the command.
 */
import * as vscode from 'vscode';
import type { Finding } from '../types';
import { rangeOf } from './convert';
import type { DocumentFindings } from './documentFindings';
import { firstGrantableRole, grantRequestOf } from './grantableRole';

export const EXPLAIN_COMMAND = 'keyless.passwordless.explain';
export const USE_MANAGED_IDENTITY_COMMAND = 'keyless.passwordless.useManagedIdentity';
export const GRANT_COMMAND = 'keyless.grantAccess';

export type { GrantAccessRequest } from './grantableRole';

class FindingLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly finding: Finding,
    readonly action: 'use' | 'grant',
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
      lenses.push(new FindingLens(range, document.uri, finding, 'use'));
      if (firstGrantableRole(finding)) lenses.push(new FindingLens(range, document.uri, finding, 'grant'));
    }
    return lenses;
  }

  resolveCodeLens(lens: FindingLens): FindingLens {
    const { finding } = lens;
    if (lens.action === 'use') {
      lens.command = { title: 'Use managed identity', command: USE_MANAGED_IDENTITY_COMMAND, arguments: [lens.uri, finding], tooltip: 'Rewrite to the credential-free form' };
    } else {
      const { role, request } = grantRequestOf(finding)!;
      lens.command = { title: `Grant ${role.name}…`, command: GRANT_COMMAND, arguments: [request], tooltip: role.description };
    }
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
