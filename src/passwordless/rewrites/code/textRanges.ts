/** Offsets helpers shared by the Java and Go rewriters: whole-line spans, indentation, and "is this inside an edit". */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Fix, TextEdit } from '../model';

export interface Span {
  start: number;
  end: number;
}

/** The span widened to whole lines (its newline included) when nothing but whitespace shares those lines. */
export function wholeLines(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const after = text.slice(span.end, lineEnd);
  if (/\S/.test(before) || /\S/.test(after)) return span;
  return { start: lineStart, end: lineEnd };
}

/** The leading whitespace of the line holding the offset. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The offset just after the line holding the offset (before its newline, CR included). */
export function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

export function inside(spans: readonly Span[], node: Span): boolean {
  return spans.some((s) => s.start <= node.start && node.end <= s.end);
}

export function spanOf(node: { startIndex: number; endIndex: number }): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/**
 * The declaration's whole lines with the comment lines right above it (no blank line between): a comment there
 * describes the declaration, and would describe the next one if left behind.
 */
export function declarationLines(text: string, statement: Node): Span {
  let start = statement.startIndex;
  for (let prev = statement.previousSibling; prev && /comment$/.test(prev.type); prev = prev.previousSibling) {
    const lineStart = text.lastIndexOf('\n', prev.startIndex - 1) + 1;
    if (!/^[ \t]*\r?\n[ \t]*$/.test(text.slice(prev.endIndex, start)) || /\S/.test(text.slice(lineStart, prev.startIndex))) break;
    start = prev.startIndex;
  }
  return wholeLines(text, { start, end: statement.endIndex });
}

/** True when two edits touch the same text (an insertion at the very start or end of a replacement does not). */
function overlapping(edits: readonly Span[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((edit, i) => i > 0 && edit.start < sorted[i - 1]!.end);
}

/** Edits that touch (one ends where the next starts) as one edit: an editor's undo then has one way to read them. */
function mergeTouching(edits: readonly TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    // Two insertions at one point: applyEdits puts the later one first, and so does the merge.
    const samePoint = last && last.start === last.end && edit.start === edit.end && last.start === edit.start;
    if (last && last.end === edit.start) merged[merged.length - 1] = { start: last.start, end: edit.end, newText: samePoint ? edit.newText + last.newText : last.newText + edit.newText };
    else merged.push({ ...edit });
  }
  return merged;
}

/**
 * The fix as the file needs it: no fix when its edits collide (error recovery in a half-typed file can stretch a
 * node over its neighbours), touching edits merged, and new lines written the way the file writes them (CRLF stays).
 */
export function finishedFix(fix: Fix | undefined, text: string): Fix | undefined {
  if (!fix || overlapping(fix.edits)) return undefined;
  const crlf = text.includes('\r\n');
  const edits = mergeTouching(fix.edits).map((e) => (crlf ? { ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') } : e));
  return { ...fix, edits };
}
