/**
 * A parsed C# file as the rewriter reads it: the construction a finding points at, its arguments as written, string
 * values, and where a value comes from (a literal, an environment variable, .NET configuration, or anything else).
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { parserFor } from '../../../scanner/grammars';
import { declaredTypeOf } from '../../../scanner/syntax';

/** One argument as written: `value` or `name: value`. */
export interface CsArgument {
  node: Node;
  value: Node;
  name?: string;
}

/**
 * Where a value comes from. 'config' keeps the configuration object (`builder.Configuration`, `_config`) so the
 * endpoint is read the same way: .NET configuration sees environment variables and top-level appsettings keys alike.
 */
export type ValueSource = { kind: 'literal'; value: string } | { kind: 'env' } | { kind: 'config'; receiver: string } | { kind: 'other' };

export const creationTypes = new Set(['object_creation_expression', 'implicit_object_creation_expression']);
const siteTypes = new Set([...creationTypes, 'invocation_expression']);
const simpleReceiver = /^[A-Za-z_][A-Za-z0-9_]*(\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*$/;

export class CsDocument {
  readonly newline: string;

  private constructor(
    readonly text: string,
    readonly tree: Tree,
  ) {
    this.newline = text.includes('\r\n') ? '\r\n' : '\n';
  }

  static async parse(text: string): Promise<CsDocument | undefined> {
    const tree = (await parserFor('csharp')).parse(text);
    return tree ? new CsDocument(text, tree) : undefined;
  }

  dispose(): void {
    this.tree.delete();
  }

  get root(): Node {
    return this.tree.rootNode;
  }

  /** The construction or invocation spanning exactly start..end (the finding's range). */
  siteAt(start: number, end: number): Node | undefined {
    let node: Node | null = this.root.descendantForIndex(start, end);
    for (; node && node.startIndex >= start && node.endIndex <= end; node = node.parent) {
      if (siteTypes.has(node.type) && node.startIndex === start && node.endIndex === end) return node;
    }
    return undefined;
  }

  /** A C# string literal holding the value. */
  string(value: string): string {
    return `"${escapeString(value)}"`;
  }

  /** A literal's value, an environment or configuration read, or an identifier declared once with one of those. */
  sourceOf(node: Node, depth = 0): ValueSource {
    const inner = unwrap(node);
    const literal = stringValue(inner);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (isEnvRead(inner)) return { kind: 'env' };
    const receiver = configReceiver(inner);
    if (receiver) return depth === 0 ? { kind: 'config', receiver } : { kind: 'other' };
    if (inner.type === 'identifier' && depth < 3) {
      const initializer = this.onlyInitializer(inner);
      if (initializer) return this.sourceOf(initializer, depth + 1);
    }
    return { kind: 'other' };
  }

  /** Every identifier node in the file with this name (declarations included). */
  identifiers(name: string): Node[] {
    return this.root.descendantsOfType('identifier').filter((n): n is Node => n !== null && n.text === name);
  }

  /** The declared type (last segment) of the parameter or typed variable this identifier names, when the file declares the name once. */
  declaredType(name: Node): string | undefined {
    let declarations = 0;
    let type: Node | null | undefined;
    for (const use of this.identifiers(name.text)) {
      const parent = use.parent;
      if (!parent || parent.childForFieldName('name')?.id !== use.id) continue;
      if (parent.type === 'parameter') type = parent.childForFieldName('type');
      else if (parent.type === 'variable_declarator') type = parent.parent?.childForFieldName('type');
      else continue;
      declarations++;
    }
    return declarations === 1 ? typeName(type ?? null) : undefined;
  }

  /**
   * The initializer of the only declaration of this name, when the name is never a parameter or assigned elsewhere
   * (a `const` or a local set once): then its value is the value the call sees.
   */
  onlyInitializer(name: Node): Node | undefined {
    let initializer: Node | undefined;
    for (const use of this.identifiers(name.text)) {
      const parent = use.parent;
      if (!parent) continue;
      if (/^(parameter|foreach_statement|catch_declaration|property_declaration|declaration_expression)$/.test(parent.type)) return undefined;
      if (parent.type === 'assignment_expression' && parent.childForFieldName('left')?.id === use.id) return undefined;
      if (parent.type === 'variable_declarator' && parent.childForFieldName('name')?.id === use.id) {
        if (initializer || use.startIndex > name.startIndex && !isField(parent)) return undefined;
        initializer = declaratorValue(parent);
        if (!initializer) return undefined;
      }
    }
    return initializer;
  }
}

/** Arguments of a construction or invocation as written, comments left out. */
export function argumentsOf(site: Node): CsArgument[] {
  const list = site.childForFieldName('arguments') ?? site.namedChildren.find((c) => c?.type === 'argument_list');
  if (!list) return [];
  const args: CsArgument[] = [];
  for (const node of list.namedChildren) {
    if (node?.type !== 'argument') continue;
    const value = node.namedChildren[node.namedChildCount - 1];
    if (value) args.push({ node, value, name: node.childForFieldName('name')?.text });
  }
  return args;
}

/** The class a construction builds (last segment, generics dropped); target-typed `new(…)` takes its declared type. */
export function constructedClass(site: Node): string | undefined {
  if (site.type === 'object_creation_expression') return lastSegment(site.childForFieldName('type'));
  if (site.type !== 'implicit_object_creation_expression') return undefined;
  return lastSegment(declaredTypeOf(site) ?? null);
}

/** The method an invocation calls: `a.b.Connect(…)` → Connect. */
export function invokedName(site: Node): string | undefined {
  const callee = site.childForFieldName('function');
  if (!callee) return undefined;
  if (callee.type === 'member_access_expression') return callee.childForFieldName('name')?.text;
  return lastSegment(callee);
}

/** `string`, `Uri`, `System.Uri`, `string?` → the type's own name; undefined for `var`. */
function typeName(type: Node | null): string | undefined {
  if (type?.type === 'predefined_type') return type.text;
  if (type?.type === 'nullable_type') return typeName(type.namedChildren[0] ?? null);
  return lastSegment(type);
}

export function lastSegment(type: Node | null): string | undefined {
  if (!type) return undefined;
  if (type.type === 'identifier') return type.text;
  if (type.type === 'generic_name') return type.namedChildren[0]?.text;
  if (type.type === 'qualified_name' || type.type === 'alias_qualified_name') return lastSegment(type.childForFieldName('name'));
  return undefined;
}

/** The initializer of `name = value` (this grammar puts the value right after the name). */
export function declaratorValue(declarator: Node): Node | undefined {
  const name = declarator.childForFieldName('name');
  return declarator.namedChildren.find((c): c is Node => c !== null && c.id !== name?.id && c.type !== 'bracketed_argument_list') ?? undefined;
}

function isField(declarator: Node): boolean {
  return declarator.parent?.parent?.type === 'field_declaration';
}

/** `(x)`, `x ?? ""`, `x!`: what matters is x. */
function unwrap(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 5; depth++) {
    if (current.type === 'parenthesized_expression') current = current.namedChildren[0] ?? current;
    else if (current.type === 'binary_expression' && current.childForFieldName('operator')?.text === '??') current = current.childForFieldName('left') ?? current;
    else if (current.type === 'postfix_unary_expression' && current.text.endsWith('!')) current = current.namedChildren[0] ?? current;
    else return current;
  }
  return current;
}

