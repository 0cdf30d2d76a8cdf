/**
 * Imports the rewritten code needs, in the file's own module system: merged into an existing `import { … } from` or
 * `const { … } = require(…)` of the same package when there is one, else one new statement after the last import.
 * Names the rewrite stopped using (ClientSecretCredential, AzureKeyCredential…) leave their import when nothing else
 * refers to them.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../../model';
import { indentAt, requireSource, type TsDocument } from './document';

interface Specifier {
  /** The imported name and the local one (`A as B`, `A: B`). */
  name: string;
  local: string;
  text: string;
}

interface ImportStatement {
  node: Node;
  module: string;
  system: 'esm' | 'cjs';
  typeOnly: boolean;
  /** `{ … }` of named imports or of a destructuring require. */
  braces?: Node;
  specifiers: Specifier[];
  /** `import * as ns` or `const ns = require(…)`. */
  namespace?: string;
  hasDefault: boolean;
}

interface Range {
  start: number;
  end: number;
}

export class ImportPlan {
  private readonly statements: ImportStatement[];
  private readonly added = new Map<string, string[]>();
  private readonly dropped = new Set<string>();
  /** Modules the rewritten code refers to, imported before or by this plan. */
  readonly usedModules = new Set<string>();

  constructor(
    private readonly doc: TsDocument,
    private readonly fileName: string,
  ) {
    this.statements = doc.root.namedChildren.flatMap((node) => (node ? (importStatementOf(node) ?? []) : []));
  }

  /** The expression that names `name` from `module` here, importing it when the file does not yet. */
  use(module: string, name: string): string {
    this.usedModules.add(module);
    for (const statement of this.statements) {
      if (statement.module !== module || statement.typeOnly) continue;
      const specifier = statement.specifiers.find((s) => s.name === name);
      if (specifier) return specifier.local;
    }
    const namespace = this.statements.find((s) => s.module === module && s.namespace && !s.typeOnly)?.namespace;
    if (namespace) return `${namespace}.${name}`;
    const names = this.added.get(module) ?? [];
    if (!names.includes(name)) names.push(name);
    this.added.set(module, names);
    return name;
  }

  /** The rewrite removed a use of this local name: drop its import if no other reference is left. */
  drop(local: string): void {
    this.dropped.add(local);
  }

  edits(removed: readonly Range[]): TextEdit[] {
    const edits: TextEdit[] = [];
    const pending = new Map(this.added);
    for (const statement of this.statements) {
      if (!statement.braces) continue;
      const keep = statement.specifiers.filter((s) => !(this.dropped.has(s.local) && !this.referencedOutside(s.local, removed)));
      const merge = !statement.typeOnly && !statement.namespace ? (pending.get(statement.module) ?? []) : [];
      if (merge.length > 0) pending.delete(statement.module);
      if (keep.length === statement.specifiers.length && merge.length === 0) continue;
      const names = [...keep.map((s) => s.text), ...merge];
      if (names.length === 0 && !statement.hasDefault) edits.push(this.deletion(statement.node));
      else if (names.length > 0) edits.push({ start: statement.braces.startIndex, end: statement.braces.endIndex, newText: renderBraces(statement.braces, names, this.doc.text) });
    }
    if (pending.size > 0) edits.push(this.insertion([...pending]));
    return edits;
  }

  private referencedOutside(local: string, removed: readonly Range[]): boolean {
    const kinds = ['identifier', 'type_identifier', 'shorthand_property_identifier'];
    return this.doc.root.descendantsOfType(kinds).some((node) => {
      if (!node || node.text !== local) return false;
      if (removed.some((r) => node.startIndex >= r.start && node.endIndex <= r.end)) return false;
      return !this.statements.some((s) => node.startIndex >= s.node.startIndex && node.endIndex <= s.node.endIndex);
    });
  }

