/**
 * A linear lexer that knows just enough of each language to tell code from strings and comments and to report the
 * brackets, semicolons and line ends of the code. It never guesses: anything it cannot follow (JSX, unterminated
 * strings, raw interpolated C# strings) makes it give up, and the caller parses the whole file instead.
 */
export type Dialect = 'js' | 'java' | 'csharp' | 'go' | 'python';

export interface StructureSink {
  /** An opening bracket ({, ( or [) in code. */
  open(offset: number, char: number): void;
  /** A closing bracket; false when it does not match, which stops the lex. */
  close(offset: number, char: number): boolean;
  semicolon(offset: number): void;
  /** A line end in code; `endsStatement` says whether the language would end a statement here (Go, JS, Python). */
  newline(offset: number, endsStatement: boolean): void;
}

const NL = 10;
const next0 = (text: string, i: number): number => text.charCodeAt(i + 1);
/** ASCII identifier characters as a table: scanning identifiers is most of the lexer's time. */
const asciiIdentifier = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36));
/** Digits, letters, `_`, `$` and anything past ASCII; false past the end of the text (NaN). */
const isIdentifierChar = (c: number): boolean => (c < 128 ? asciiIdentifier[c] === 1 : c > 127);

/** Words after which a JS `/` starts a regex rather than a division, and which never end a JS statement. */
const jsKeywords = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await const let var export import from extends implements as satisfies is keyof readonly declare abstract async static public private protected type interface enum namespace module function class if for while switch try catch finally default get set infer unique asserts override accessor'.split(
    ' ',
  ),
);
/** Go ends a statement after an identifier, a literal, ) ] } ++ -- and these keywords — and after no other keyword. */
const goKeywords = new Set('break default func interface select case defer go map struct chan else goto package switch const fallthrough if range type continue for import return var'.split(' '));
const goEnding = new Set(['break', 'continue', 'fallthrough', 'return']);

const enum Last {
  None,
  Word,
  Value,
  Operator,
}

export class CodeLexer {
  private last = Last.None;
  private wordStart = 0;
  private wordEnd = 0;
  private lineHasCode = false;

  constructor(
    private readonly text: string,
    private readonly dialect: Dialect,
  ) {}

  /** Feeds the structure of the whole text to the sink; false when the lexer gave up. */
  run(sink: StructureSink): boolean {
    return this.code(0, sink) === this.text.length;
  }

  private lastWord(): string {
    return this.text.slice(this.wordStart, this.wordEnd);
  }

