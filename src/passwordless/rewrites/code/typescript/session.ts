/**
 * One rewrite of one call: collects its edits, the credential expression (a fresh DefaultAzureCredential, the
 * user-assigned variant, or a token-credential variable already in scope), the endpoint expression and the settings
 * it reads, and turns them into a Fix with its imports.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { classifyNode } from '../../../scanner/credentials';
import { profiles, type CallSite } from '../../../scanner/syntax';
import { identityPackages } from '../../dependencies/packages';
import type { Fix, PackageRef, RewriteInput, SettingRef, TextEdit } from '../../model';
import { CLIENT_ID_ENV, serviceEndpoints } from '../../settings';
import { endpointFromConnectionString, type ConnectionEndpoint } from '../../connectionStrings';
import { indentAt, type TsDocument } from './document';
import { ImportPlan } from './imports';

export const identityPackage: PackageRef = identityPackages.npm;
const identityModule = identityPackage.name;

/** Constructors that wrap a key or secret: a rewrite that removes their last use also removes their import. */
const secretClasses = new Set(['ClientSecretCredential', 'StorageSharedKeyCredential', 'AzureNamedKeyCredential', 'AzureKeyCredential', 'AzureSasCredential']);
/** Token credentials worth reusing when a variable in scope already holds one. */
const tokenClasses =
  /^(DefaultAzureCredential|ManagedIdentityCredential|WorkloadIdentityCredential|ChainedTokenCredential|AzureCliCredential|AzureDeveloperCliCredential|EnvironmentCredential)$/;

export interface EndpointCode extends Partial<ConnectionEndpoint> {
  code: string;
}

export class TsRewrite {
  readonly imports: ImportPlan;
  private readonly edits: TextEdit[] = [];
  private readonly settings: SettingRef[] = [];
  private reusedCredential?: string;
  private freshCredential = false;

  constructor(
    readonly doc: TsDocument,
    readonly site: CallSite,
    readonly input: RewriteInput,
  ) {
    this.imports = new ImportPlan(doc, input.fileName);
  }

  get args(): Node[] {
    return this.site.args.map((a) => a.value);
  }

  replace(node: Node | { startIndex: number; endIndex: number }, newText: string): void {
    this.edits.push({ start: node.startIndex, end: node.endIndex, newText });
    if ('descendantsOfType' in node) for (const name of node.descendantsOfType('identifier')) if (name && secretClasses.has(name.text)) this.imports.drop(name.text);
  }

  insert(at: number, newText: string): void {
    this.edits.push({ start: at, end: at, newText });
  }

  push(edit: TextEdit): void {
    this.edits.push(edit);
  }

  /** The argument that is a key or secret credential (`new AzureKeyCredential(key)`), if one is. */
  secretArgument(): Node | undefined {
    return this.args.find((arg) => classifyNode(arg, profiles.typescript) === 'secret');
  }

  /** Replace the secret credential argument, or the one at `position` (appending when the call stops short of it). */
  replaceCredentialArgument(position?: number): boolean {
    const target = this.secretArgument() ?? (position !== undefined ? this.args[position] : undefined);
    if (target) this.replace(target, this.credential());
    else if (position !== undefined && position === this.args.length && position > 0) {
      const last = this.args[position - 1]!;
      this.insert(last.endIndex, `${this.separatorAt(last)}${this.credential()}`);
    }
    else return false;
    return true;
  }

  /** The credential to pass: a token-credential variable in scope, else a new DefaultAzureCredential. */
  credential(): string {
    const inScope = credentialInScope(this.site.node);
    if (inScope) {
      this.reusedCredential = inScope;
      return inScope;
    }
    return this.newCredential();
  }

  /** A new DefaultAzureCredential, told the client ID for a user-assigned identity. */
  newCredential(): string {
    this.freshCredential = true;
    const constructor = this.imports.use(identityModule, 'DefaultAzureCredential');
    return this.input.options.identity === 'userAssigned'
      ? `new ${constructor}({ managedIdentityClientId: ${this.doc.envRead(CLIENT_ID_ENV, false)} })`
      : `new ${constructor}()`;
  }

