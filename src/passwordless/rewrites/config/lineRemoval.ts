/** Removing several whole lines (and rewriting values) of a line-based file as one edit that never overlaps itself. */
import type { TextEdit } from '../model';
import { editBetween } from './json';
import { deleteLine, lineAt } from './lines';

export interface Splice {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies value splices and whole-line removals (by any offset on the line) to the text and returns the one edit
 * between the two: adjacent removals at the end of a file would otherwise both claim the newline between them.
 */
export function editLines(text: string, splices: readonly Splice[], removedLines: readonly number[]): TextEdit[] {
  const removals = [...new Set(removedLines.map((offset) => lineAt(text, offset).start))];
  const steps = [...splices.map((s) => ({ at: s.start, apply: (t: string) => t.slice(0, s.start) + s.newText + t.slice(s.end) })),
    ...removals.map((at) => ({ at, apply: (t: string) => { const edit = deleteLine(t, lineAt(t, at)); return t.slice(0, edit.start) + t.slice(edit.end); } }))];
  // From the end backwards, so every earlier offset still points where it did.
  let result = text;
  for (const step of steps.sort((a, b) => b.at - a.at)) result = step.apply(result);
  return editBetween(text, result);
}