  /**
   * Lexes code from `i`. With a sink, runs to the end of the text; without one (inside an interpolation hole),
   * stops after the `}` that closes the hole. Returns the end offset, or -1 to give up.
   */
  private code(i: number, sink: StructureSink | undefined): number {
    const { text, dialect } = this;
    const n = text.length;
    let braces = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === NL) {
        if (sink) sink.newline(i, this.endsStatement());
        this.lineHasCode = false;
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12) {
        i++;
        continue;
      }
      if (dialect === 'csharp' && (c === 64 || c === 36) && (next0(text, i) === 34 || next0(text, i) === 64 || next0(text, i) === 36)) {
        i = this.csharpString(i);
        if (i < 0) return -1;
        this.setLast(Last.Value);
        continue;
      }
      if (dialect === 'python' && c === 92 && (text.charCodeAt(i + 1) === NL || (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === NL))) {
        i += text.charCodeAt(i + 1) === NL ? 2 : 3; // explicit line joining
        continue;
      }
      if (isIdentifierChar(c)) {
        const start = i;
        while (i < n && isIdentifierChar(text.charCodeAt(i))) i++;
        const next = text.charCodeAt(i);
        if (dialect === 'python' && (next === 34 || next === 39) && i - start <= 2 && /^[rRbBuUfF]+$/.test(text.slice(start, i))) {
          i = this.pythonString(i, /[fF]/.test(text.slice(start, i)));
          if (i < 0) return -1;
          this.setLast(Last.Value);
          continue;
        }
        this.wordStart = start;
        this.wordEnd = i;
        this.setLast(Last.Word);
        continue;
      }
      const next = text.charCodeAt(i + 1);
      // Comments.
      if (dialect === 'python' ? c === 35 : c === 47 && next === 47) {
        while (i < n && text.charCodeAt(i) !== NL) i++;
        continue;
      }
      if (dialect !== 'python' && c === 47 && next === 42) {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) return -1;
        i = end + 2;
        continue;
      }
      if (dialect === 'csharp' && c === 35 && !this.lineHasCode) {
        while (i < n && text.charCodeAt(i) !== NL) i++; // preprocessor directive
        continue;
      }
      if (c === 34 || c === 39 || c === 96) {
        i = this.string(i);
        if (i < 0) return -1;
        this.setLast(Last.Value);
        continue;
      }
      if (dialect === 'js' && c === 47 && this.regexAllowed()) {
        i = this.regex(i);
        if (i < 0) return -1;
        this.setLast(Last.Value);
        continue;
      }
      // JSX (and TypeScript's <T>x casts) is not followed: the whole file is parsed instead.
      if (dialect === 'js' && c === 60 && this.regexAllowed() && (isIdentifierChar(next) || next === 62)) return -1;
      if (dialect === 'js' && ((c === 60 && next === 47) || (c === 47 && next === 62))) return -1;
      if (c === 123 || c === 40 || c === 91) {
        if (c === 123) braces++;
        sink?.open(i, c);
        this.setLast(Last.Operator);
        i++;
        continue;
      }
      if (c === 125 || c === 41 || c === 93) {
        if (c === 125) {
          if (!sink && braces === 0) return i + 1;
          braces--;
        }
        if (sink && !sink.close(i, c)) return -1;
        this.setLast(Last.Value);
        i++;
        continue;
      }
      if (c === 59) sink?.semicolon(i);
      if ((c === 43 || c === 45) && next === c) {
        this.setLast(Last.Value); // ++ and -- end a Go statement
        i += 2;
        continue;
      }
      this.setLast(Last.Operator);
      i++;
    }
    return sink ? i : -1;
  }

  private setLast(kind: Last): void {
    this.last = kind;
    this.lineHasCode = true;
  }

  private regexAllowed(): boolean {
    if (this.last === Last.None || this.last === Last.Operator) return true;
    return this.last === Last.Word && jsKeywords.has(this.lastWord());
  }

  /** Whether a line end here ends a statement: exact for Go and Python, conservative for JS (ASI), never for Java and C#. */
  private endsStatement(): boolean {
    switch (this.dialect) {
      case 'python':
        return true; // the sink only counts line ends outside brackets; a backslash continuation is handled by the caller
      case 'go':
        if (this.last === Last.Value) return true;
        if (this.last !== Last.Word) return false;
        return !goKeywords.has(this.lastWord()) || goEnding.has(this.lastWord());
      case 'js':
        return this.last === Last.Value || (this.last === Last.Word && !jsKeywords.has(this.lastWord()));
      default:
        return false;
    }
  }

  private string(i: number): number {
    const { text, dialect } = this;
    const c = text.charCodeAt(i);
    if (dialect === 'python') return this.pythonString(i, false);
    if (dialect === 'js') return c === 96 ? this.template(i + 1) : this.quoted(i + 1, c);
    if (dialect === 'go') return c === 96 ? this.until(i + 1, '`') : this.quoted(i + 1, c);
    if (dialect === 'java') return text.startsWith('"""', i) ? this.textBlock(i + 3) : c === 96 ? -1 : this.quoted(i + 1, c);
    return this.csharpString(i);
  }

  /** A one-line string or char literal with backslash escapes. */
  private quoted(i: number, quote: number): number {
    const { text } = this;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === quote) return i + 1;
      else if (c === NL) return -1;
    }
    return -1;
  }

  private until(i: number, close: string): number {
    const end = this.text.indexOf(close, i);
    return end === -1 ? -1 : end + close.length;
  }

  private textBlock(i: number): number {
    for (let end = this.text.indexOf('"""', i); end !== -1; end = this.text.indexOf('"""', end + 1)) {
      if (this.text.charCodeAt(end - 1) !== 92) return end + 3;
    }
    return -1;
  }

  private template(i: number): number {
    const { text } = this;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 96) return i + 1;
      else if (c === 36 && text.charCodeAt(i + 1) === 123) {
        i = this.code(i + 2, undefined) - 1;
        if (i < 0) return -1;
      }
    }
    return -1;
  }

  private csharpString(i: number): number {
    const { text } = this;
    let j = i;
    let interpolated = false;
    let verbatim = false;
    for (; text.charCodeAt(j) === 36 || text.charCodeAt(j) === 64; j++) {
      if (text.charCodeAt(j) === 36) interpolated = true;
      else verbatim = true;
    }
    if (text.charCodeAt(j) === 39 && j === i) return this.quoted(j + 1, 39);
    if (text.charCodeAt(j) !== 34) return -1;
    if (text.startsWith('"""', j)) {
      if (interpolated) return -1; // raw interpolated strings: parse the whole file
      let quotes = 0;
      while (text.charCodeAt(j + quotes) === 34) quotes++;
      return this.until(j + quotes, '"'.repeat(quotes));
    }
    for (j++; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (verbatim && c === 34 && text.charCodeAt(j + 1) === 34) j++;
      else if (!verbatim && c === 92) j++;
      else if (c === 34) return j + 1;
      else if (!verbatim && c === NL) return -1;
      else if (interpolated && c === 123) {
        if (text.charCodeAt(j + 1) === 123) j++;
        else if ((j = this.code(j + 1, undefined) - 1) < 0) return -1;
      }
    }
    return -1;
  }

  /** Python strings: single or triple quoted, with an optional prefix already consumed; f-strings have holes. */
  private pythonString(i: number, formatted: boolean): number {
    const { text } = this;
    const quote = text.charCodeAt(i);
    const triple = text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote;
    for (let j = i + (triple ? 3 : 1); j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === quote && (!triple || (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote))) return j + (triple ? 3 : 1);
      else if (c === NL && !triple) return -1;
      else if (formatted && c === 123) {
        if (text.charCodeAt(j + 1) === 123) j++;
        else if ((j = this.code(j + 1, undefined) - 1) < 0) return -1;
      }
    }
    return -1;
  }

  private regex(i: number): number {
    const { text } = this;
    let inClass = false;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === NL) return -1;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        i++;
        while (i < text.length && isIdentifierChar(text.charCodeAt(i))) i++;
        return i;
      }
    }
    return -1;
  }
}
