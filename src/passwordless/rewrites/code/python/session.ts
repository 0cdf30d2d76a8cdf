/**
 * One rewrite of one Python call: collects its edits, the credential expression (a fresh DefaultAzureCredential, the
 * user-assigned variant, or a token-credential variable already in scope), the endpoint expression and the settings
 * it reads, and turns them into a Fix with its imports.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { identityPackages } from '../../dependencies/packages';
import type { Fix, PackageRef, RewriteInput, SettingRef, TextEdit } from '../../model';
import { classifyNode } from '../../../scanner/credentials';
import { profiles } from '../../../scanner/syntax';
import { CLIENT_ID_ENV, serviceEndpoints } from '../../settings';
import { endpointFromConnectionString } from '../../connectionStrings';
import { argumentsOf, indentAt, type PyArgument, type PyDocument } from './document';
import { PyImports } from './imports';

export const identityPackage: PackageRef = identityPackages.pypi;

/** Classes that wrap a key or secret: a rewrite that removes their last use also removes their import. */
const secretClasses = new Set(['ClientSecretCredential', 'AzureNamedKeyCredential']);
/** Token credentials worth reusing when a variable in scope already holds one. */
const tokenClasses =
  /^(DefaultAzureCredential|ManagedIdentityCredential|WorkloadIdentityCredential|ChainedTokenCredential|AzureCliCredential|AzureDeveloperCliCredential|EnvironmentCredential)$/;

export interface EndpointCode {
  code: string;
  entityPath?: string;
}

export class PyRewrite {
  readonly imports: PyImports;
  readonly args: PyArgument[];
  private readonly edits: TextEdit[] = [];
  private readonly settings: SettingRef[] = [];
  private reusedCredential?: string;
  private freshCredential = false;
  /** Set when the rewrite needs a name the file binds to something else (then there is no fix). */
  private conflict = false;

  constructor(
    readonly doc: PyDocument,
    readonly call: Node,
    readonly input: RewriteInput,
  ) {
    this.imports = new PyImports(doc, call.startIndex);
    this.args = argumentsOf(call);
  }

  get callee(): Node {
    return this.call.childForFieldName('function')!;
  }

  identityModule(async: boolean): string {
    return async ? 'azure.identity.aio' : 'azure.identity';
  }

  replace(node: Node | { startIndex: number; endIndex: number }, newText: string): void {
    this.edits.push({ start: node.startIndex, end: node.endIndex, newText });
    if ('descendantsOfType' in node) for (const name of node.descendantsOfType('identifier')) if (name && secretClasses.has(name.text)) this.imports.drop(name.text);
  }

  /** Appends arguments after the last one, on their own lines when the call already puts arguments on their own lines. */
  appendArguments(texts: readonly string[]): void {
    if (texts.length === 0) return;
    const last = this.args[this.args.length - 1];
    const list = this.call.childForFieldName('arguments')!;
    if (!last) {
      this.edits.push({ start: list.endIndex - 1, end: list.endIndex - 1, newText: texts.join(', ') });
      return;
    }
    const { text } = this.doc;
    const ownLines = text.slice(list.startIndex, last.node.startIndex).includes('\n');
    const separator = ownLines ? `,\n${indentAt(text, last.node.startIndex)}` : ', ';
    this.edits.push({ start: last.node.endIndex, end: last.node.endIndex, newText: `${separator}${texts.join(separator)}` });
  }

  /** `name=…` or the positional argument at `index`. */
  argument(name: string, index?: number): PyArgument | undefined {
    const keyword = this.args.find((a) => a.keyword === name);
    if (keyword) return keyword;
    if (index === undefined) return undefined;
    const positional = this.args.filter((a) => !a.keyword && !a.splat);
    const candidate = positional[index];
    return candidate && this.args.indexOf(candidate) === index ? candidate : undefined;
  }

  hasSplat(kind?: 'list' | 'dictionary'): boolean {
    return this.args.some((a) => a.splat !== undefined && (kind === undefined || a.splat === kind));
  }

  envRead(name: string): string {
    return `${this.imports.os()}.environ[${this.doc.string(name)}]`;
  }

  /**
   * The endpoint code for a connection-string argument: a literal endpoint when the code shows the connection string,
   * else the service's endpoint setting read from the environment. Undefined when a visible string names no endpoint.
   */
  endpointFor(service: ServiceId, connection: Node): EndpointCode | undefined {
    const source = this.doc.sourceOf(connection);
    if (source.kind === 'literal') {
      const found = endpointFromConnectionString(service, source.value);
      return found && { code: this.doc.string(found.endpoint), entityPath: found.entityPath };
    }
    return { code: this.endpointFromEnvironment(service) };
  }

