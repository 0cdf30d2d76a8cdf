import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import type { AzureCloud } from '../azure/clouds';
import type { CredentialFactory } from '../azure/credentials';
import type { SubscriptionListing } from '../azure/tenants';
import type { Config } from '../config';
import type { Log } from '../log';
import { authProviderId, createVsCodeCredentialFactory, getVsCodeSession } from './vscodeCredential';

const SIGNED_OUT_KEY = 'keyless.signedOut';

/**
 * Who Keyless is signed in as, and the AzureAccess for the chosen cloud and sign-in method. Rebuilt when settings
 * change; the subscription listing is cached until refresh. The Azure layer is imported on first use.
 */
export class AzureSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on sign-in, sign-out, and whenever cached Azure data is dropped (refresh, settings, sessions). */
  readonly onDidChange = this.changed.event;
  private state: 'unknown' | 'signedIn' | 'signedOut' = 'unknown';
  private current?: Promise<AzureAccess>;
  private listing?: Promise<SubscriptionListing>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly config: Config,
    private readonly log: Log,
    private readonly memento: vscode.Memento,
  ) {
    this.disposables.push(
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === 'microsoft' || e.provider.id === 'microsoft-sovereign-cloud') this.reset('VS Code accounts changed');
      }),
    );
  }

  get signedIn(): boolean {
    return this.state === 'signedIn';
  }

  /** Decides, without prompting, whether an earlier sign-in is still there. */
  async restore(): Promise<void> {
    let signedIn = !this.memento.get<boolean>(SIGNED_OUT_KEY, false);
    if (signedIn && this.usesVsCodeAccounts()) {
      const { cloud } = await this.resolve();
      signedIn = !!(await getVsCodeSession(cloud, undefined, { silent: true }));
    }
    this.setState(signedIn ? 'signedIn' : 'signedOut');
  }

  /** Interactive sign-in; throws (with what to do) when it cannot complete. */
  async signIn(): Promise<void> {
    const { cloud, access } = await this.resolve();
    if (this.usesVsCodeAccounts()) {
      await getVsCodeSession(cloud, undefined, { createIfNone: true, clearSessionPreference: true });
    } else {
      // CLI and Emulator: prove a token can be had now, so failures say so here rather than in the tree.
      await access.credential().getToken(cloud.credentialScope);
    }
    await this.memento.update(SIGNED_OUT_KEY, false);
    this.reset('signed in');
    this.setState('signedIn');
  }

  /** Signs in to one tenant (MFA, consent), then lists again. */
  async signInToTenant(tenantId: string): Promise<void> {
    const { cloud, access } = await this.resolve();
    if (this.usesVsCodeAccounts()) {
      await getVsCodeSession(cloud, tenantId, { createIfNone: true });
    } else {
      // No prompt to show here: ask the tenant once, so a refusal reaches the user in words, not a silent re-list.
      this.reset(`retrying tenant ${tenantId}`);
      await (await access.subscriptionClient(tenantId)).subscriptions.list().next();
    }
    this.reset(`signed in to tenant ${tenantId}`);
  }

  /** Keyless stops using the account; VS Code's own account sign-out lives in its Accounts menu. */
  async signOut(): Promise<void> {
    await this.memento.update(SIGNED_OUT_KEY, true);
    this.reset('signed out');
    this.setState('signedOut');
  }

  /** The Azure access for the configured cloud and sign-in method. */
  async access(): Promise<AzureAccess> {
    return (await this.resolve()).access;
  }

  /** Subscriptions of every tenant (failed tenants alongside), cached until the next refresh. */
  listSubscriptions(): Promise<SubscriptionListing> {
    if (!this.listing) {
      const started = Date.now();
      const pending = this.access().then((a) => a.listSubscriptions());
      pending.then(
        (l) => this.log.info(`Listed ${l.subscriptions.length} subscriptions, ${l.failedTenants.length} failed tenants in ${Date.now() - started} ms`),
        (error) => this.log.error('Listing subscriptions failed', error),
      );
      pending.catch(() => (this.listing = undefined));
      this.listing = pending;
    }
    return this.listing;
  }

  /** Drops cached data (and the access itself when settings changed) and tells listeners. */
  reset(reason: string, rebuild = false): void {
    this.log.debug(`Azure data reset: ${reason}`);
    this.listing = undefined;
    if (rebuild) {
      const old = this.current;
      this.current = undefined;
      old?.then((a) => a.dispose(), () => undefined);
    }
    this.changed.fire();
  }

  /** Settings changed what we sign in to: rebuild access, re-check the sign-in silently. */
  async settingsChanged(): Promise<void> {
    this.reset('settings changed', true);
    await this.restore();
  }

  dispose(): void {
    this.current?.then((a) => a.dispose(), () => undefined);
    for (const d of this.disposables) d.dispose();
  }

  private usesVsCodeAccounts(): boolean {
    const selection = this.config.cloudSelection();
    return selection.name !== 'Emulator' && this.config.authentication() === 'vscode';
  }

  private setState(state: 'signedIn' | 'signedOut'): void {
    if (this.state === state) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', 'keyless.signedIn', state === 'signedIn');
    this.changed.fire();
  }

  private async resolve(): Promise<{ cloud: AzureCloud; access: AzureAccess }> {
    this.current ??= this.build();
    this.current.catch(() => (this.current = undefined));
    const access = await this.current;
    return { cloud: access.cloud, access };
  }

  private async build(): Promise<AzureAccess> {
    const selection = this.config.cloudSelection();
    const { cloudFor } = await import('../azure/clouds');
    const { createAzureAccess } = await import('../azure/access');
    const ca = selection.emulator?.caPath ? await readFile(selection.emulator.caPath, 'utf8') : undefined;
    const cloud = await cloudFor(selection.name, selection.emulator ? { endpoint: selection.emulator.endpoint, ca: ca ?? '' } : undefined);
    const credentialFactory = await this.credentialFactory(cloud);
    this.log.info(
      `Using ${cloud.name} (${cloud.resourceManagerEndpoint}) with ${cloud.name === 'Emulator' ? 'emulator tokens' : this.config.authentication()} sign-in` +
        (cloud.name !== 'Emulator' && this.config.authentication() === 'vscode' ? ` through provider ${authProviderId(cloud.name)}` : ''),
    );
    return createAzureAccess({ cloud, credentialFactory });
  }

  private async credentialFactory(cloud: AzureCloud): Promise<CredentialFactory> {
    const { createCliCredentialFactory, createEmulatorCredentialFactory } = await import('../azure/credentials');
    if (cloud.name === 'Emulator') {
      const oid = this.config.emulatorObjectId();
      return createEmulatorCredentialFactory(oid ? { oid } : {});
    }
    const kind = this.config.authentication();
    return kind === 'vscode' ? createVsCodeCredentialFactory(cloud) : createCliCredentialFactory(kind);
  }
}
