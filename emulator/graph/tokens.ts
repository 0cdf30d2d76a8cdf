/**
 * Tokens of the KQL subset the emulator's Azure Resource Graph understands. Positions follow ARG's ParserFailure
 * details: 1-based line, 0-based character position in that line.
 */
export type TokenKind = 'identifier' | 'string' | 'number' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text ("'abc'" for a string literal). */
  text: string;
  /** The decoded string, the number, or the text itself. */
  value: string | number;
  line: number;
  column: number;
}

/** A query the emulator cannot run; the handler turns it into ARG's 400 InvalidQuery / ParserFailure. */
export class KqlError extends Error {
  constructor(message: string, readonly token: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** "<problem> at '<token>' (line l, position p)[: <hint>]." */
export function errorAt(token: Token, problem: string, hint?: string): KqlError {
  const shown = token.kind === 'end' ? 'the end of the query' : `'${token.text}'`;
  const message = `${problem} at ${shown} (line ${token.line}, position ${token.column})${hint ? `: ${hint}` : ''}.`;
  return new KqlError(message, token.text, token.line, token.column);
}

// Longest first, so "==" wins over "=".
const SYMBOLS = ['==', '!=', '=~', '!~', '|', ',', '(', ')', '[', ']', '.', '='];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (start: number) => ({ line, column: start - lineStart });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i += 1;
      const text = source.slice(start, i);
      tokens.push({ kind: 'identifier', text, value: text, ...at(start) });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < source.length && /[0-9]/.test(source[i])) i += 1;
      if (source[i] === '.' && /[0-9]/.test(source[i + 1] ?? '')) {
        i += 1;
        while (i < source.length && /[0-9]/.test(source[i])) i += 1;
      }
      const text = source.slice(start, i);
      tokens.push({ kind: 'number', text, value: Number(text), ...at(start) });
      continue;
    }
    const verbatim = c === '@' && (source[i + 1] === "'" || source[i + 1] === '"');
    if (c === "'" || c === '"' || verbatim) {
      const quote = verbatim ? source[i + 1] : c;
      i += verbatim ? 2 : 1;
      let value = '';
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') {
          const text = source.slice(start, i);
          throw errorAt({ kind: 'string', text, value: text, ...at(start) }, 'Unterminated string literal');
        }
        i += 1;
        if (d === quote) break;
        if (d === '\\' && !verbatim) {
          const escaped = ESCAPES[source[i]];
          if (escaped === undefined) throw errorAt({ kind: 'symbol', text: `\\${source[i] ?? ''}`, value: '', ...at(i - 1) }, 'Unknown escape sequence');
          value += escaped;
          i += 1;
          continue;
        }
        value += d;
      }
      tokens.push({ kind: 'string', text: source.slice(start, i), value, ...at(start) });
      continue;
    }
    const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
    if (!symbol) throw errorAt({ kind: 'symbol', text: c, value: c, ...at(start) }, 'Unexpected character');
    i += symbol.length;
    tokens.push({ kind: 'symbol', text: symbol, value: symbol, ...at(start) });
  }
  tokens.push({ kind: 'end', text: '', value: '', ...at(i) });
  return tokens;
}