  endpointFromEnvironment(service: ServiceId): string {
    const setting = serviceEndpoints[service];
    if (!setting) throw new Error(`No endpoint setting for ${service}.`);
    if (!this.settings.some((s) => s.name === setting.env)) this.settings.push({ name: setting.env, description: setting.description });
    return this.envRead(setting.env);
  }

  /** A credential variable in scope, else a fresh DefaultAzureCredential (the user-assigned variant when asked). */
  credential(async: boolean): string | undefined {
    const module = this.identityModule(async);
    const reused = this.credentialInScope(module);
    if (reused) {
      this.imports.usedModules.add(module);
      return (this.reusedCredential = reused);
    }
    return this.newCredential(async);
  }

  /** Always a new DefaultAzureCredential (what replaces a secret credential itself); `extra` are its other arguments. */
  newCredential(async: boolean, extra: readonly string[] = []): string | undefined {
    const name = this.use(this.identityModule(async), 'DefaultAzureCredential');
    if (!name) return undefined;
    this.freshCredential = true;
    const args = this.input.options.identity === 'userAssigned' ? [`managed_identity_client_id=${this.envRead(CLIENT_ID_ENV)}`, ...extra] : extra;
    return `${name}(${args.join(', ')})`;
  }

  use(module: string, name: string): string | undefined {
    const local = this.imports.use(module, name);
    if (!local) this.conflict = true;
    return local;
  }

  finish(title?: string): Fix | undefined {
    const identity = this.input.options.identity;
    if (this.conflict) return undefined;
    // A reused variable decides the identity itself: the user-assigned variant would be the same code.
    if (this.reusedCredential && !this.freshCredential && identity === 'userAssigned') return undefined;
    const removed = this.edits.map((e) => ({ start: e.start, end: e.end }));
    const edits = [...this.edits, ...this.imports.edits(removed)].filter((e) => e.newText !== this.doc.text.slice(e.start, e.end));
    if (edits.length === 0) return undefined;
    const settings = [...this.settings];
    if (identity === 'userAssigned' && this.freshCredential) settings.unshift({ name: CLIENT_ID_ENV, description: 'the client ID of the user-assigned managed identity' });
    const reads = this.settings.map((s) => s.name).join(', ');
    const base = title ?? (this.reusedCredential && !this.freshCredential ? `Use the credential in ${this.reusedCredential}` : 'Use DefaultAzureCredential');
    const fullTitle =
      identity === 'userAssigned'
        ? `Use a user-assigned managed identity (${[CLIENT_ID_ENV, ...(reads ? [`reads ${reads}`] : [])].join('; ')})`
        : `${base}${reads ? ` (reads ${reads})` : ''}`;
    const importsIdentity = [...this.imports.usedModules].some((m) => m.startsWith('azure.identity'));
    return { ruleId: this.input.finding.ruleId, title: fullTitle, identity, edits, settings, requires: importsIdentity ? [identityPackage] : [] };
  }

  /** True when `name` is a variable in scope holding a token credential (whatever its name says). */
  holdsTokenCredential(name: string): boolean {
    return this.credentialInScope(undefined, name) !== undefined;
  }

  /**
   * The nearest variable assigned a token credential before the call, in the enclosing functions or the module, from
   * the identity module wanted and named so that the scanner reads it as a credential (else the result is flagged again).
   */
  private credentialInScope(module: string | undefined, only?: string): string | undefined {
    let child: Node = this.call;
    for (let scope = this.call.parent; scope; child = scope, scope = scope.parent) {
      const isFunctionBody = scope.type === 'block' && scope.parent?.type === 'function_definition';
      if (scope.type !== 'module' && !isFunctionBody) continue;
      let found: string | undefined;
      for (const statement of scope.namedChildren) {
        if (!statement || statement.startIndex >= child.startIndex) break;
        const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
        if (assignment?.type !== 'assignment') continue;
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right');
        if (left?.type !== 'identifier' || right?.type !== 'call' || (only !== undefined && left.text !== only)) continue;
        const className = right.childForFieldName('function')?.text.split('.').pop() ?? '';
        if (!tokenClasses.test(className)) continue;
        if (only !== undefined) found = left.text;
        else if ((this.doc.moduleOf(className) ?? 'azure.identity') === module && classifyNode(left, profiles.python) === 'credential') found = left.text;
      }
      if (found) return found;
    }
    return undefined;
  }
}
