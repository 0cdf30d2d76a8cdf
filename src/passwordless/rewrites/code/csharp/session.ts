/**
 * One rewrite of one C# construction: collects its edits, the credential expression (a new DefaultAzureCredential,
 * the user-assigned variant, or a token-credential variable already in scope), the endpoint expression and the
 * settings it reads, and turns them into a Fix with its usings.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { identityPackages } from '../../dependencies/packages';
import type { Fix, RewriteInput, SettingRef, TextEdit } from '../../model';
import { CLIENT_ID_ENV, serviceEndpoints } from '../../settings';
// One reading of connection strings for every rewriter; the Python one also turns away local emulators.
import { endpointFromConnectionString } from '../../connectionStrings';
import { argumentsOf, type CsArgument, type CsDocument, escapeString, stringValue } from './document';
import { credentialInScope } from './scope';
import { CsUsings } from './usings';

/** An endpoint as code: a C# string expression, and the literal value when the code showed it. */
export interface EndpointCode {
  code: string;
  literal?: string;
  /** Event Hubs: the hub a literal connection string names. */
  entityPath?: string;
}

export class CsRewrite {
  readonly usings: CsUsings;
  readonly args: CsArgument[];
  private readonly edits: TextEdit[] = [];
  private readonly settings: SettingRef[] = [];
  private reusedCredential?: string;
  private freshCredential = false;

  constructor(
    readonly doc: CsDocument,
    readonly site: Node,
    readonly input: RewriteInput,
  ) {
    this.usings = new CsUsings(doc);
    this.args = argumentsOf(site);
  }

  get hasNamedArguments(): boolean {
    return this.args.some((a) => a.name !== undefined);
  }

  replace(node: { startIndex: number; endIndex: number }, newText: string): void {
    this.edits.push({ start: node.startIndex, end: node.endIndex, newText });
  }

  /** Replaces the arguments from..to (inclusive) with new argument texts, keeping the separators around them. */
  replaceArguments(from: number, to: number, texts: readonly string[]): void {
    const first = this.args[from]!;
    const last = this.args[to]!;
    this.edits.push({ start: first.node.startIndex, end: last.node.endIndex, newText: texts.join(this.argumentSeparator()) });
  }

  /** `, ` — or a line break and the arguments' indentation when the call puts its first argument on its own line. */
  argumentSeparator(): string {
    const first = this.args[0];
    const open = this.site.childForFieldName('arguments') ?? this.site.namedChildren.find((c) => c?.type === 'argument_list');
    if (!first || !open || !this.doc.text.slice(open.startIndex, first.node.startIndex).includes('\n')) return ', ';
    const lineStart = this.doc.text.lastIndexOf('\n', first.node.startIndex - 1) + 1;
    return `,${this.doc.newline}${this.doc.text.slice(lineStart, first.node.startIndex)}`;
  }

  /** A credential variable in scope, else a new DefaultAzureCredential (the user-assigned variant when asked). */
  credential(): string {
    const reused = credentialInScope(this.site);
    if (reused) return (this.reusedCredential = reused);
    return this.newCredential();
  }

  /** Always a new DefaultAzureCredential: what replaces a secret credential itself. */
  newCredential(): string {
    this.freshCredential = true;
    this.usings.need('Azure.Identity');
    if (this.input.options.identity !== 'userAssigned') return 'new DefaultAzureCredential()';
    return `new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ${this.envRead(CLIENT_ID_ENV)} })`;
  }

  envRead(name: string): string {
    this.usings.needSystem();
    return `Environment.GetEnvironmentVariable(${this.doc.string(name)})`;
  }

  /**
   * The endpoint in place of a connection-string argument: the literal a visible connection string names; else the
   * service's endpoint setting, read from the same configuration object when the code read configuration, else from
   * the environment. Undefined when a visible string names no endpoint.
   */
  endpoint(service: ServiceId, connection: Node): EndpointCode | undefined {
    const source = this.doc.sourceOf(connection);
    if (source.kind === 'literal') {
      const found = endpointFromConnectionString(service, source.value);
      return found && { code: this.doc.string(found.endpoint), literal: found.endpoint, entityPath: found.entityPath };
    }
    return { code: this.endpointSetting(service, source.kind === 'config' ? source.receiver : undefined) };
  }

  /** The service's endpoint setting read from configuration (`receiver["NAME"]`) or the environment. */
  endpointSetting(service: ServiceId, configuration?: string): string {
    const setting = serviceEndpoints[service];
    if (!setting) throw new Error(`No endpoint setting for ${service}.`);
    if (!this.settings.some((s) => s.name === setting.env)) this.settings.push({ name: setting.env, description: setting.description });
    return configuration ? `${configuration}[${this.doc.string(setting.env)}]` : this.envRead(setting.env);
  }

  /** `new Uri(endpoint)`, or with path segments (argument expressions; plain literals are written into the URL). */
  uri(endpoint: EndpointCode, segments: readonly Node[] = []): string {
    this.usings.needSystem();
    if (segments.length === 0) return `new Uri(${endpoint.code})`;
    if (endpoint.literal === undefined) throw new Error('Path segments need a literal endpoint.');
    const literals = segments.map((s) => (s.type === 'string_literal' ? stringValue(s) : undefined));
    if (literals.every((v) => v !== undefined)) return `new Uri(${this.doc.string([endpoint.literal, ...literals].join('/'))})`;
    const holes = segments.map((s, i) => (literals[i] !== undefined ? escapeInterpolated(literals[i]) : `{${holeExpression(s)}}`));
    return `new Uri($"${escapeInterpolated(endpoint.literal)}/${holes.join('/')}")`;
  }

  finish(): Fix | undefined {
    const identity = this.input.options.identity;
    // A reused variable decides the identity itself: the user-assigned variant would be the same code.
    if (this.reusedCredential && !this.freshCredential && identity === 'userAssigned') return undefined;
    const edits = [...this.edits, ...this.usings.edits()].filter((e) => e.newText !== this.doc.text.slice(e.start, e.end));
    if (edits.length === 0) return undefined;
    const settings = [...this.settings];
    if (identity === 'userAssigned' && this.freshCredential) settings.unshift({ name: CLIENT_ID_ENV, description: 'the client ID of the user-assigned managed identity' });
    const reads = this.settings.map((s) => s.name).join(', ');
    const base = this.reusedCredential && !this.freshCredential ? `Use the credential in ${this.reusedCredential}` : 'Use DefaultAzureCredential';
    const title =
      identity === 'userAssigned'
        ? `Use a user-assigned managed identity (${[CLIENT_ID_ENV, ...(reads ? [`reads ${reads}`] : [])].join('; ')})`
        : `${base}${reads ? ` (reads ${reads})` : ''}`;
    return { ruleId: this.input.finding.ruleId, title, identity, edits, settings, requires: this.freshCredential ? [identityPackages.nuget] : [] };
  }
}

/** Storage container and queue names are URL-safe by the service's rules; a blob name may need escaping. */
export function urlSafe(value: string): boolean {
  return /^[A-Za-z0-9._~/-]*$/.test(value);
}

function escapeInterpolated(value: string): string {
  return escapeString(value).replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** An expression inside `{…}`: simple names stay as they are, anything else is parenthesised (a `:` would read as a format). */
function holeExpression(node: Node): string {
  return /^(identifier|member_access_expression|invocation_expression|element_access_expression|this_expression)$/.test(node.type) && !node.text.includes(':')
    ? node.text
    : `(${node.text})`;
}
