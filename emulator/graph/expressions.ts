import type { Expr } from './parser.js';
import { errorAt, type Token } from './tokens.js';

/**
 * Scalar expressions compiled once per operator into closures over a row. KQL semantics kept where the client's
 * queries depend on them: a missing property is null; == and != are case-sensitive, =~ and !~ compare as
 * case-insensitive strings; comparisons with null follow KQL (null == x is false, null != x is true, null vs null
 * is null); and/or are three-valued; where keeps a row only when its predicate is true.
 */
export type Row = Record<string, unknown>;
export type Compiled = (row: Row) => unknown;

/** What an expression may reference: the columns at this point of the pipeline, and the operator for messages. */
export interface Scope {
  columns: ReadonlySet<string>;
  operator: string;
}

export const AGGREGATES = new Set(['count', 'make_list', 'make_set']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** KQL tostring(): null is "", dynamic values become their JSON text. */
export function toKqlString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** true / false / null; anything else in a boolean position is a query error, as in KQL. */
export function asBoolean(value: unknown, at: Token): boolean | null {
  if (value === true || value === false) return value;
  if (value === null || value === undefined) return null;
  throw errorAt(at, 'Expected a boolean expression');
}

interface ScalarFunction {
  arity: [number, number];
  apply(args: unknown[], at: Token): unknown;
}

/** iff(condition, then, else), also spelled iif; a null condition counts as false, as in KQL. */
const IFF: ScalarFunction = { arity: [3, 3], apply: ([condition, then, otherwise], at) => (asBoolean(condition, at) === true ? then : otherwise) };

const FUNCTIONS: Record<string, ScalarFunction> = {
  isempty: { arity: [1, 1], apply: ([v]) => isEmpty(v) },
  isnotempty: { arity: [1, 1], apply: ([v]) => !isEmpty(v) },
  isnull: { arity: [1, 1], apply: ([v]) => v === null || v === undefined },
  isnotnull: { arity: [1, 1], apply: ([v]) => v !== null && v !== undefined },
  tostring: { arity: [1, 1], apply: ([v]) => toKqlString(v) },
  tolower: { arity: [1, 1], apply: ([v]) => toKqlString(v).toLowerCase() },
  toupper: { arity: [1, 1], apply: ([v]) => toKqlString(v).toUpperCase() },
  not: {
    arity: [1, 1],
    apply: ([v], at) => {
      const b = asBoolean(v, at);
      return b === null ? null : !b;
    },
  },
  strcat: { arity: [1, 64], apply: (args) => args.map(toKqlString).join('') },
  // split(text, delimiter[, index]): the pieces as a dynamic array; with an index, an array of that one piece.
  split: {
    arity: [2, 3],
    apply: ([text, delimiter, index]) => {
      const pieces = toKqlString(text).split(toKqlString(delimiter));
      if (index === undefined) return pieces;
      const i = Number(index);
      return i >= 0 && i < pieces.length ? [pieces[i]] : [];
    },
  },
  iff: IFF,
  iif: IFF,
  pack: { arity: [0, Infinity], apply: pack },
  bag_pack: { arity: [0, Infinity], apply: pack },
  pack_array: { arity: [0, Infinity], apply: (args) => args.map((v) => v ?? null) },
};

function pack(args: unknown[], at: Token): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i += 2) {
    if (typeof args[i] !== 'string') throw errorAt(at, 'pack() expects string keys');
    bag[args[i] as string] = args[i + 1] ?? null;
  }
  return bag;
}

