/** Applying a fix's edits to text: from the last edit backwards, so earlier offsets stay valid. */
import type { TextEdit } from './model';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit || edit.start > edit.end) throw new Error(`Overlapping or inverted edit at ${edit.start}–${edit.end}.`);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