  /** The endpoint in place of a connection string: derived from a visible literal, else read from the environment. */
  endpoint(service: ServiceId, connectionString: Node): EndpointCode | undefined {
    const source = this.doc.sourceOf(connectionString);
    if (source.kind === 'literal') {
      const target = endpointFromConnectionString(service, source.value);
      return target ? { ...target, code: this.doc.string(target.endpoint) } : undefined;
    }
    return { code: this.endpointFromEnvironment(service) };
  }

  endpointFromEnvironment(service: ServiceId): string {
    const setting = serviceEndpoints[service];
    if (!setting) throw new Error(`No endpoint setting for ${service}.`);
    this.readsSetting({ name: setting.env, description: setting.description });
    return this.doc.envRead(setting.env, true);
  }

  readsSetting(setting: SettingRef): void {
    if (!this.settings.some((s) => s.name === setting.name)) this.settings.push(setting);
  }

  /** What separates arguments where this one stands: ", " or, in a list with one argument a line, ",\n<indent>". */
  separatorAt(arg: Node): string {
    const lineStart = this.doc.text.lastIndexOf('\n', arg.startIndex - 1) + 1;
    const ownLine = /^[ \t]*$/.test(this.doc.text.slice(lineStart, arg.startIndex));
    return ownLine ? `,\n${indentAt(this.doc.text, arg.startIndex)}` : ', ';
  }

  finish(): Fix | undefined {
    const identity = this.input.options.identity;
    // A reused variable decides the identity itself: the user-assigned variant would be the same code.
    if (this.reusedCredential && !this.freshCredential && identity === 'userAssigned') return undefined;
    const removed = this.edits.map((e) => ({ start: e.start, end: e.end }));
    const edits = [...this.edits, ...this.imports.edits(removed)].filter((e) => e.newText !== this.doc.text.slice(e.start, e.end));
    if (edits.length === 0) return undefined;
    const settings = [...this.settings];
    if (identity === 'userAssigned') settings.unshift({ name: CLIENT_ID_ENV, description: 'the client ID of the user-assigned managed identity' });
    const reads = this.settings.map((s) => s.name).join(', ');
    const title =
      identity === 'userAssigned'
        ? `Use a user-assigned managed identity (${[CLIENT_ID_ENV, ...(reads ? [`reads ${reads}`] : [])].join('; ')})`
        : this.reusedCredential && !this.freshCredential
          ? `Use the token credential in scope (${[this.reusedCredential, ...(reads ? [`reads ${reads}`] : [])].join('; ')})`
          : `Use DefaultAzureCredential${reads ? ` (reads ${reads})` : ''}`;
    const importsIdentity = this.imports.usedModules.has(identityModule) || this.reusedCredential !== undefined;
    return { ruleId: this.input.finding.ruleId, title, identity, edits, settings, requires: importsIdentity ? [identityPackage] : [] };
  }
}

/** The nearest variable declared before the call (in an enclosing block), holding a token credential and named like one. */
function credentialInScope(call: Node): string | undefined {
  let child: Node = call;
  for (let scope = call.parent; scope; child = scope, scope = scope.parent) {
    if (scope.type !== 'program' && scope.type !== 'statement_block') continue;
    let found: string | undefined;
    for (const statement of scope.namedChildren) {
      if (!statement || statement.startIndex >= child.startIndex) break;
      const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
      if (declaration?.type !== 'lexical_declaration' && declaration?.type !== 'variable_declaration') continue;
      for (const declarator of declaration.namedChildren) {
        const name = declarator?.childForFieldName('name');
        const value = declarator?.childForFieldName('value');
        if (name?.type !== 'identifier' || value?.type !== 'new_expression') continue;
        const constructor = value.childForFieldName('constructor')?.text.split('.').pop() ?? '';
        // Only a name the scanner reads as a credential: any other would leave the finding in place.
        if (tokenClasses.test(constructor) && classifyNode(name, profiles.typescript) === 'credential') found = name.text;
      }
    }
    if (found) return found;
  }
  return undefined;
}