export function compile(expr: Expr, scope: Scope): Compiled {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'column': {
      if (!scope.columns.has(expr.name)) throw errorAt(expr.at, `'${scope.operator}' operator: Failed to resolve scalar expression named '${expr.name}'`);
      const name = expr.name;
      return (row) => row[name] ?? null;
    }
    case 'member': {
      const target = compile(expr.target, scope);
      if (expr.key.kind === 'literal' && typeof expr.key.value === 'string') {
        const name = expr.key.value; // a.b and a['b']: the common case, without a closure per key
        return (row) => {
          const value = target(row);
          return isPlainObject(value) ? (value[name] ?? null) : null;
        };
      }
      return member(target, compile(expr.key, scope));
    }
    case 'call':
      return call(expr, scope);
    case 'binary':
      return binary(expr.op, compile(expr.left, scope), compile(expr.right, scope), expr.at);
  }
}

function member(target: Compiled, key: Compiled): Compiled {
  return (row) => {
    const value = target(row);
    const k = key(row);
    if (Array.isArray(value) && typeof k === 'number') return value[k < 0 ? value.length + k : k] ?? null;
    if (isPlainObject(value) && typeof k === 'string') return value[k] ?? null;
    return null;
  };
}

function call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope): Compiled {
  if (AGGREGATES.has(expr.name)) throw errorAt(expr.at, 'Aggregation function outside summarize');
  const fn = FUNCTIONS[expr.name];
  if (!fn) throw errorAt(expr.at, 'Unknown function', `the emulator knows ${Object.keys(FUNCTIONS).join(', ')}, and ${[...AGGREGATES].join(', ')} in summarize`);
  const [min, max] = fn.arity;
  if (expr.args.length < min || expr.args.length > max) throw errorAt(expr.at, `Wrong number of arguments (${expr.args.length})`);
  if ((expr.name === 'pack' || expr.name === 'bag_pack') && expr.args.length % 2 !== 0) throw errorAt(expr.at, 'Odd number of arguments', 'pack takes key, value pairs');
  const args = expr.args.map((a) => compile(a, scope));
  const at = expr.at;
  const keys = expr.args.filter((_, i) => i % 2 === 0);
  if (fn.apply === pack && keys.every((k) => k.kind === 'literal' && typeof k.value === 'string')) {
    // pack('k1', v1, ...) with literal keys (every query the client sends): build the bag directly.
    const names = keys.map((k) => (k as { value: string }).value);
    const values = args.filter((_, i) => i % 2 === 1);
    return (row) => {
      const bag: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) bag[names[i]] = values[i](row) ?? null;
      return bag;
    };
  }
  if (args.length === 1) {
    const [only] = args;
    return (row) => fn.apply([only(row)], at);
  }
  return (row) => fn.apply(args.map((a) => a(row)), at);
}

// Columns such as type repeat few distinct values over thousands of rows: lower-case each once.
const lowered = new Map<string, string>();
function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size >= 50_000) lowered.clear();
    lowered.set(text, (lower = text.toLowerCase()));
  }
  return lower;
}

/** and (decided by false) and or (decided by true) in KQL's three-valued logic: short of the deciding value, null wins. */
function logical(decisive: boolean, left: Compiled, right: Compiled, at: Token): Compiled {
  return (row) => {
    const l = asBoolean(left(row), at);
    if (l === decisive) return decisive;
    const r = asBoolean(right(row), at);
    return r === decisive ? decisive : l === null || r === null ? null : !decisive;
  };
}

function binary(op: string, left: Compiled, right: Compiled, at: Token): Compiled {
  switch (op) {
    case 'and':
      return logical(false, left, right, at);
    case 'or':
      return logical(true, left, right, at);
    case '==':
    case '!=': {
      const equal = op === '==';
      return (row) => {
        const l = left(row) ?? null;
        const r = right(row) ?? null;
        if (l === null || r === null) return l === null && r === null ? null : !equal;
        return sameValue(l, r) === equal;
      };
    }
    case '=~':
    case '!~': {
      const equal = op === '=~';
      return (row) => {
        const l = toKqlString(left(row));
        const r = toKqlString(right(row));
        return (l === r || lowerCase(l) === lowerCase(r)) === equal;
      };
    }
    default:
      throw errorAt(at, `Unsupported operator '${op}'`);
  }
}
