/**
 * Lines longer than VS Code's own tokenization limit (editor.maxTokenizationLineLength, 20,000) are minified or
 * generated: the code rules leave them out of the parse (secret rules still read them), which keeps a 1 MB line
 * from costing a full wasm parse.
 */
import type { Range } from '@vscode/tree-sitter-wasm';

const longLineLimit = 20_000;

/** Parser ranges covering every line but the long ones; undefined when no line is long (parse everything). */
export function rangesWithoutLongLines(text: string): Range[] | undefined {
  if (text.length <= longLineLimit) return undefined;
  const ranges: Range[] = [];
  let rangeStart: { index: number; row: number } | undefined = { index: 0, row: 0 };
  let lineStart = 0;
  let row = 0;
  let sawLong = false;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > longLineLimit) {
      sawLong = true;
      if (rangeStart && rangeStart.index < lineStart) ranges.push(range(rangeStart, { index: lineStart, row }));
      rangeStart = undefined;
    } else if (!rangeStart) {
      rangeStart = { index: lineStart, row };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    row++;
  }
  if (rangeStart && rangeStart.index < text.length) ranges.push(range(rangeStart, { index: text.length, row: row + 1 }));
  return sawLong ? ranges : undefined;
}

function range(start: { index: number; row: number }, end: { index: number; row: number }): Range {
  return { startIndex: start.index, endIndex: end.index, startPosition: { row: start.row, column: 0 }, endPosition: { row: end.row, column: 0 } };
}
