/**
 * A parsed Python module as the rewriter reads it: the call a finding points at, its arguments as written, the
 * file's quote style, what an argument holds (a literal, an environment read, or something else) and which module a
 * name was imported from.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { parserFor } from '../../../scanner/grammars';

/** What the code passes where a secret goes: a literal we can read, an environment variable, or anything else. */
export type ValueSource = { kind: 'literal'; value: string } | { kind: 'env' } | { kind: 'other' };

/** One argument as written: `value`, `name=value`, `*xs` or `**kw`. */
export interface PyArgument {
  node: Node;
  value: Node;
  keyword?: string;
  splat?: 'list' | 'dictionary';
}

export type Quote = '"' | "'";

const importTypes = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

export class PyDocument {
  readonly quote: Quote;

  private constructor(
    readonly text: string,
    readonly tree: Tree,
  ) {
    this.quote = quoteStyleOf(tree.rootNode);
  }

  static async parse(text: string): Promise<PyDocument | undefined> {
    const tree = (await parserFor('python')).parse(text);
    return tree ? new PyDocument(text, tree) : undefined;
  }

  dispose(): void {
    this.tree.delete();
  }

  get root(): Node {
    return this.tree.rootNode;
  }

  /** The `call` spanning exactly start..end (the finding's range). */
  callAt(start: number, end: number): Node | undefined {
    let node: Node | null = this.root.descendantForIndex(start, end);
    for (; node && node.startIndex >= start && node.endIndex <= end; node = node.parent) {
      if (node.type === 'call' && node.startIndex === start && node.endIndex === end) return node;
    }
    return undefined;
  }

  /** Top-level import statements, in order. */
  imports(): Node[] {
    return this.root.namedChildren.filter((node): node is Node => node !== null && importTypes.has(node.type));
  }

  /** The module a top-level `from M import name` binds `name` from, if any. */
  moduleOf(name: string): string | undefined {
    for (const statement of this.imports()) {
      if (statement.type !== 'import_from_statement') continue;
      for (const imported of statement.childrenForFieldName('name')) {
        if (imported && boundName(imported) === name) return statement.childForFieldName('module_name')?.text;
      }
    }
    return undefined;
  }

  string(value: string): string {
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(this.quote, 'g'), `\\${this.quote}`);
    return `${this.quote}${escaped}${this.quote}`;
  }

  /** A literal's value, an environment read, or an identifier assigned exactly once (to either) in this file. */
  sourceOf(node: Node, depth = 0): ValueSource {
    const inner = unwrap(node);
    const literal = literalValue(inner);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (isEnvRead(inner)) return { kind: 'env' };
    if (inner.type === 'identifier' && depth < 3) {
      const assigned = this.onlyAssignment(inner);
      if (assigned) return this.sourceOf(assigned, depth + 1);
    }
    return { kind: 'other' };
  }

  /** The value of the single plain assignment to this name before it, unless the name is also a parameter or rebound. */
  private onlyAssignment(name: Node): Node | undefined {
    for (let scope = name.parent; scope; scope = scope.parent) {
      if (scope.type !== 'function_definition' && scope.type !== 'lambda') continue;
      const parameters = scope.childForFieldName('parameters');
      if (parameters?.descendantsOfType('identifier').some((p) => p?.text === name.text)) return undefined;
    }
    const bindings = this.root.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'as_pattern_target', 'named_expression']);
    let value: Node | undefined;
    for (const binding of bindings) {
      if (!binding) continue;
      const target = binding.childForFieldName(binding.type === 'named_expression' ? 'name' : 'left') ?? binding;
      const binds = target.type === 'identifier' ? target.text === name.text : target.descendantsOfType('identifier').some((i) => i?.text === name.text);
      if (!binds) continue;
      if (value || binding.type !== 'assignment' || target.type !== 'identifier' || binding.startIndex > name.startIndex) return undefined;
      value = binding.childForFieldName('right') ?? undefined;
      if (!value) return undefined;
    }
    return value;
  }
}

/** Arguments of a call as written, comments left out. */
export function argumentsOf(call: Node): PyArgument[] {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return [];
  const args: PyArgument[] = [];
  for (const node of list.namedChildren) {
    if (!node || node.type === 'comment') continue;
    if (node.type === 'keyword_argument') {
      const value = node.childForFieldName('value');
      if (value) args.push({ node, value, keyword: node.childForFieldName('name')?.text });
    } else if (node.type === 'list_splat' || node.type === 'dictionary_splat') {
      args.push({ node, value: node, splat: node.type === 'list_splat' ? 'list' : 'dictionary' });
    } else {
      args.push({ node, value: node });
    }
  }
  return args;
}

/** The name an imported item binds: `A as B` → B, `a.b` → a. */
export function boundName(imported: Node): string {
  if (imported.type === 'aliased_import') return imported.childForFieldName('alias')?.text ?? '';
  return imported.text.split('.')[0] ?? '';
}

/** The imported name itself: `A as B` → A. */
export function importedName(imported: Node): string {
  return imported.type === 'aliased_import' ? (imported.childForFieldName('name')?.text ?? '') : imported.text;
}

/** `(x)`, `x or ""`, `str(x)`: what matters is x. */
function unwrap(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 5; depth++) {
    if (current.type === 'parenthesized_expression') current = current.namedChildren[0] ?? current;
    else if (current.type === 'boolean_operator' && current.childForFieldName('operator')?.text === 'or') current = current.childForFieldName('left') ?? current;
    else if (current.type === 'call' && current.childForFieldName('function')?.text === 'str') {
      const [only, ...rest] = argumentsOf(current);
      if (!only || rest.length > 0 || only.keyword || only.splat) return current;
      current = only.value;
    } else return current;
  }
  return current;
}

/** The value of a plain string, or of adjacent plain strings; undefined for f-strings with fields and bytes. */
export function literalValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((part) => (part ? literalValue(part) : undefined));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  const prefix = (node.namedChildren[0]?.text ?? '').replace(/["']+$/, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += prefix.includes('r') ? child.text : unescape(child.text);
  }
  return value;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\\\': '\\', "\\'": "'", '\\"': '"', '\\n': '\n', '\\t': '\t', '\\r': '\r' };
  return simple[sequence] ?? sequence;
}

/** `os.environ["X"]`, `os.environ.get(…)`, `os.getenv(…)` and their `from os import …` forms. */
function isEnvRead(node: Node): boolean {
  if (node.type === 'subscript') return /^(os\.)?environ$/.test(node.childForFieldName('value')?.text ?? '');
  if (node.type !== 'call') return false;
  return /^((os\.)?environ\.get|(os\.)?getenv)$/.test((node.childForFieldName('function')?.text ?? '').replace(/\s+/g, ''));
}

/** The quote of the first one-line string in the file (docstrings are always double); double by default. */
function quoteStyleOf(root: Node): Quote {
  for (const node of root.descendantsOfType('string_start').slice(0, 50)) {
    if (!node || /["']{3}$/.test(node.text)) continue;
    return node.text.endsWith("'") ? "'" : '"';
  }
  return '"';
}

/** The line's leading whitespace at an offset. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
