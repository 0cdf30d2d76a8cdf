/**
 * One Go rewrite: its edits, the credential variable (one already in scope, else `cred, err :=
 * azidentity.NewDefaultAzureCredential(nil)` inserted before the statement with the function's own error handling,
 * under names that compile there), the endpoint expression and the settings it reads; then what Go demands of the
 * result: locals and imports left unused are removed (else no fix), and the imports it needs are added in gofmt order.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { identityPackages } from '../../dependencies/packages';
import type { Fix, TextEdit } from '../../model';
import { CLIENT_ID_ENV } from '../../settings';
import type { EndpointCode } from '../connectionEndpoint';
import { EditSession } from '../editSession';
import { declarationLines, indentAt, inside, spanOf, type Span } from '../textRanges';
import { isPure, literalValue, unwrap, type GoDocument } from './document';
import { errorHandling } from './errors';
import { goImportEdits } from './imports';

const identityPath = 'github.com/Azure/azure-sdk-for-go/sdk/azidentity';
/** Standard-library packages the rewritten code may call (os.Getenv, strings.TrimSuffix). */
const standardImports = ['os', 'strings'];
const tokenConstructors = /^azidentity\.New(DefaultAzure|ManagedIdentity|WorkloadIdentity|AzureCLI|AzureDeveloperCLI|Environment|ChainedToken)Credential$/;
const tokenParameterTypes = /^(azcore\.TokenCredential|\*azidentity\.(DefaultAzure|ManagedIdentity|WorkloadIdentity|AzureCLI|ChainedToken)Credential)$/;

export class GoRewrite extends EditSession<GoDocument> {
  private credentialName?: string;
  private reused = false;

  /** `pkg.Old(…)` → `pkg.New(…)`: only the function name changes. */
  rename(call: Node, name: string): void {
    const field = call.childForFieldName('function')?.childForFieldName('field');
    if (field) this.replace(field, name);
  }

  /** The token-credential variable for the call: one in scope, else a new one declared (with its error handled) before the statement. */
  credential(): string | undefined {
    if (this.credentialName) return this.credentialName;
    const place = this.doc.statementOf(this.site.node);
    if (!place) return undefined;
    const inScope = credentialInScope(place.statement);
    if (inScope) {
      this.reused = true;
      this.credentialName = inScope;
      return inScope;
    }
    const names = this.doc.namesAround(place.statement);
    const fresh = (candidates: string[]) =>
      candidates.find((n) => !names.has(n)) ?? Array.from({ length: 98 }, (_, i) => `${candidates[0]}${i + 2}`).find((n) => !names.has(n))!;
    const cred = fresh(['cred', 'credential', 'azureCredential']);
    const err = errorNameFor(this.doc, place.statement, place.list) ?? fresh(['credErr']);
    const indent = indentAt(this.doc.text, place.statement.startIndex);
    const handling = errorHandling(this.doc, place.statement, err).join(`\n${indent}\t`);
    this.insert(
      place.statement.startIndex,
      `${cred}, ${err} := azidentity.NewDefaultAzureCredential(nil)\n${indent}if ${err} != nil {\n${indent}\t${handling}\n${indent}}\n${indent}`,
    );
    this.credentialName = cred;
    return cred;
  }

