import * as vscode from 'vscode';
import type { CloudName } from './azure/clouds';
import { selectCloud, type CloudSelection } from './azure/cloudSelection';
import { chooseFilter, type FilterSource } from './core/subscriptionFilter';
import type { IdentityChoice } from './passwordless/rewrites/model';
import type { LanguageId } from './passwordless/types';

export type AuthenticationKind = 'vscode' | 'azureCli' | 'azureDeveloperCli';

const SECTION = 'keyless';
const AZURE_RESOURCES_FILTER = 'azureResourceGroups.selectedSubscriptions';
const SOVEREIGN = 'microsoft-sovereign-cloud';

/** The only reader (and writer) of settings. */
export class Config {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  private get section() {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** A setting's value only when the user set it somewhere; defaults do not count (so the environment can decide). */
  private explicit<T>(key: string): T | undefined {
    const i = this.section.inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  }

  /** Throws, in words, when the settings contradict each other (Emulator chosen without an endpoint). */
  cloudSelection(): CloudSelection {
    return selectCloud(
      {
        cloud: this.explicit<string>('cloud'),
        emulatorEndpoint: this.section.get<string>('emulator.endpoint'),
        emulatorCaPath: this.section.get<string>('emulator.caPath'),
      },
      this.env,
    );
  }

  authentication(): AuthenticationKind {
    const value = this.section.get<string>('authentication');
    return value === 'azureCli' || value === 'azureDeveloperCli' ? value : 'vscode';
  }

  /** Object id the Emulator cloud puts in its tokens (KEYLESS_EMULATOR_OID); undefined = the fixed developer id. */
  emulatorObjectId(): string | undefined {
    return this.env.KEYLESS_EMULATOR_OID?.trim() || undefined;
  }

  /** How the tree groups identities under a subscription (keyless.tree.groupBy). */
  treeGroupBy(): 'none' | 'resourceGroup' | 'location' {
    const value = this.section.get<string>('tree.groupBy');
    return value === 'resourceGroup' || value === 'location' ? value : 'none';
  }

  /** Whether the tree loads subscriptions through Azure Resource Graph (keyless.tree.useResourceGraph, default on). */
  treeUsesResourceGraph(): boolean {
    return this.section.get<boolean>('tree.useResourceGraph') !== false;
  }

  subscriptionFilter(): { source: FilterSource; entries: string[] } {
    return chooseFilter(
      this.section.get<string[]>('selectedSubscriptions'),
      vscode.workspace.getConfiguration().get<string[]>(AZURE_RESOURCES_FILTER),
    );
  }

  async setSelectedSubscriptions(entries: string[]): Promise<void> {
    await this.section.update('selectedSubscriptions', entries, vscode.ConfigurationTarget.Global);
  }

  async setCloud(name: CloudName, emulator?: { endpoint: string; caPath?: string }): Promise<void> {
    await this.section.update('cloud', name, vscode.ConfigurationTarget.Global);
    if (emulator) {
      await this.section.update('emulator.endpoint', emulator.endpoint, vscode.ConfigurationTarget.Global);
      if (emulator.caPath !== undefined) await this.section.update('emulator.caPath', emulator.caPath, vscode.ConfigurationTarget.Global);
    }
    // VS Code's sovereign-cloud sign-in provider reads its cloud from its own setting.
    const sovereign = { AzureChinaCloud: 'ChinaCloud', AzureUSGovernment: 'USGovernment' }[name as string];
    if (sovereign) await vscode.workspace.getConfiguration(SOVEREIGN).update('environment', sovereign, vscode.ConfigurationTarget.Global);
  }

  /** Languages the passwordless scanner runs on (keyless.passwordless.enabledLanguages); undefined = all. */
  passwordlessEnabledLanguages(): LanguageId[] | undefined {
    const value = this.section.get<string[]>('passwordless.enabledLanguages');
    return Array.isArray(value) && value.length > 0 ? (value.filter((v) => typeof v === 'string') as LanguageId[]) : undefined;
  }

  /** Severity overrides per rule id or category ("secret", "client"), values error|warning|information|hint|off. */
  passwordlessSeverityOverrides(): Record<string, string> {
    const value = this.section.get<Record<string, string>>('passwordless.severity');
    return value && typeof value === 'object' ? { ...value } : {};
  }

  /** Globs of files the passwordless scanner never reports on (keyless.passwordless.exclude). */
  passwordlessExclude(): string[] {
    const value = this.section.get<string[]>('passwordless.exclude');
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.length > 0) : [];
  }

  /** Which identity the preferred quick fix and the "Use managed identity" lens write (keyless.passwordless.identity). */
  passwordlessIdentity(): IdentityChoice {
    return this.section.get<string>('passwordless.identity') === 'userAssigned' ? 'userAssigned' : 'default';
  }

  /** Whether findings get code lenses (keyless.passwordless.codeLens). */
  passwordlessCodeLens(): boolean {
    return this.section.get<boolean>('passwordless.codeLens') !== false;
  }

  /** search.exclude globs that are on (a workspace scan honours them like the Search view). */
  searchExcludeGlobs(): string[] {
    const value = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {};
    return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
  }

  /** Fires when a keyless.passwordless.* setting changes. */
  onDidChangePasswordless(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('keyless.passwordless')) listener();
    });
  }

  /** Fires when a setting that changes what Keyless signs in to or shows changes. */
  onDidChange(listener: (what: 'signIn' | 'filter' | 'view') => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (['keyless.cloud', 'keyless.emulator', 'keyless.authentication', SOVEREIGN].some((k) => e.affectsConfiguration(k))) listener('signIn');
      else if (e.affectsConfiguration('keyless.selectedSubscriptions') || e.affectsConfiguration(AZURE_RESOURCES_FILTER)) listener('filter');
      else if (e.affectsConfiguration('keyless.tree')) listener('view');
    });
  }
}
