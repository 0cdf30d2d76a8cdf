/**
 * The fix for a secret literal (kind 'secret') in code: once a client rewrite has stopped using it, a declaration that
 * only holds the secret is dead weight that still leaks the key, so it is deleted — but only when nothing can reach it:
 * its name appears nowhere else in the file, and nothing outside the file can see it (not exported, private, local;
 * Go: function locals only, since a package spans files). Anything else is left to a human.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { grammarFor, isCodeLanguage, ruleLanguageOf } from '../../languages';
import { parserFor } from '../../scanner/grammars';
import type { Fix, RewriteInput } from '../model';
import { wholeLines, type Span } from './textRanges';

type Language = 'typescript' | 'javascript' | 'python' | 'csharp' | 'java' | 'go';

/** A declaration statement (or Go spec) that can go, and the name it declares. */
interface Removable {
  node: Node;
  name: Node;
}

/** Node types an initializer may be built from and still be "just literals": strings, their parts, + and parentheses. */
const literalParts: Record<Language, ReadonlySet<string>> = {
  typescript: new Set(['string', 'string_fragment', 'escape_sequence', 'template_string', 'binary_expression', 'parenthesized_expression']),
  javascript: new Set(['string', 'string_fragment', 'escape_sequence', 'template_string', 'binary_expression', 'parenthesized_expression']),
  python: new Set(['string', 'string_start', 'string_content', 'string_end', 'escape_sequence', 'concatenated_string', 'binary_operator', 'parenthesized_expression']),
  csharp: new Set([
    'string_literal', 'string_literal_content', 'verbatim_string_literal', 'raw_string_literal', 'raw_string_start', 'raw_string_content', 'raw_string_end',
    'escape_sequence', 'interpolated_string_expression', 'interpolation_start', 'string_content', 'binary_expression', 'parenthesized_expression',
  ]),
  java: new Set(['string_literal', 'string_fragment', 'multiline_string_fragment', 'escape_sequence', 'binary_expression', 'parenthesized_expression']),
  go: new Set(['interpreted_string_literal', 'interpreted_string_literal_content', 'raw_string_literal', 'raw_string_literal_content', 'escape_sequence', 'binary_expression', 'parenthesized_expression']),
};

const binaryTypes = new Set(['binary_expression', 'binary_operator']);

function isLiteralOnly(node: Node, parts: ReadonlySet<string>): boolean {
  if (!parts.has(node.type)) return false;
  for (const child of node.children) {
    if (!child) continue;
    if (!child.isNamed) {
      // The only operator allowed is +; strings' own punctuation (quotes, backticks, @, $) is fine.
      if (binaryTypes.has(node.type) && child.type !== '+' && child.type !== '(' && child.type !== ')') return false;
      continue;
    }
    if (!isLiteralOnly(child, parts)) return false;
  }
  return true;
}

/** The outermost literal-only expression holding the finding's range. */
function literalAround(root: Node, start: number, end: number, parts: ReadonlySet<string>): Node | undefined {
  let found: Node | undefined;
  for (let node: Node | null = root.descendantForIndex(start, end); node; node = node.parent) {
    if (isLiteralOnly(node, parts)) found = node;
    else if (found || !parts.has(node.type)) break;
  }
  return found;
}

const named = (node: Node | null): Node[] => (node ? node.namedChildren.filter((c): c is Node => !!c && !/comment/.test(c.type)) : []);

function modifiersOf(node: Node): string[] {
  return node.children.filter((c): c is Node => !!c && /modifier/.test(c.type)).flatMap((c) => c.text.split(/\s+/));
}

/** Per language: the declaration that holds `init` as its whole value and that no other file can see. */
const removables: Record<Language, (init: Node) => Removable | undefined> = {
  typescript: tsRemovable,
  javascript: tsRemovable,
  python(init) {
    const assignment = init.parent;
    const name = assignment?.childForFieldName('left');
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== init.id || name?.type !== 'identifier') return undefined;
    const statement = assignment.parent;
    if (statement?.type !== 'expression_statement' || named(statement).length !== 1) return undefined;
    const scope = statement.parent;
    // Module-level or a function's own body; a class attribute is reachable as self.x / Cls.x from anywhere.
    const functionBody = scope?.type === 'block' && scope.parent?.type === 'function_definition';
    if (scope?.type !== 'module' && !functionBody) return undefined;
    // A body of one statement cannot lose it: Python blocks are never empty.
    if (functionBody && named(scope).length < 2) return undefined;
    return { node: statement, name };
  },
  csharp(init) {
    const declarator = init.parent;
    const name = declarator?.childForFieldName('name');
    const declaration = declarator?.parent;
    if (declarator?.type !== 'variable_declarator' || name?.type !== 'identifier' || declaration?.type !== 'variable_declaration') return undefined;
    if (named(declaration).filter((c) => c.type === 'variable_declarator').length !== 1) return undefined;
    const statement = declaration.parent;
    if (statement?.type === 'local_declaration_statement') return { node: statement, name };
    if (statement?.type !== 'field_declaration') return undefined;
    // Private or default-private only, and not in a partial type (another file may hold the rest of it).
    if (modifiersOf(statement).some((m) => ['public', 'protected', 'internal'].includes(m))) return undefined;
    const type = statement.parent?.parent;
    if (!type || !/^(class|struct|record)_declaration$/.test(type.type) || modifiersOf(type).includes('partial')) return undefined;
    return { node: statement, name };
  },
  java(init) {
    const declarator = init.parent;
    const name = declarator?.childForFieldName('name');
    const statement = declarator?.parent;
    if (declarator?.type !== 'variable_declarator' || declarator.childForFieldName('value')?.id !== init.id || name?.type !== 'identifier') return undefined;
    if (!statement || named(statement).filter((c) => c.type === 'variable_declarator').length !== 1) return undefined;
    if (statement.type === 'local_variable_declaration') return { node: statement, name };
    if (statement.type === 'field_declaration' && named(statement).some((c) => c.type === 'modifiers' && /\bprivate\b/.test(c.text))) return { node: statement, name };
    return undefined;
  },
  go(init) {
    const values = init.parent;
    if (values?.type !== 'expression_list' || named(values).length !== 1) return undefined;
    const holder = values.parent;
    if (holder?.type === 'short_var_declaration') {
      const names = named(holder.childForFieldName('left'));
      return names.length === 1 && names[0]!.type === 'identifier' ? { node: holder, name: names[0]! } : undefined;
    }
    if (holder?.type !== 'var_spec' && holder?.type !== 'const_spec') return undefined;
    const names = holder.childrenForFieldName('name').filter((n): n is Node => !!n);
    const declaration = holder.parent;
    if (names.length !== 1 || !declaration) return undefined;
    const name = names[0]!;
    // Package level: other files of the same package may use even an unexported name, and one file cannot tell.
    if (declaration.parent?.type === 'source_file') return undefined;
    const specs = named(declaration).filter((c) => c.type === holder.type);
    if (specs.length === 1) return { node: declaration, name };
    // In a const group a spec without a value repeats the one before it: removing this one would change the next.
    const next = specs[specs.indexOf(specs.find((s) => s.id === holder.id)!) + 1];
    if (next && !next.childForFieldName('value')) return undefined;
    return { node: holder, name };
  },
};

