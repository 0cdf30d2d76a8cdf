/**
 * One Java rewrite: its edits, the credential expression (a new DefaultAzureCredentialBuilder chain, its user-assigned
 * variant, or a token-credential variable already in scope), the endpoint expression and the settings it reads; then
 * the clean-up a reader expects: locals and private fields left holding only a now-unused secret are removed, imports
 * of the secret credential classes go when nothing uses them, and the identity import is added once, in sorted place.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { identityPackages } from '../../dependencies/packages';
import type { Fix, TextEdit } from '../../model';
import { CLIENT_ID_ENV } from '../../settings';
import { EditSession } from '../editSession';
import { declarationLines, indentAt, inside, spanOf, type Span } from '../textRanges';
import { isPure, type Declaration, type JavaDocument } from './document';
import { importEdits } from './imports';

const builderClass = 'com.azure.identity.DefaultAzureCredentialBuilder';
const credentialClass = 'com.azure.identity.DefaultAzureCredential';
/** Classes that hold a key or secret: their imports go with their last use. */
const secretClasses = ['ClientSecretCredentialBuilder', 'ClientSecretCredential', 'AzureKeyCredential', 'KeyCredential', 'StorageSharedKeyCredential', 'AzureNamedKeyCredential'];
/** Declared types whose variables already hold a token credential worth reusing. */
const tokenTypes = /^(TokenCredential|DefaultAzureCredential|ManagedIdentityCredential|WorkloadIdentityCredential|ChainedTokenCredential)$/;

export class JavaRewrite extends EditSession<JavaDocument> {
  private readonly classes = new Set<string>();
  private reused?: string;
  private fresh = false;

  /** Replace `name(args)` of the matched method call, keeping its receiver chain: `.connectionString(cs)` → `.endpoint(…)…`. */
  replaceCall(newText: string): void {
    this.replace({ start: this.site.calleeNode.startIndex, end: this.site.node.endIndex }, newText);
  }

  /** Between two calls of the rewritten chain: a new line when the chain already puts one call per line. */
  get chainDot(): string {
    const { text } = this.doc;
    const dot = text.lastIndexOf('.', this.site.calleeNode.startIndex);
    const lineStart = text.lastIndexOf('\n', dot - 1) + 1;
    return /\S/.test(text.slice(lineStart, dot)) ? '.' : `\n${indentAt(text, dot)}.`;
  }

  /** Declared type `StorageSharedKeyCredential x` → `DefaultAzureCredential x` (var and TokenCredential stay). */
  retype(type: Node | undefined): void {
    if (!type || type.text === 'var' || tokenTypes.test(type.text)) return;
    this.classes.add(credentialClass);
    this.replace(type, 'DefaultAzureCredential');
  }

  /** A token-credential variable in scope, else a new DefaultAzureCredential. */
  credential(at: Node = this.site.node): string {
    const inScope = credentialInScope(at);
    if (inScope) {
      this.reused = inScope;
      return inScope;
    }
    return this.newCredential();
  }

  newCredential(): string {
    this.fresh = true;
    this.classes.add(builderClass);
    return this.input.options.identity === 'userAssigned'
      ? `new DefaultAzureCredentialBuilder().managedIdentityClientId(System.getenv("${CLIENT_ID_ENV}")).build()`
      : 'new DefaultAzureCredentialBuilder().build()';
  }

