/** Line arithmetic shared by the line-based formats (.env, .properties, YAML): edits that keep everything else. */
import type { TextEdit } from '../model';

export interface LineSpan {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the line's end, before its newline. */
  end: number;
  /** Offset after the newline (= end at the end of the text). */
  next: number;
}

export function lineAt(text: string, offset: number): LineSpan {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return { start, end: end > start && text[end - 1] === '\r' ? end - 1 : end, next: newline === -1 ? text.length : newline + 1 };
}

/** The file's own line break, so inserted lines match it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The edit that removes a whole line (its newline too; at the end of the text, the newline before it). */
export function deleteLine(text: string, line: LineSpan): TextEdit {
  if (line.next === text.length && line.end === text.length && line.start > 0) return { start: line.start - eolOf(text).length, end: line.end, newText: '' };
  return { start: line.start, end: line.next, newText: '' };
}

/** The end of a setting's value including a closing quote right after it. */
export function valueEndWithQuote(text: string, valueStart: number, valueEnd: number): number {
  const open = text[valueStart - 1];
  return (open === '"' || open === "'") && text[valueEnd] === open ? valueEnd + 1 : valueEnd;
}

/** The quote character around a value, or '' when unquoted. */
export function quoteOf(text: string, valueStart: number, valueEnd: number): string {
  const open = text[valueStart - 1];
  return (open === '"' || open === "'") && text[valueEnd] === open ? open : '';
}

/** Where the key of the setting on this line starts (after indentation, `export ` and a YAML list dash). */
export function keyStartOf(text: string, line: LineSpan): number {
  const match = /^[ \t]*(?:export[ \t]+|-[ \t]+)?/.exec(text.slice(line.start, line.end))!;
  return line.start + match[0].length;
}
