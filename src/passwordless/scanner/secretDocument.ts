/**
 * One document as the secret rules see it. The first few questions are answered by looking around the anchor (at
 * most 1 KiB each way), which is all a file with a handful of anchors needs; past that, boundaries and word positions
 * are found once for the whole document and every further question is a binary search, so a megabyte of repeated
 * anchors stays linear. Both ways give the same answers.
 */

/** Connection strings and SAS URLs are far shorter; the bound keeps each anchor's span small. */
const segmentLimit = 1024;

export interface Span {
  start: number;
  end: number;
}

/** newline, carriage return, quotes, backtick, angle brackets: where a connection-string literal ends. */
const segmentBoundary = /[\n\r"'`<>]/g;
const lineBoundary = /\n/g;
const isSegmentBoundary = (c: number): boolean => c === 10 || c === 13 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62;
const isLineBoundary = (c: number): boolean => c === 10;
/** Local questions cost up to 2 KiB of reading each; after this many, indexing the whole document is cheaper. */
const localQuestions = 32;

export class SecretDocument {
  private lower: string | undefined;
  private readonly positions = new Map<string, number[]>();
  private asked = 0;

  constructor(readonly text: string) {}

  /** The connection-string-like span around an offset: bounded by quotes, line ends or markup, at most 1 KiB each way. */
  segmentAround(offset: number): Span {
    if (this.local()) return this.localSpan(isSegmentBoundary, offset);
    return this.spanBetween(this.matches('segment', segmentBoundary), offset);
  }

  /** The line around an offset, at most 1 KiB each way. */
  lineAround(offset: number): string {
    const span = this.local() ? this.localSpan(isLineBoundary, offset) : this.spanBetween(this.matches('line', lineBoundary), offset);
    return this.text.slice(span.start, span.end);
  }

  /** Up to `count` lines above the offset's line, nearest first, reading at most 1 KiB back (a JSON section, a declaration). */
  linesAbove(offset: number, count: number): string[] {
    const { text } = this;
    const low = Math.max(0, offset - segmentLimit);
    let end = offset;
    while (end > low && text.charCodeAt(end - 1) !== 10) end--;
    const lines: string[] = [];
    while (lines.length < count && end > low) {
      const lineEnd = end - 1;
      let start = lineEnd;
      while (start > low && text.charCodeAt(start - 1) !== 10) start--;
      lines.push(text.slice(start, lineEnd));
      end = start;
    }
    return lines;
  }

  /** Lower-cased text of a span. */
  lowerSlice(span: Span): string {
    return this.text.slice(span.start, span.end).toLowerCase();
  }

  /** Whether a lower-case word occurs (case-insensitively) inside the span. */
  contains(span: Span, word: string): boolean {
    if (this.local()) return this.lowerSlice(span).includes(word);
    let positions = this.positions.get(`word:${word}`);
    if (!positions) {
      this.lower ??= this.text.toLowerCase();
      positions = [];
      for (let at = this.lower.indexOf(word); at !== -1; at = this.lower.indexOf(word, at + 1)) positions.push(at);
      this.positions.set(`word:${word}`, positions);
    }
    const first = firstAtOrAfter(positions, span.start);
    return first < positions.length && positions[first]! + word.length <= span.end;
  }

  private local(): boolean {
    return ++this.asked <= localQuestions;
  }

  /** spanBetween's answer found by reading outward from the offset instead of from the document's index. */
  private localSpan(isBoundary: (c: number) => boolean, offset: number): Span {
    const { text } = this;
    const low = Math.max(0, offset - segmentLimit);
    let start = offset;
    while (start > low && !isBoundary(text.charCodeAt(start - 1))) start--;
    const high = Math.min(text.length, offset + segmentLimit);
    let end = offset;
    while (end < high && !isBoundary(text.charCodeAt(end))) end++;
    return { start, end };
  }

  private matches(key: string, pattern: RegExp): number[] {
    let positions = this.positions.get(key);
    if (!positions) {
      positions = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) positions.push(match.index);
      this.positions.set(key, positions);
    }
    return positions;
  }

  private spanBetween(boundaries: number[], offset: number): Span {
    const next = firstAtOrAfter(boundaries, offset);
    const previous = next > 0 ? boundaries[next - 1]! + 1 : 0;
    const end = next < boundaries.length ? boundaries[next]! : this.text.length;
    return { start: Math.max(previous, offset - segmentLimit), end: Math.min(end, offset + segmentLimit) };
  }
}

/** Index of the first element ≥ value in a sorted array (its length when none). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
