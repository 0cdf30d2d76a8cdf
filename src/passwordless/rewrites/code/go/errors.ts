/**
 * How a Go function handles errors, so the inserted `azidentity.NewDefaultAzureCredential` error is handled the same
 * way: the function's own `if err != nil { … }` (its return with the same zero values, its log.Fatal, panic or
 * t.Fatal) is copied with the new error; without one, `return <zero values>, err` when the function returns an error,
 * else log.Fatal (when log is imported) or panic. Never ignored.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { functionOf, type GoDocument } from './document';

const message = 'create Azure credential';
const terminating = /^(panic|os\.Exit|runtime\.Goexit|\w+\.(Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln|FailNow|Skip|Skipf))$/;
const zeroNil = new Set(['pointer_type', 'slice_type', 'map_type', 'channel_type', 'function_type', 'interface_type']);
const numeric = /^(u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|byte|rune)$/;

/** The statements to put inside `if <errName> != nil { … }` before the given statement. */
export function errorHandling(doc: GoDocument, statement: Node, errName: string): string[] {
  const fn = functionOf(statement);
  if (!fn) return [`panic(${errName})`];
  const found = handlerIn(fn, statement);
  const copied = found && copyHandler(found.block, found.name, errName);
  return copied ?? defaultHandling(doc, fn, errName);
}

/** The function's `if x != nil { … }` on an error variable: the first after the statement, else the first before it. */
function handlerIn(fn: Node, statement: Node): { block: Node; name: string } | undefined {
  const handlers: Array<{ block: Node; name: string; at: number }> = [];
  for (const node of fn.descendantsOfType('if_statement')) {
    if (!node || functionOf(node)?.startIndex !== fn.startIndex || node.childForFieldName('initializer')) continue;
    const condition = /^(\w*[eE]rr\w*)!=nil$/.exec(node.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '');
    const block = node.childForFieldName('consequence');
    if (condition && block && !node.childForFieldName('alternative')) handlers.push({ block, name: condition[1]!, at: node.startIndex });
  }
  return handlers.find((h) => h.at > statement.startIndex) ?? handlers[0];
}

function mentions(node: Node, name: string): boolean {
  return node.descendantsOfType('identifier').some((n) => n?.text === name) || (node.type === 'identifier' && node.text === name);
}

/** Values that mean the same anywhere in the function: literals, nil, composite literals of types. */
function isConstantValue(node: Node): boolean {
  return node.descendantsOfType('identifier').every((n) => !n || /^(nil|true|false|iota)$/.test(n.text)) && node.descendantsOfType('call_expression').length === 0;
}

function copyHandler(block: Node, name: string, errName: string): string[] | undefined {
  const statements = (block.namedChildren.find((c) => c?.type === 'statement_list')?.namedChildren ?? []).filter((s): s is Node => !!s && s.type !== 'comment');
  const lines: string[] = [];
  let terminates = false;
  for (const statement of statements) {
    if (statement.type === 'return_statement') {
      const values = statement.namedChildren.find((c) => c?.type === 'expression_list')?.namedChildren.filter((v): v is Node => !!v) ?? [];
      const copied: string[] = [];
      for (const value of values) {
        if (!mentions(value, name)) {
          if (!isConstantValue(value)) return undefined;
          copied.push(value.text);
        } else if (value.type === 'identifier') copied.push(errName);
        else if (value.type === 'call_expression' && value.childForFieldName('function')?.text === 'fmt.Errorf') copied.push(`fmt.Errorf("${message}: %w", ${errName})`);
        else copied.push(value.text.replace(new RegExp(`\\b${name}\\b`, 'g'), errName));
      }
      lines.push(copied.length > 0 ? `return ${copied.join(', ')}` : 'return');
      terminates = true;
      break;
    }
    const call = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (call?.type !== 'call_expression') return undefined;
    const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
    if (!mentions(call, name)) {
      if (!isConstantValue(call.childForFieldName('arguments') ?? call)) return undefined;
      lines.push(call.text);
    } else if (callee === 'panic') lines.push(`panic(${errName})`);
    else if (/f$/.test(callee)) lines.push(`${callee}("${message}: %v", ${errName})`);
    else lines.push(`${callee}(${errName})`);
    if (terminating.test(callee)) {
      terminates = true;
      break;
    }
  }
  return terminates ? lines : undefined;
}

function zeroOf(type: Node): string | undefined {
  if (zeroNil.has(type.type)) return 'nil';
  if (type.type !== 'type_identifier') return undefined;
  if (type.text === 'error' || type.text === 'any') return 'nil';
  if (type.text === 'string') return '""';
  if (type.text === 'bool') return 'false';
  return numeric.test(type.text) ? '0' : undefined;
}

function defaultHandling(doc: GoDocument, fn: Node, errName: string): string[] {
  const result = fn.childForFieldName('result');
  const types: Node[] = [];
  if (result?.type === 'parameter_list') {
    for (const declaration of result.namedChildren) {
      const type = declaration?.childForFieldName('type');
      if (!declaration || !type) continue;
      for (let i = 0; i < Math.max(1, declaration.childrenForFieldName('name').length); i++) types.push(type);
    }
  } else if (result) types.push(result);
  if (types.length > 0 && types[types.length - 1]!.text === 'error') {
    const zeros = types.slice(0, -1).map(zeroOf);
    if (zeros.every((z) => z !== undefined)) return [`return ${[...zeros, errName].join(', ')}`];
  }
  const testing = fn
    .childForFieldName('parameters')
    ?.namedChildren.find((p) => /^\*testing\.(T|B|F)$/.test(p?.childForFieldName('type')?.text.replace(/\s+/g, '') ?? ''))
    ?.childForFieldName('name')?.text;
  if (testing) return [`${testing}.Fatal(${errName})`];
  return doc.imports().some((i) => i.path === 'log' && i.name === 'log') ? [`log.Fatal(${errName})`] : [`panic(${errName})`];
}