  /** A container, blob or queue URL: the account endpoint joined with the names (a setting's trailing slash trimmed). */
  joinPath(endpoint: EndpointCode, names: Node[]): string {
    // Literal names merge into the literal next to them; other names join with "/".
    const parts: string[] = endpoint.literal !== undefined ? [this.doc.string(endpoint.literal)] : [`strings.TrimSuffix(${endpoint.code}, "/")`];
    const literalEnd = () => (parts.length > 0 && /^"/.test(parts[parts.length - 1]!) ? parts.length - 1 : -1);
    const append = (text: string) => {
      const at = literalEnd();
      if (at >= 0) parts[at] = this.doc.string(`${JSON.parse(parts[at]!)}${text}`);
      else parts.push(this.doc.string(text));
    };
    for (const name of names) {
      const literal = literalValue(unwrap(name));
      append(literal !== undefined ? `/${literal}` : '/');
      if (literal === undefined) parts.push(name.text);
    }
    // gofmt writes + without spaces inside a call's argument list.
    return parts.join('+');
  }

  finish(): Fix | undefined {
    const { identity } = this.input.options;
    // A credential already in scope decides the identity itself: a user-assigned variant would be the same fix.
    if (this.reused && identity === 'userAssigned') return undefined;
    const removed: Span[] = this.edits.filter((e) => e.end > e.start).map((e) => ({ start: e.start, end: e.end }));
    const cleanup = this.unusedLocals(removed);
    if (!cleanup) return undefined;
    const newText = this.edits.map((e) => e.newText).join('\n');
    const add = [...(/\bazidentity\./.test(newText) ? [identityPath] : []), ...standardImports.filter((p) => new RegExp(`\\b${p}\\.`).test(newText))];
    const drop = this.doc.imports().filter((spec) => !/^[_.]$/.test(spec.name) && this.unusedImport(spec.name, removed, newText));
    const edits = [...this.edits, ...cleanup, ...goImportEdits(this.doc, add, drop)].filter((e) => e.newText !== this.doc.text.slice(e.start, e.end));
    if (edits.length === 0) return undefined;
    const reads = this.settings.map((s) => s.name).join(', ');
    const settings = [...this.settings];
    let title: string;
    if (identity === 'userAssigned') {
      settings.unshift({ name: CLIENT_ID_ENV, description: 'the client ID of the user-assigned managed identity' });
      title = `Use a user-assigned managed identity (NewDefaultAzureCredential reads ${CLIENT_ID_ENV}${reads ? `; reads ${reads}` : ''})`;
    } else {
      title = `${this.reused ? `Use the credential in ${this.credentialName}` : 'Use DefaultAzureCredential'}${reads ? ` (reads ${reads})` : ''}`;
    }
    return { ruleId: this.input.finding.ruleId, title, identity, edits, settings, requires: [identityPackages.go] };
  }

  /**
   * Go rejects unused locals: a local whose every use the edits removed goes too when its value is only data (a
   * literal, an environment read, a key credential); one that cannot go (a call's second result) means no fix.
   */
  private unusedLocals(removed: Span[]): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const seen = new Set<number>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const identifier of this.doc.root.descendantsOfType('identifier')) {
        if (!identifier || !inside(removed, spanOf(identifier))) continue;
        const declaration = this.doc.declarationOf(identifier);
        if (declaration?.kind !== 'local' || seen.has(declaration.statement.startIndex) || inside(removed, spanOf(declaration.statement))) continue;
        if (!this.doc.usesOf(declaration).every((use) => inside(removed, spanOf(use)))) continue;
        seen.add(declaration.statement.startIndex);
        if (declaration.names !== 1 || !declaration.value || !isPure(declaration.value)) return undefined;
        const span = declarationLines(this.doc.text, declaration.statement);
        removed.push(span);
        edits.push({ ...span, newText: '' });
        changed = true;
      }
    }
    return edits;
  }

  private unusedImport(name: string, removed: Span[], newText: string): boolean {
    if (new RegExp(`\\b${name}\\.`).test(newText)) return false;
    const uses = this.doc.root.descendantsOfType(['identifier', 'package_identifier']).filter((n) => n?.text === name && n.parent?.type !== 'import_spec');
    return uses.length > 0 && uses.every((n) => !!n && inside(removed, spanOf(n)));
  }
}

/** A variable declared before the statement (in an enclosing block) from an azidentity token constructor, or a token-credential parameter. */
function credentialInScope(statement: Node): string | undefined {
  let child: Node = statement;
  for (let scope = statement.parent; scope; child = scope, scope = scope.parent) {
    if (scope.type === 'statement_list') {
      let found: string | undefined;
      for (const earlier of scope.namedChildren) {
        if (!earlier || earlier.startIndex >= child.startIndex) break;
        if (earlier.type !== 'short_var_declaration' && earlier.type !== 'assignment_statement') continue;
        const value = earlier.childForFieldName('right')?.namedChildren[0];
        const callee = value?.type === 'call_expression' ? value.childForFieldName('function')?.text.replace(/\s+/g, '') : undefined;
        const name = earlier.childForFieldName('left')?.namedChildren[0]?.text;
        if (callee && tokenConstructors.test(callee) && name && name !== '_') found = name;
      }
      if (found) return found;
    } else if (scope.type === 'function_declaration' || scope.type === 'method_declaration' || scope.type === 'func_literal') {
      for (const parameter of scope.childForFieldName('parameters')?.namedChildren ?? []) {
        if (tokenParameterTypes.test(parameter?.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '')) return parameter?.childForFieldName('name')?.text;
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * `err` when `cred, err :=` compiles before the statement and changes no other err: err is new here or declared in
 * this same block, and a `x, err :=` statement keeps a new name of its own. Undefined: use a fresh name.
 */
function errorNameFor(doc: GoDocument, statement: Node, list: Node): string | undefined {
  const declared = doc.declarationOfName('err', statement);
  const body = list.parent?.parent;
  const sameBlock =
    (declared?.kind === 'local' && (declared.statement.parent?.startIndex === list.startIndex || declared.statement.parent?.parent?.startIndex === list.startIndex)) ||
    (declared?.kind === 'parameter' && body?.childForFieldName('body')?.startIndex === list.parent?.startIndex);
  if (sameBlock) return 'err';
  const left = statement.type === 'short_var_declaration' ? (statement.childForFieldName('left')?.namedChildren ?? []) : [];
  const declaresErr = left.some((n) => n?.text === 'err');
  if (declaresErr) {
    // After `cred, err :=` here, `x, err :=` needs another new name.
    const others = left.filter((n): n is Node => !!n && n.text !== 'err' && n.text !== '_');
    return others.some((n) => doc.declarationOfName(n.text, statement)?.statement.parent?.startIndex !== list.startIndex) ? 'err' : undefined;
  }
  return declared && declared.kind !== 'package' ? undefined : 'err';
}
