import { errorAt, tokenize, type Token } from './tokens.js';

/**
 * Parser for the emulator's KQL subset: `<table> | where | extend | project | summarize | order by | take`, with
 * literals, column references, dynamic member access (a.b, a['b'], a[0]), comparisons (== != =~ !~), and/or,
 * and function calls. Precedence, lowest first: or, and, comparison, member access.
 */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean; at: Token }
  | { kind: 'column'; name: string; at: Token }
  | { kind: 'member'; target: Expr; key: Expr; at: Token }
  | { kind: 'call'; name: string; args: Expr[]; at: Token }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; at: Token };

/** `name = expr` or a bare `expr` (its column name is derived later). */
export interface NamedExpr {
  name?: string;
  expr: Expr;
}

export type Operator =
  | { kind: 'where'; predicate: Expr; at: Token }
  | { kind: 'extend'; columns: NamedExpr[]; at: Token }
  | { kind: 'project'; columns: NamedExpr[]; at: Token }
  | { kind: 'summarize'; aggregates: NamedExpr[]; by: NamedExpr[]; at: Token }
  | { kind: 'order'; keys: Array<{ expr: Expr; descending: boolean }>; at: Token }
  | { kind: 'take'; count: number; at: Token };

export interface Query {
  table: Token;
  operators: Operator[];
}

const COMPARISONS = new Set(['==', '!=', '=~', '!~']);

export function parseQuery(source: string): Query {
  return new Parser(tokenize(source)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    const table = this.next();
    if (table.kind !== 'identifier') throw errorAt(table, 'Expected a table name', 'resources or authorizationresources');
    const operators: Operator[] = [];
    while (this.isSymbol('|')) {
      this.next();
      operators.push(this.operator());
    }
    const rest = this.peek();
    if (rest.kind !== 'end') throw errorAt(rest, "Expected '|' or the end of the query");
    return { table, operators };
  }

  private operator(): Operator {
    const at = this.next();
    if (at.kind !== 'identifier') throw errorAt(at, 'Expected a query operator');
    switch (at.text) {
      case 'where':
        return { kind: 'where', predicate: this.expression(), at };
      case 'extend':
        return { kind: 'extend', columns: this.list(() => this.named()), at };
      case 'project':
        return { kind: 'project', columns: this.list(() => this.named()), at };
      case 'summarize': {
        const aggregates = this.isKeyword('by') ? [] : this.list(() => this.named());
        const by = this.isKeyword('by') ? (this.next(), this.list(() => this.named())) : [];
        return { kind: 'summarize', aggregates, by, at };
      }
      case 'order':
      case 'sort': {
        const by = this.next();
        if (by.kind !== 'identifier' || by.text !== 'by') throw errorAt(by, `Expected 'by' after '${at.text}'`);
        return { kind: 'order', keys: this.list(() => this.orderKey()), at };
      }
      case 'take':
      case 'limit': {
        const count = this.next();
        if (count.kind !== 'number' || !Number.isInteger(count.value)) throw errorAt(count, `Expected a whole number after '${at.text}'`);
        return { kind: 'take', count: count.value as number, at };
      }
      default:
        throw errorAt(at, 'Unsupported query operator', 'the emulator knows where, extend, project, summarize, order by, sort by, take and limit');
    }
  }

  private orderKey(): { expr: Expr; descending: boolean } {
    const expr = this.expression();
    // KQL sorts descending unless told otherwise.
    if (this.isKeyword('asc')) return this.next(), { expr, descending: false };
    if (this.isKeyword('desc')) this.next();
    return { expr, descending: true };
  }

  private named(): NamedExpr {
    const first = this.peek();
    const second = this.tokens[this.index + 1];
    if (first.kind === 'identifier' && second?.kind === 'symbol' && second.text === '=') {
      this.index += 2;
      return { name: first.text, expr: this.expression() };
    }
    return { expr: this.expression() };
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.isSymbol(',')) {
      this.next();
      items.push(item());
    }
    return items;
  }

  private expression(): Expr {
    return this.chain('or', () => this.chain('and', () => this.comparison()));
  }

  /** operand (keyword operand)*, left-associative. */
  private chain(keyword: 'and' | 'or', operand: () => Expr): Expr {
    let left = operand();
    while (this.isKeyword(keyword)) {
      const at = this.next();
      left = { kind: 'binary', op: keyword, left, right: operand(), at };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.postfix();
    const op = this.peek();
    if (op.kind !== 'symbol' || !COMPARISONS.has(op.text)) return left;
    this.next();
    return { kind: 'binary', op: op.text, left, right: this.postfix(), at: op };
  }

  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.isSymbol('.')) {
        const at = this.next();
        const name = this.next();
        if (name.kind !== 'identifier') throw errorAt(name, "Expected a property name after '.'");
        expr = { kind: 'member', target: expr, key: { kind: 'literal', value: name.text, at: name }, at };
      } else if (this.isSymbol('[')) {
        const at = this.next();
        const key = this.expression();
        this.expect(']');
        expr = { kind: 'member', target: expr, key, at };
      } else {
        return expr;
      }
    }
  }

  private primary(): Expr {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'literal', value: token.value, at: token };
    if (token.kind === 'identifier') {
      if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true', at: token };
      if (this.isSymbol('(')) {
        this.next();
        const args = this.isSymbol(')') ? [] : this.list(() => this.expression());
        this.expect(')');
        return { kind: 'call', name: token.text, args, at: token };
      }
      return { kind: 'column', name: token.text, at: token };
    }
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    throw errorAt(token, 'Expected an expression');
  }

  private expect(symbol: string): Token {
    const token = this.next();
    if (token.kind !== 'symbol' || token.text !== symbol) throw errorAt(token, `Expected '${symbol}'`);
    return token;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isSymbol(text: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.text === text;
  }

  private isKeyword(text: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text === text;
  }
}