/** The value of a regular, verbatim or raw string literal, or of literals joined with `+`; undefined otherwise. */
export function stringValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      let value = '';
      for (const child of node.namedChildren) {
        if (child?.type === 'string_literal_content') value += child.text;
        else if (child?.type === 'escape_sequence') value += unescape(child.text);
      }
      return value;
    }
    case 'verbatim_string_literal':
      return node.text.slice(2, -1).replace(/""/g, '"');
    case 'raw_string_literal': {
      const content = node.namedChildren.filter((c) => c?.type === 'raw_string_content');
      return content.length === 1 && !content[0]!.text.includes('\n') ? content[0]!.text : undefined;
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '+') return undefined;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const l = left && stringValue(left);
      const r = right && stringValue(right);
      return l !== undefined && r !== undefined && l !== null && r !== null ? l + r : undefined;
    }
    default:
      return undefined;
  }
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\\\': '\\', '\\"': '"', "\\'": "'", '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\0': '\0' };
  return simple[sequence] ?? sequence;
}

export function escapeString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** `Environment.GetEnvironmentVariable(…)` (qualified or not). */
export function isEnvRead(node: Node): boolean {
  if (node.type !== 'invocation_expression') return false;
  return /^(global::)?(System\.)?Environment\.GetEnvironmentVariable$/.test((node.childForFieldName('function')?.text ?? '').replace(/\s+/g, ''));
}

/** The configuration object of `config["X"]`, `config.GetConnectionString("X")` or `config.GetValue<string>("X")`. */
function configReceiver(node: Node): string | undefined {
  let receiver: Node | null = null;
  if (node.type === 'element_access_expression') {
    const subscript = node.childForFieldName('subscript');
    const [only, ...rest] = subscript?.namedChildren ?? [];
    const key = only?.namedChildren[only.namedChildCount - 1];
    if (rest.length > 0 || !key || stringValue(key) === undefined) return undefined;
    receiver = node.childForFieldName('expression');
  } else if (node.type === 'invocation_expression') {
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'member_access_expression' ? callee.childForFieldName('name') : null;
    if (!method || !/^(GetConnectionString|GetValue<string>)$/.test(method.text.replace(/\s+/g, ''))) return undefined;
    receiver = callee!.childForFieldName('expression');
  }
  if (!receiver || !simpleReceiver.test(receiver.text) || !/config/i.test(receiver.text)) return undefined;
  return receiver.text.replace(/\s+/g, '');
}
