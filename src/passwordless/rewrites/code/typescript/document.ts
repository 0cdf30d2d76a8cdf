/**
 * A parsed TypeScript/JavaScript document as the rewriter reads it: the call a finding points at, the file's quote
 * style and module system, and what an argument holds (a literal, an environment read, or something else).
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { grammarFor, isCodeLanguage } from '../../../languages';
import { parserFor } from '../../../scanner/grammars';
import { callSiteOf, profiles, type CallSite } from '../../../scanner/syntax';
import type { LanguageId } from '../../../types';

export type Quote = '"' | "'";

/** What the code passes where a secret goes: a literal we can read, an environment variable, or anything else. */
export type ValueSource = { kind: 'literal'; value: string } | { kind: 'env' } | { kind: 'other' };

export class TsDocument {
  readonly quote: Quote;

  private constructor(
    readonly text: string,
    readonly tree: Tree,
    /** TypeScript wants `process.env.X!` where a string is required; JavaScript has no `!`. */
    readonly typed: boolean,
  ) {
    this.quote = quoteStyleOf(tree.rootNode);
  }

  static async parse(text: string, language: LanguageId): Promise<TsDocument | undefined> {
    if (!isCodeLanguage(language)) return undefined;
    const tree = (await parserFor(grammarFor(language))).parse(text);
    if (!tree) return undefined;
    return new TsDocument(text, tree, language === 'typescript' || language === 'typescriptreact');
  }

  dispose(): void {
    this.tree.delete();
  }

  get root(): Node {
    return this.tree.rootNode;
  }

  /** The call or construction spanning exactly start..end (the finding's range). */
  callAt(start: number, end: number): CallSite | undefined {
    let node: Node | null = this.root.descendantForIndex(start, end);
    for (; node && node.startIndex >= start && node.endIndex <= end; node = node.parent) {
      if (node.startIndex !== start || node.endIndex !== end) continue;
      const site = callSiteOf(node, profiles.typescript);
      if (site) return site;
    }
    return undefined;
  }

  string(value: string): string {
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(this.quote, 'g'), `\\${this.quote}`);
    return `${this.quote}${escaped}${this.quote}`;
  }

  envRead(name: string, required: boolean): string {
    return `process.env.${name}${required && this.typed ? '!' : ''}`;
  }

  /** A literal's value, an environment read, or an identifier declared with either in this file. */
  sourceOf(node: Node): ValueSource {
    const inner = unwrap(node);
    const literal = literalValue(inner);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (isEnvRead(inner)) return { kind: 'env' };
    if (inner.type === 'identifier') {
      const declared = this.declaredValue(inner.text, node.startIndex);
      if (declared) return this.sourceOf(declared);
    }
    return { kind: 'other' };
  }

  /** The initialiser of a `const`/`let`/`var` with this name declared before the offset, anywhere in the file. */
  declaredValue(name: string, before: number): Node | undefined {
    let found: Node | undefined;
    for (const declarator of this.root.descendantsOfType('variable_declarator')) {
      if (!declarator || declarator.startIndex >= before) continue;
      if (declarator.childForFieldName('name')?.text !== name) continue;
      found = declarator.childForFieldName('value') ?? undefined;
    }
    return found;
  }
}

/** `x!`, `(x)`, `x as string`, `x ?? ""`, `x || ""`: what matters is x. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'non_null_expression' || current.type === 'parenthesized_expression' || current.type === 'as_expression' || current.type === 'satisfies_expression') {
      const inner = current.namedChildren[0];
      if (!inner) return current;
      current = inner;
    } else if (current.type === 'binary_expression' && /^(\?\?|\|\|)$/.test(current.childForFieldName('operator')?.text ?? '')) {
      current = current.childForFieldName('left') ?? current;
      if (current.type === 'binary_expression') return current;
    } else {
      return current;
    }
  }
}

/** The value of a plain string or a template string without substitutions. */
export function literalValue(node: Node): string | undefined {
  if (node.type !== 'string' && node.type !== 'template_string') return undefined;
  if (node.namedChildren.some((child) => child?.type === 'template_substitution')) return undefined;
  return node.text.slice(1, -1);
}

function isEnvRead(node: Node): boolean {
  if (node.type !== 'member_expression' && node.type !== 'subscript_expression') return false;
  return node.childForFieldName('object')?.text.replace(/\s+/g, '') === 'process.env';
}

/** The quote of the first import or require source, else of the first string in the file; double by default. */
function quoteStyleOf(root: Node): Quote {
  let first: Quote | undefined;
  for (const child of root.namedChildren) {
    if (!child) continue;
    const source = child.type === 'import_statement' ? child.childForFieldName('source') : child.type === 'lexical_declaration' || child.type === 'variable_declaration' ? requireSource(child) : undefined;
    if (source) return source.text.startsWith("'") ? "'" : '"';
  }
  const strings = root.descendantsOfType('string');
  for (const node of strings.slice(0, 50)) {
    if (!node) continue;
    first = node.text.startsWith("'") ? "'" : '"';
    break;
  }
  return first ?? '"';
}

/** The "x" of `const … = require("x")`. */
export function requireSource(declaration: Node): Node | undefined {
  const declarator = declaration.namedChildren.find((c) => c?.type === 'variable_declarator');
  const value = declarator?.childForFieldName('value');
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') return undefined;
  const source = value.childForFieldName('arguments')?.namedChildren[0];
  return source?.type === 'string' ? source : undefined;
}

/** The line's leading whitespace at an offset. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