  finish(): Fix | undefined {
    const { identity } = this.input.options;
    // A reused variable decides the identity itself: a user-assigned variant would be the same code.
    if (this.reused && !this.fresh && identity === 'userAssigned') return undefined;
    const removed: Span[] = this.edits.map((e) => ({ start: e.start, end: e.end }));
    const cleanup = [...this.unusedDeclarations(removed)];
    const added = [...this.classes].filter((c) => !this.doc.imported(c));
    const dropped = this.doc.imports().filter((i) => secretClasses.includes(i.name.slice(i.name.lastIndexOf('.') + 1)) && !this.usedOutside(i.name.slice(i.name.lastIndexOf('.') + 1), removed));
    const edits = [...this.edits, ...cleanup, ...importEdits(this.doc, added, dropped)].filter((e) => e.newText !== this.doc.text.slice(e.start, e.end));
    if (edits.length === 0) return undefined;
    const settings = [...this.settings];
    if (identity === 'userAssigned') settings.unshift({ name: CLIENT_ID_ENV, description: 'the client ID of the user-assigned managed identity' });
    const reads = this.settings.map((s) => s.name).join(', ');
    const title =
      identity === 'userAssigned'
        ? `Use a user-assigned managed identity (${[CLIENT_ID_ENV, ...(reads ? [`reads ${reads}`] : [])].join('; ')})`
        : `${this.reused && !this.fresh ? `Use the credential in ${this.reused}` : 'Use DefaultAzureCredential'}${reads ? ` (reads ${reads})` : ''}`;
    return { ruleId: this.input.finding.ruleId, title, identity, edits, settings, requires: [identityPackages.maven] };
  }

  /** Locals and private fields whose every use the edits removed, holding only literals or environment reads: gone too. */
  private *unusedDeclarations(removed: Span[]): Generator<TextEdit> {
    for (let changed = true; changed; ) {
      changed = false;
      for (const identifier of this.doc.root.descendantsOfType('identifier')) {
        if (!identifier || !inside(removed, spanOf(identifier))) continue;
        const declaration = this.doc.declarationOf(identifier);
        if (!declaration || !removable(declaration) || inside(removed, spanOf(declaration.statement))) continue;
        if (!this.doc.usesOf(declaration).every((use) => inside(removed, spanOf(use)))) continue;
        const span = declarationLines(this.doc.text, declaration.statement);
        removed.push(span);
        changed = true;
        yield { ...span, newText: '' };
      }
    }
  }

  private usedOutside(name: string, removed: Span[]): boolean {
    return this.doc.root
      .descendantsOfType(['identifier', 'type_identifier'])
      .some((n) => !!n && n.text === name && n.parent?.type !== 'scoped_identifier' && !inside(removed, spanOf(n)));
  }
}

function removable(declaration: Declaration): boolean {
  if (declaration.statement.childrenForFieldName('declarator').length !== 1 || !declaration.value || !isPure(declaration.value)) return false;
  return declaration.local || /\bprivate\b/.test(declaration.modifiers);
}

function isStatic(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.type === 'method_declaration' || current.type === 'field_declaration') return /\bstatic\b/.test(current.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '');
    if (current.type === 'static_initializer') return true;
    if (current.type === 'class_body') return false;
  }
  return false;
}

/** The nearest local or field declared before the call that holds a token credential (static context: static fields only). */
function credentialInScope(at: Node): string | undefined {
  const staticContext = isStatic(at);
  let child: Node = at;
  for (let scope = at.parent; scope; child = scope, scope = scope.parent) {
    const isBlock = scope.type === 'block' || scope.type === 'constructor_body';
    if (!isBlock && scope.type !== 'class_body') continue;
    let found: string | undefined;
    for (const statement of scope.namedChildren) {
      if (!statement || statement.startIndex >= child.startIndex) break;
      const kind = statement.type;
      if (kind !== 'local_variable_declaration' && kind !== 'field_declaration') continue;
      if (kind === 'field_declaration' && staticContext && !isStatic(statement)) continue;
      const type = statement.childForFieldName('type')?.text ?? '';
      for (const declarator of statement.childrenForFieldName('declarator')) {
        const value = declarator?.childForFieldName('value')?.text ?? '';
        if (tokenTypes.test(type) || (type === 'var' && /new\s+(DefaultAzureCredentialBuilder|ManagedIdentityCredentialBuilder)\s*\(/.test(value))) {
          found = declarator?.childForFieldName('name')?.text ?? found;
        }
      }
    }
    if (found) return found;
  }
  return undefined;
}
