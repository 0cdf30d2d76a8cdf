/**
 * A parsed Go file as the rewriter reads it: the call a finding points at, the statement and function around it,
 * where a name is declared (a local in an enclosing block, a parameter, or a package-level const/var), what a value
 * holds (a literal, an environment read, or anything else) and the imports.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { parserFor } from '../../../scanner/grammars';
import { ParsedCode } from '../parsedCode';

export interface Declaration {
  name: string;
  kind: 'local' | 'parameter' | 'package';
  /** The statement or spec that declares it (short_var_declaration, var_declaration, const_spec…). */
  statement: Node;
  /** Its value, when the declaration pairs one name with one value. */
  value?: Node;
  /** How many names the statement declares. */
  names: number;
  /** For locals: the function body the name lives in. */
  body?: Node;
}

export interface ImportSpec {
  node: Node;
  path: string;
  /** The name code uses: the alias, else the path's last element (a /vN suffix skipped). */
  name: string;
}

const functionTypes = new Set(['function_declaration', 'method_declaration', 'func_literal']);

export class GoDocument extends ParsedCode {
  static async parse(text: string): Promise<GoDocument | undefined> {
    const tree = (await parserFor('go')).parse(text);
    return tree ? new GoDocument(text, tree, 'go', { unwrap, literalValue, isEnvRead }) : undefined;
  }

  envRead(name: string): string {
    return `os.Getenv("${name}")`;
  }

  protected declaredValue(identifier: Node): Node | undefined {
    return this.declarationOf(identifier)?.value;
  }

  /** The statement that holds the node and sits directly in a block, and that block's statement list. */
  statementOf(node: Node): { statement: Node; list: Node } | undefined {
    for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === 'statement_list') return { statement: child, list: parent };
      if (functionTypes.has(parent.type) || parent.type === 'source_file') return undefined;
    }
    return undefined;
  }

  declarationOf(identifier: Node): Declaration | undefined {
    return this.declarationOfName(identifier.text, identifier);
  }

  /** Where `name`, used at `at`, is declared: the nearest enclosing block that declares it before, then parameters, then the package. */
  declarationOfName(name: string, at: Node): Declaration | undefined {
    let child: Node = at;
    for (let scope = at.parent; scope; child = scope, scope = scope.parent) {
      if (scope.type === 'statement_list') {
        let found: Declaration | undefined;
        for (const statement of scope.namedChildren) {
          if (!statement || statement.startIndex >= child.startIndex) break;
          found = localNamed(statement, name) ?? found;
        }
        if (found) return { ...found, body: functionOf(scope)?.childForFieldName('body') ?? undefined };
      } else if (functionTypes.has(scope.type)) {
        for (const field of ['receiver', 'parameters', 'result']) {
          for (const declaration of scope.childForFieldName(field)?.namedChildren ?? []) {
            if (declaration?.childrenForFieldName('name').some((n) => n?.text === name)) return { name, kind: 'parameter', statement: declaration, names: 1 };
          }
        }
      } else if (scope.type === 'source_file') {
        for (const spec of scope.descendantsOfType(['const_spec', 'var_spec'])) {
          if (!spec || functionOf(spec)) continue;
          const names = spec.childrenForFieldName('name');
          const index = names.findIndex((n) => n?.text === name);
          if (index === -1) continue;
          const values = spec.childForFieldName('value')?.namedChildren ?? [];
          return { name, kind: 'package', statement: spec, value: values.length === names.length ? (values[index] ?? undefined) : undefined, names: names.length };
        }
      }
    }
    return undefined;
  }

  /** Identifiers spelled like the declaration inside its function body, its own name excepted. */
  usesOf(declaration: Declaration): Node[] {
    const scope = declaration.body ?? this.root;
    const own = new Set(declaredNames(declaration.statement).map((n) => n.startIndex));
    return scope.descendantsOfType('identifier').filter((n): n is Node => !!n && n.text === declaration.name && !own.has(n.startIndex));
  }

  imports(): ImportSpec[] {
    return this.root.descendantsOfType('import_spec').flatMap((node) => {
      if (!node) return [];
      const path = node.childForFieldName('path')?.text.slice(1, -1) ?? '';
      const alias = node.childForFieldName('name')?.text;
      const elements = path.split('/');
      const last = /^v\d+$/.test(elements[elements.length - 1] ?? '') && elements.length > 1 ? elements[elements.length - 2]! : elements[elements.length - 1]!;
      return [{ node, path, name: alias ?? last }];
    });
  }

  /** Every name in use in the function (parameters included) or at package level: a new variable must not take one. */
  namesAround(node: Node): Set<string> {
    const names = new Set(this.imports().map((i) => i.name));
    const scope = functionOf(node) ?? this.root;
    for (const id of scope.descendantsOfType('identifier')) if (id) names.add(id.text);
    return names;
  }
}

