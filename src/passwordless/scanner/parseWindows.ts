/**
 * Which parts of a file the parser needs for a set of hits: the statement around each hit (at the innermost block
 * level) plus, for every enclosing block, its header (`class A {`, `void m() {`) and closing tail, so the statement
 * is parsed in the same context as in the whole file. One linear lex of the file; undefined when the lexer gives up.
 */
import { CodeLexer, type Dialect, type StructureSink } from './codeLexer';

export interface WindowHit {
  offset: number;
  /** Receiver names the hit's call needs (builder methods): without one of them before it in its statement, the hit is dropped. */
  requires?: readonly string[];
}

export interface Windows {
  /** Sorted, disjoint [start, end) offsets to parse. */
  ranges: Array<[number, number]>;
  /** Indexes of the hits that can still be findings, in the order given. */
  kept: number[];
}

interface Frame {
  open: number;
  /** The bracket's char code; 0 for the file itself. */
  char: number;
  /** Where the current statement at this level starts (block frames only). */
  stmtStart: number;
  /** Where the statement that holds this bracket starts, in the enclosing block. */
  headerStart: number;
  /** Range starts waiting for this block's next statement boundary (or its close). */
  pending: number[];
  needsTail: boolean;
  headerAdded: boolean;
}

const openerOf: Record<number, number> = { 125: 123, 41: 40, 93: 91 };

/** Words that continue a statement across `}` or a line end instead of starting a new one. */
const continuing: Record<Dialect, ReadonlySet<string>> = {
  // `from`: `import { A } from 'a'` goes on after its braces.
  js: new Set(['in', 'instanceof', 'as', 'satisfies', 'of', 'else', 'catch', 'finally', 'while', 'extends', 'implements', 'is', 'keyof', 'from']),
  java: new Set(['else', 'catch', 'finally', 'while', 'extends', 'implements', 'permits', 'throws']),
  csharp: new Set(['else', 'catch', 'finally', 'while', 'when', 'with', 'switch', 'into', 'orderby', 'select', 'where', 'join', 'on', 'equals', 'by', 'ascending', 'descending', 'group', 'let', 'is', 'as', 'and', 'or', 'not']),
  go: new Set(),
  python: new Set(),
};

const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 64 || c > 127;
const isWordChar = (c: number): boolean => isWordStart(c) || (c >= 48 && c <= 57);
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

export function parseWindows(text: string, dialect: Dialect, hits: readonly WindowHit[]): Windows | undefined {
  const ranges: Array<[number, number]> = [];
  const kept: number[] = [];
  const file: Frame = { open: -1, char: 0, stmtStart: 0, headerStart: 0, pending: [], needsTail: false, headerAdded: true };
  const stack: Frame[] = [file];
  const isBlock = (frame: Frame): boolean => frame.char === 0 || (frame.char === 123 && dialect !== 'python');
  const innermostBlock = (): Frame => {
    for (let i = stack.length - 1; ; i--) if (isBlock(stack[i]!)) return stack[i]!;
  };
  const boundary = (frame: Frame, at: number): void => {
    for (const start of frame.pending) if (at > start) ranges.push([start, at]);
    frame.pending = [];
    frame.stmtStart = at;
  };
  /** Whether the code after `at` starts a new statement (a word that does not continue the previous one). */
  const startsStatement = (at: number): boolean => {
    let i = at;
    for (;;) {
      while (i < text.length && isBlank(text.charCodeAt(i))) i++;
      if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
      else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) === -1 ? text.length : text.indexOf('*/', i) + 2;
      else break;
    }
    if (!isWordStart(text.charCodeAt(i))) return false;
    let end = i + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    return !continuing[dialect].has(text.slice(i, end));
  };
  let next = 0;
  const request = (index: number): void => {
    const hit = hits[index]!;
    const block = innermostBlock();
    let start = block.stmtStart;
    while (start < hit.offset && isBlank(text.charCodeAt(start))) start++;
    if (hit.requires) {
      const before = text.slice(start, hit.offset);
      if (!hit.requires.some((name) => before.includes(name))) return;
    }
    kept.push(index);
    block.pending.push(start);
    for (let i = stack.length - 1; i > 0; i--) {
      const frame = stack[i]!;
      if (!isBlock(frame) || frame.headerAdded) continue;
      frame.headerAdded = true;
      frame.needsTail = true;
      let headerStart = frame.headerStart;
      while (isBlank(text.charCodeAt(headerStart))) headerStart++;
      ranges.push([headerStart, frame.open + 1]);
    }
  };
  const flush = (before: number): void => {
    while (next < hits.length && hits[next]!.offset < before) request(next++);
  };
  const sink: StructureSink = {
    open(offset, char) {
      flush(offset);
      stack.push({ open: offset, char, stmtStart: offset + 1, headerStart: innermostBlock().stmtStart, pending: [], needsTail: false, headerAdded: false });
    },
    close(offset, char) {
      flush(offset);
      const frame = stack[stack.length - 1]!;
      if (frame.char !== openerOf[char]) return false;
      stack.pop();
      if (!isBlock(frame)) return true;
      for (const start of frame.pending) ranges.push([start, offset]);
      const parent = innermostBlock();
      if (frame.needsTail) parent.pending.push(offset);
      if (dialect !== 'go' && dialect !== 'python' && stack[stack.length - 1] === parent && startsStatement(offset + 1)) boundary(parent, offset + 1);
      return true;
    },
    semicolon(offset) {
      flush(offset);
      const top = stack[stack.length - 1]!;
      if (isBlock(top)) boundary(top, offset + 1);
    },
    newline(offset, endsStatement) {
      flush(offset);
      const top = stack[stack.length - 1]!;
      if (!endsStatement || !isBlock(top)) return;
      if (dialect === 'js' && !startsStatement(offset + 1)) return;
      boundary(top, offset + 1);
    },
  };
  if (!new CodeLexer(text, dialect).run(sink) || stack.length !== 1) return undefined;
  flush(Infinity);
  boundary(file, text.length);
  return { ranges: mergeRanges(ranges), kept };
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