  private deletion(node: Node): TextEdit {
    const text = this.doc.text;
    let end = node.endIndex;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start: node.startIndex, end, newText: '' };
  }

  private insertion(modules: Array<[string, string[]]>): TextEdit {
    const system = this.moduleSystem();
    const last = this.statements.at(-1)?.node;
    const semicolon = last ? last.text.trimEnd().endsWith(';') : true;
    const lines = modules.map(([module, names]) => {
      const source = this.doc.string(module);
      const statement = system === 'esm' ? `import { ${names.join(', ')} } from ${source}` : `const { ${names.join(', ')} } = require(${source})`;
      return statement + (semicolon ? ';' : '');
    });
    if (last) return { start: last.endIndex, end: last.endIndex, newText: lines.map((l) => `\n${l}`).join('') };
    const first = this.firstStatement();
    if (!first) return { start: this.doc.text.length, end: this.doc.text.length, newText: `${lines.join('\n')}\n` };
    return { start: first.startIndex, end: first.startIndex, newText: `${lines.join('\n')}\n\n` };
  }

  /** The first statement an import may precede: not a hashbang, comment or "use strict". */
  private firstStatement(): Node | undefined {
    for (const node of this.doc.root.namedChildren) {
      if (!node || node.type === 'hash_bang_line' || node.type === 'comment') continue;
      if (node.type === 'expression_statement' && node.namedChildren[0]?.type === 'string') continue;
      return node;
    }
    return undefined;
  }

  private moduleSystem(): 'esm' | 'cjs' {
    const known = this.statements.find((s) => !s.typeOnly)?.system;
    if (known) return known;
    if (this.doc.typed || /\.mjs$/i.test(this.fileName)) return 'esm';
    if (/\.cjs$/i.test(this.fileName)) return 'cjs';
    return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/.test(this.doc.text) ? 'cjs' : 'esm';
  }
}

function importStatementOf(node: Node): ImportStatement | undefined {
  if (node.type === 'import_statement') {
    const source = node.childForFieldName('source');
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (!source || !clause) return undefined;
    const braces = clause.namedChildren.find((c) => c?.type === 'named_imports') ?? undefined;
    const namespace = clause.namedChildren.find((c) => c?.type === 'namespace_import')?.namedChildren[0]?.text;
    return {
      node,
      module: source.text.slice(1, -1),
      system: 'esm',
      typeOnly: /^import\s+type\s/.test(node.text),
      braces,
      specifiers: braces ? specifiersOf(braces) : [],
      namespace,
      hasDefault: clause.namedChildren.some((c) => c?.type === 'identifier'),
    };
  }
  if (node.type !== 'lexical_declaration' && node.type !== 'variable_declaration') return undefined;
  const source = requireSource(node);
  const name = node.namedChildren.find((c) => c?.type === 'variable_declarator')?.childForFieldName('name');
  if (!source || !name) return undefined;
  const braces = name.type === 'object_pattern' ? name : undefined;
  return {
    node,
    module: source.text.slice(1, -1),
    system: 'cjs',
    typeOnly: false,
    braces,
    specifiers: braces ? specifiersOf(braces) : [],
    namespace: name.type === 'identifier' ? name.text : undefined,
    hasDefault: false,
  };
}

function specifiersOf(braces: Node): Specifier[] {
  const specifiers: Specifier[] = [];
  for (const child of braces.namedChildren) {
    if (!child) continue;
    if (child.type === 'import_specifier') {
      const name = child.childForFieldName('name')?.text ?? child.text;
      specifiers.push({ name, local: child.childForFieldName('alias')?.text ?? name, text: child.text });
    } else if (child.type === 'shorthand_property_identifier_pattern') {
      specifiers.push({ name: child.text, local: child.text, text: child.text });
    } else if (child.type === 'pair_pattern') {
      const name = child.childForFieldName('key')?.text ?? child.text;
      specifiers.push({ name, local: child.childForFieldName('value')?.text ?? name, text: child.text });
    }
  }
  return specifiers;
}

/** `{ A, B }` in the layout the original braces had: one line with its spacing, or one name a line. */
function renderBraces(braces: Node, names: readonly string[], text: string): string {
  const original = braces.text;
  if (!original.includes('\n')) {
    const pad = original.startsWith('{ ') || original === '{}' ? ' ' : '';
    return `{${pad}${names.join(', ')}${pad}}`;
  }
  const firstName = braces.namedChildren[0];
  const indent = firstName ? indentAt(text, firstName.startIndex) : '  ';
  const trailingComma = original.slice(0, -1).trimEnd().endsWith(',');
  const closingIndent = indentAt(text, braces.endIndex - 1);
  return `{\n${names.map((n) => indent + n).join(',\n')}${trailingComma ? ',' : ''}\n${closingIndent}}`;
}