function tsRemovable(init: Node): Removable | undefined {
  const declarator = init.parent;
  const name = declarator?.childForFieldName('name');
  const statement = declarator?.parent;
  if (declarator?.type !== 'variable_declarator' || declarator.childForFieldName('value')?.id !== init.id || name?.type !== 'identifier') return undefined;
  if (!statement || !/^(lexical|variable)_declaration$/.test(statement.type) || named(statement).length !== 1) return undefined;
  if (statement.parent?.type === 'export_statement') return undefined;
  return { node: statement, name };
}

/**
 * True when a leaf outside the declaration spells the name (comments aside): any use, shadowed or not, counts, and so
 * does the name as a word in a string (`__all__ = ["KEY"]`, reflection): when in doubt, a human decides.
 */
function usedElsewhere(root: Node, removable: Removable): boolean {
  const name = removable.name.text;
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id === removable.node.id || /comment/.test(node.type)) continue;
    if (node.childCount === 0 || /string_content|string_fragment/.test(node.type)) {
      if (node.text.includes(name) && word.test(node.text)) return true;
      continue;
    }
    for (const child of node.children) if (child) stack.push(child);
  }
  return false;
}

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineEndOf = (text: string, offset: number): number => {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
};
const blank = (line: string): boolean => !/\S/.test(line);

/**
 * What to delete: the statement with a comment trailing on its last line, as whole lines when nothing else shares
 * them, and one blank line too when the removal would otherwise leave two in a row (or one before a closing brace).
 */
function removalSpan(text: string, node: Node): Span {
  let end = node.endIndex;
  const trailing = node.nextSibling;
  if (trailing && /comment/.test(trailing.type) && trailing.startPosition.row === node.endPosition.row) end = trailing.endIndex;
  const ownLines = !/\S/.test(text.slice(lineStartOf(text, node.startIndex), node.startIndex)) && !/\S/.test(text.slice(end, lineEndOf(text, end)));
  const lines = wholeLines(text, { start: node.startIndex, end });
  if (!ownLines) {
    // Shares a line with other code: take the statement and the spaces after it.
    const spaces = /^[ \t]*/.exec(text.slice(lines.end))![0].length;
    return { start: lines.start, end: lines.end + spaces };
  }
  const previousStart = lines.start === 0 ? -1 : lineStartOf(text, lines.start - 1);
  const previous = previousStart < 0 ? undefined : text.slice(previousStart, lines.start);
  const next = lines.end < text.length ? text.slice(lines.end, lineEndOf(text, lines.end)) : undefined;
  const opensBlock = previous === undefined || /[{(:]\s*$/.test(previous);
  if (next !== undefined && blank(next) && (opensBlock || blank(previous!))) return { start: lines.start, end: lines.end + next.length };
  if (previous !== undefined && blank(previous) && (next === undefined || /^\s*[})]/.test(next))) return { start: previousStart, end: lines.end };
  return lines;
}

export async function removeUnusedSecret(input: RewriteInput): Promise<Fix | undefined> {
  if (!isCodeLanguage(input.language)) return undefined;
  const language = ruleLanguageOf(input.language) as Language;
  const parts = literalParts[language];
  if (!parts) return undefined;
  const tree = (await parserFor(grammarFor(input.language))).parse(input.text);
  if (!tree) return undefined;
  try {
    const init = literalAround(tree.rootNode, input.finding.startOffset, input.finding.endOffset, parts);
    const removable = init && removables[language](init);
    if (!removable || removable.node.hasError || usedElsewhere(tree.rootNode, removable)) return undefined;
    const span = removalSpan(input.text, removable.node);
    return {
      ruleId: input.finding.ruleId,
      title: `Remove the unused secret ${removable.name.text}`,
      identity: input.options.identity,
      edits: [{ ...span, newText: '' }],
      settings: [],
      requires: [],
    };
  } finally {
    tree.delete();
  }
}
