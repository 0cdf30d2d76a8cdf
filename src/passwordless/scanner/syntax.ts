/**
 * The few facts about each grammar the code rules need: which nodes are calls and constructions, where their
 * callee and arguments are, and which nodes are strings, functions and object literals.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../rules/model';

export interface SyntaxProfile {
  construct: ReadonlySet<string>;
  /** Constructions without a type of their own (C#'s `new(…)`): they build the declared type of what they initialise. */
  targetTyped?: ReadonlySet<string>;
  call: ReadonlySet<string>;
  strings: ReadonlySet<string>;
  functions: ReadonlySet<string>;
  objects: ReadonlySet<string>;
  /** Nodes whose inside is never code: comments and strings. */
  inert: ReadonlySet<string>;
  /** Java's method_invocation keeps receiver and name apart; elsewhere the callee is one expression. */
  calleeField: string;
  receiverField?: string;
}

const set = (...types: string[]): ReadonlySet<string> => new Set(types);

const jsStrings = set('string', 'template_string');
const javascript: SyntaxProfile = {
  construct: set('new_expression'),
  call: set('call_expression'),
  strings: jsStrings,
  functions: set('arrow_function', 'function_expression', 'function'),
  objects: set('object'),
  inert: set('comment', 'string', 'string_fragment', 'regex', 'jsx_text'),
  calleeField: 'function',
};

export const profiles: Record<CodeRuleLanguage, SyntaxProfile> = {
  typescript: javascript,
  javascript,
  python: {
    construct: set(),
    call: set('call'),
    strings: set('string', 'concatenated_string'),
    functions: set('lambda'),
    objects: set('dictionary'),
    inert: set('comment', 'string', 'string_content'),
    calleeField: 'function',
  },
  csharp: {
    construct: set('object_creation_expression', 'implicit_object_creation_expression'),
    targetTyped: set('implicit_object_creation_expression'),
    call: set('invocation_expression'),
    strings: set('string_literal', 'verbatim_string_literal', 'interpolated_string_expression', 'raw_string_literal'),
    functions: set('lambda_expression', 'anonymous_method_expression'),
    objects: set('anonymous_object_creation_expression'),
    inert: set('comment', 'string_literal', 'verbatim_string_literal', 'raw_string_literal', 'string_content'),
    calleeField: 'function',
  },
  java: {
    construct: set('object_creation_expression'),
    call: set('method_invocation'),
    strings: set('string_literal'),
    functions: set('lambda_expression'),
    objects: set(),
    inert: set('line_comment', 'block_comment', 'string_literal', 'string_fragment', 'multiline_string_fragment'),
    calleeField: 'name',
    receiverField: 'object',
  },
  go: {
    construct: set(),
    call: set('call_expression'),
    strings: set('interpreted_string_literal', 'raw_string_literal'),
    functions: set('func_literal'),
    objects: set(),
    inert: set('comment', 'interpreted_string_literal', 'raw_string_literal'),
    calleeField: 'function',
  },
};

export interface CallSite {
  kind: 'construct' | 'call';
  node: Node;
  /** The callee as written without whitespace or generics: "BlobServiceClient.fromConnectionString". */
  callee: string;
  /** Its last segment: "fromConnectionString". */
  name: string;
  calleeNode: Node;
  receiver?: Node;
  /** Computed on first use: most call sites are rejected by name alone. */
  readonly args: Argument[];
}

export interface Argument {
  keyword?: string;
  value: Node;
}

const maxCalleeText = 300;

/** Only the callee's tail matters (its last segments), so long receiver chains cost nothing. */
function normaliseCallee(text: string): string {
  const tail = text.length > maxCalleeText ? text.slice(-maxCalleeText) : text;
  const generic = tail.indexOf('<');
  return (generic === -1 ? tail : tail.slice(0, generic)).replace(/\s+/g, '');
}