/** The name nodes a declaration statement or spec declares. */
function declaredNames(statement: Node): Node[] {
  const left = statement.childForFieldName('left');
  if (left) return left.namedChildren.filter((n): n is Node => !!n);
  const specs = statement.type.endsWith('_spec') ? [statement] : statement.descendantsOfType(['var_spec', 'const_spec']);
  return specs.flatMap((spec) => spec?.childrenForFieldName('name').filter((n): n is Node => !!n) ?? []);
}

function localNamed(statement: Node, name: string): Omit<Declaration, 'body'> | undefined {
  if (statement.type === 'short_var_declaration') {
    const names = statement.childForFieldName('left')?.namedChildren ?? [];
    const values = statement.childForFieldName('right')?.namedChildren ?? [];
    const index = names.findIndex((n) => n?.text === name);
    if (index === -1) return undefined;
    return { name, kind: 'local', statement, value: values.length === names.length ? (values[index] ?? undefined) : undefined, names: names.length };
  }
  if (statement.type === 'var_declaration' || statement.type === 'const_declaration') {
    const specs = statement.descendantsOfType(['var_spec', 'const_spec']);
    for (const spec of specs) {
      const names = spec?.childrenForFieldName('name') ?? [];
      const index = names.findIndex((n) => n?.text === name);
      if (!spec || index === -1) continue;
      const values = spec.childForFieldName('value')?.namedChildren ?? [];
      const single = specs.length === 1 && names.length === 1;
      return { name, kind: 'local', statement: single ? statement : spec, value: values.length === names.length ? (values[index] ?? undefined) : undefined, names: single ? 1 : 2 };
    }
  }
  return undefined;
}

export function functionOf(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (functionTypes.has(current.type)) return current;
  return undefined;
}

export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildren[0]) current = current.namedChildren[0];
  return current;
}

export function literalValue(node: Node): string | undefined {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type === 'interpreted_string_literal') return node.text.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left ? literalValue(unwrap(left)) : undefined;
    const b = right ? literalValue(unwrap(right)) : undefined;
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

/** `os.Getenv("X")`. */
export function isEnvRead(node: Node): boolean {
  return node.type === 'call_expression' && node.childForFieldName('function')?.text.replace(/\s+/g, '') === 'os.Getenv';
}

/** Calls that only build a value from their arguments. */
const pureCalls = /^(os\.Getenv|fmt\.Sprintf|azcore\.NewKeyCredential|azcore\.NewSASCredential|to\.Ptr)$/;

/** Values whose removal changes nothing but the value: literals, names, environment reads, and simple compositions. */
export function isPure(node: Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
    case 'identifier':
    case 'selector_expression':
    case 'nil':
    case 'int_literal':
      return true;
    case 'binary_expression':
      return [inner.childForFieldName('left'), inner.childForFieldName('right')].every((n) => !!n && isPure(n));
    case 'unary_expression':
      return inner.childForFieldName('operator')?.text === '&' && isPure(inner.childForFieldName('operand')!);
    case 'composite_literal':
      return inner.descendantsOfType('call_expression').every((call) => !call || pureCalls.test(call.childForFieldName('function')?.text ?? ''));
    case 'call_expression':
      return pureCalls.test(inner.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '') && (inner.childForFieldName('arguments')?.namedChildren ?? []).every((a) => !!a && isPure(a));
    default:
      return false;
  }
}
