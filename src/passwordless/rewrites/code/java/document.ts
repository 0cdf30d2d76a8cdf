/**
 * A parsed Java file as the rewriter reads it: the call a finding points at, where a name is declared (a local in an
 * enclosing block or a field of an enclosing class), what a value holds (a literal, an environment read, or anything
 * else) and the imports.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { parserFor } from '../../../scanner/grammars';
import { ParsedCode } from '../parsedCode';

export interface Declaration {
  name: string;
  /** local_variable_declaration or field_declaration. */
  statement: Node;
  declarator: Node;
  value?: Node;
  /** The declared type node (`var` included). */
  type?: Node;
  /** Where the name can be used: the rest of the block for a local, the class body for a field. */
  scope: Node;
  local: boolean;
  modifiers: string;
}

export interface ImportLine {
  node: Node;
  /** "com.azure.identity.DefaultAzureCredentialBuilder" or "com.azure.identity.*". */
  name: string;
}

export class JavaDocument extends ParsedCode {
  static async parse(text: string): Promise<JavaDocument | undefined> {
    const tree = (await parserFor('java')).parse(text);
    return tree ? new JavaDocument(text, tree, 'java', { unwrap, literalValue, isEnvRead }) : undefined;
  }

  envRead(name: string): string {
    return `System.getenv("${name}")`;
  }

  protected declaredValue(identifier: Node): Node | undefined {
    return this.declarationOf(identifier)?.value;
  }

  /** The local (declared earlier in an enclosing block) or field (of an enclosing class) this identifier names. */
  declarationOf(identifier: Node): Declaration | undefined {
    const name = identifier.text;
    let child: Node = identifier;
    for (let scope = identifier.parent; scope; child = scope, scope = scope.parent) {
      if (scope.type === 'block' || scope.type === 'constructor_body' || scope.type === 'switch_block_statement_group') {
        let found: Declaration | undefined;
        for (const statement of scope.namedChildren) {
          if (!statement || statement.startIndex >= child.startIndex) break;
          if (statement.type === 'local_variable_declaration') found = declaratorNamed(statement, name, scope, true) ?? found;
        }
        if (found) return found;
      } else if (scope.type === 'formal_parameters' || scope.type === 'lambda_expression' || scope.type === 'catch_clause') {
        return undefined;
      } else if (scope.type === 'method_declaration' || scope.type === 'constructor_declaration') {
        const parameters = scope.childForFieldName('parameters');
        if (parameters?.namedChildren.some((p) => p?.childForFieldName('name')?.text === name)) return undefined;
      } else if (scope.type === 'class_body' || scope.type === 'enum_body_declarations' || scope.type === 'interface_body') {
        for (const member of scope.namedChildren) {
          if (member?.type !== 'field_declaration' && member?.type !== 'constant_declaration') continue;
          const found = declaratorNamed(member, name, scope, false);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  /** The declaration a variable_declarator belongs to. */
  declarationAt(declarator: Node): Declaration | undefined {
    const statement = declarator.parent;
    const scope = statement?.parent;
    const name = declarator.childForFieldName('name')?.text;
    if (!statement || !scope || !name) return undefined;
    return declaratorNamed(statement, name, scope, statement.type === 'local_variable_declaration');
  }

  /** Identifiers spelled `name` inside the scope, the declaration's own name excepted. */
  usesOf(declaration: Declaration): Node[] {
    const own = declaration.declarator.childForFieldName('name');
    const from = declaration.local ? declaration.statement.endIndex : declaration.scope.startIndex;
    return declaration.scope
      .descendantsOfType('identifier')
      .filter((n): n is Node => !!n && n.text === declaration.name && n.startIndex >= from && n.startIndex !== own?.startIndex);
  }

  imports(): ImportLine[] {
    const lines: ImportLine[] = [];
    for (const node of this.root.namedChildren) {
      if (node?.type !== 'import_declaration' || /^\s*import\s+static\b/.test(node.text)) continue;
      const name = node.text.replace(/^import\s+|\s*;\s*$/g, '').replace(/\s+/g, '');
      lines.push({ node, name });
    }
    return lines;
  }

  /** True when the name is imported (exactly or by its package's `*`). */
  imported(qualified: string): boolean {
    const wildcard = `${qualified.slice(0, qualified.lastIndexOf('.'))}.*`;
    return this.imports().some((i) => i.name === qualified || i.name === wildcard);
  }
}

function declaratorNamed(statement: Node, name: string, scope: Node, local: boolean): Declaration | undefined {
  for (const declarator of statement.childrenForFieldName('declarator')) {
    if (declarator?.childForFieldName('name')?.text !== name) continue;
    const modifiers = statement.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
    return {
      name,
      statement,
      declarator,
      value: declarator.childForFieldName('value') ?? undefined,
      type: statement.childForFieldName('type') ?? undefined,
      scope,
      local,
      modifiers,
    };
  }
  return undefined;
}

export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' || current.type === 'cast_expression') {
    const inner = current.type === 'cast_expression' ? current.childForFieldName('value') : current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** A plain string literal, or literals joined with `+` (long connection strings are often split). */
export function literalValue(node: Node): string | undefined {
  if (node.type === 'string_literal') {
    if (node.text.startsWith('"""')) return undefined;
    return node.text.slice(1, -1).replace(/\\(["\\'])/g, '$1');
  }
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left ? literalValue(unwrap(left)) : undefined;
    const b = right ? literalValue(unwrap(right)) : undefined;
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

/** `System.getenv("X")`. */
export function isEnvRead(node: Node): boolean {
  return node.type === 'method_invocation' && node.childForFieldName('object')?.text === 'System' && node.childForFieldName('name')?.text === 'getenv';
}

/** Values whose removal changes nothing but the value: literals, environment reads, names, and `+` of those. */
export function isPure(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === 'string_literal' || inner.type === 'identifier' || inner.type === 'field_access' || isEnvRead(inner)) return true;
  if (inner.type === 'binary_expression') {
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    return !!left && !!right && isPure(left) && isPure(right);
  }
  return false;
}
