/** Offsets to 0-based line/column (UTF-16 units, as editors count) with one pass to find line starts. */
import type { Position } from '../types';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - this.starts[low]! };
  }

  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }
}

const marker = 'keyless-ignore';

/** `keyless-ignore` on the finding's line or the line above; `keyless-ignore rule-a, rule-b` limits it to those rules. */
export function isSuppressed(lines: LineIndex, line: number, ruleId: string): boolean {
  return suppresses(lines.lineText(line), ruleId) || (line > 0 && suppresses(lines.lineText(line - 1), ruleId));
}

function suppresses(lineText: string, ruleId: string): boolean {
  const at = lineText.indexOf(marker);
  if (at === -1) return false;
  const words = lineText.slice(at + marker.length, at + marker.length + 400).split(/[\s,:]+/);
  const ruleIds = words.filter((word) => ruleIdShape.test(word));
  return ruleIds.length === 0 || ruleIds.includes(ruleId);
}

const ruleIdShape = /^[a-z0-9]{1,40}-[a-z0-9-]{1,80}$/;