/** A call or construction at this node, or undefined. */
export function callSiteOf(node: Node, profile: SyntaxProfile): CallSite | undefined {
  const kind = profile.construct.has(node.type) ? 'construct' : profile.call.has(node.type) ? 'call' : undefined;
  if (!kind) return undefined;
  const calleeNode = profile.targetTyped?.has(node.type)
    ? declaredTypeOf(node)
    : kind === 'construct'
      ? (node.childForFieldName('constructor') ?? node.childForFieldName('type'))
      : node.childForFieldName(profile.calleeField);
  if (!calleeNode) return undefined;
  const callee = normaliseCallee(calleeNode.text);
  if (callee.length === 0) return undefined;
  // `global::Name` has no dot before the name.
  const dot = Math.max(callee.lastIndexOf('.'), callee.lastIndexOf(':'));
  const receiver = profile.receiverField && kind === 'call' ? (node.childForFieldName(profile.receiverField) ?? undefined) : undefined;
  let args: Argument[] | undefined;
  return {
    kind,
    node,
    callee,
    name: callee.slice(dot + 1),
    calleeNode,
    receiver,
    get args() {
      args ??= argumentsOf(node);
      return args;
    },
  };
}

/**
 * The type a C# target-typed `new(…)` builds: the declared type of the variable, field or property it initialises
 * (`BlobServiceClient c = new(…)`, `SecretClient C { get; } = new(…)`, `CosmosClient C => new(…)`), `?` dropped.
 * Undefined elsewhere (arguments, returns, assignments), where the type is not written next to it.
 */
export function declaredTypeOf(creation: Node): Node | undefined {
  let owner = creation.parent;
  if (owner?.type === 'arrow_expression_clause' && owner.parent?.type === 'property_declaration') owner = owner.parent;
  const declaration = owner?.type === 'variable_declarator' ? owner.parent : owner;
  if (declaration?.type !== 'variable_declaration' && declaration?.type !== 'property_declaration') return undefined;
  const type = declaration.childForFieldName('type');
  return (type?.type === 'nullable_type' ? type.childForFieldName('type') : type) ?? undefined;
}

/** The target-typed constructions a C# declaration initialises: one per declarator, or a property's value. */
export function targetTypedCreations(declaration: Node, profile: SyntaxProfile): Node[] {
  if (!profile.targetTyped) return [];
  let values: Array<Node | null | undefined> = [];
  if (declaration.type === 'variable_declaration') {
    values = declaration.namedChildren.filter((child) => child?.type === 'variable_declarator').map((declarator) => declarator!.namedChildren[declarator!.namedChildCount - 1]);
  } else if (declaration.type === 'property_declaration') {
    const value = declaration.childForFieldName('value');
    values = [value?.type === 'arrow_expression_clause' ? value.namedChildren[0] : value];
  }
  return values.filter((value): value is Node => !!value && profile.targetTyped!.has(value.type));
}

function argumentsOf(node: Node): Argument[] {
  // C#'s `new(…)` has its argument list without a field name.
  const list = node.childForFieldName('arguments') ?? node.namedChildren.find((child) => child?.type === 'argument_list');
  if (!list) return [];
  const args: Argument[] = [];
  for (const child of list.namedChildren) {
    if (!child || child.type.includes('comment')) continue;
    if (child.type === 'keyword_argument') {
      const value = child.childForFieldName('value');
      if (value) args.push({ keyword: child.childForFieldName('name')?.text, value });
    } else if (child.type === 'argument') {
      const value = child.namedChildren[child.namedChildCount - 1];
      if (value) args.push({ keyword: child.childForFieldName('name')?.text, value });
    } else {
      args.push({ value: child });
    }
  }
  return args;
}

/** Entries of an object literal or dictionary: key text (quotes stripped) and value (absent for shorthand). */
export function objectEntries(node: Node): Array<{ key: string; value?: Node }> {
  const entries: Array<{ key: string; value?: Node }> = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'shorthand_property_identifier') entries.push({ key: child.text });
    else if (child.type === 'pair') {
      const key = child.childForFieldName('key');
      const value = child.childForFieldName('value') ?? undefined;
      if (key) entries.push({ key: key.text.replace(/^["'`]|["'`]$/g, ''), value });
    }
  }
  return entries;
}
