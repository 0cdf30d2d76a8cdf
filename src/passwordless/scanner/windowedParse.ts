/**
 * Parses only the windows of a file that its code hits need (see parseWindows): a wasm parse costs about 0.5 ms per
 * KB, so a 20 KB file with one hit drops from ~10 ms to a few hundredths. Node offsets stay those of the whole file
 * (the parser is given included ranges, not a substring). When the lexer gives up on a version of a document that
 * is being edited (typing leaves an open quote or bracket every few keystrokes), the windows of its previous version
 * are carried over the edit instead, as long as they still hold every hit and parse cleanly.
 */
import type { Parser, Range, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../rules/model';
import type { Dialect } from './codeLexer';
import { mergeRanges, parseWindows } from './parseWindows';
import type { LiteralHit } from './prefilter';
import { editBetween } from './reusableTrees';

const dialects: Record<CodeRuleLanguage, Dialect> = { typescript: 'js', javascript: 'js', java: 'java', csharp: 'csharp', go: 'go', python: 'python' };
/** Past this share of the file, one whole parse is as cheap and needs no lexing. */
const maxCoverage = 0.5;
/** The largest change (characters replaced or inserted) across which windows are carried. */
const maxCarriedChange = 1024;

export interface WindowedParse {
  /** Absent when no hit can be a finding. */
  tree?: Tree;
  /** The hits still worth locating in the tree. */
  hits: LiteralHit[];
  /** The parsed windows (sorted, disjoint offsets), for the next version of the document. */
  ranges: Array<[number, number]>;
}

/**
 * Why there is no windowed parse: the lexer gave up, or the windows (given, for the next versions to carry) cover
 * most of the file or do not parse cleanly.
 */
export type NoWindows = 'unlexable' | { whole: Array<[number, number]> };

export function parseWindowed(
  parser: Parser,
  text: string,
  language: CodeRuleLanguage,
  hits: readonly LiteralHit[],
  receiversOf: (literal: string) => readonly string[] | undefined,
): WindowedParse | NoWindows {
  const windows = parseWindows(text, dialects[language], hits.map((hit) => ({ offset: hit.offset, requires: receiversOf(hit.literal) })));
  if (!windows) return 'unlexable';
  const keptHits = windows.kept.map((i) => hits[i]!);
  if (keptHits.length === 0) return { hits: [], ranges: [] };
  return parseRanges(parser, text, windows.ranges, keptHits) ?? { whole: windows.ranges };
}

/**
 * The windows of an earlier version of the document carried over the one span that changed since (a window the
 * change touches grows to cover it). Windows the change did not touch read as before, so their findings stay; a
 * window it broke is parsed as it is, with the parser's error recovery, as a whole parse of the broken file would
 * be. Undefined when the change is more than a small paste or a hit lies outside every window (a new candidate was
 * typed elsewhere): then the whole file is parsed.
 */
export function parseCarriedWindows(parser: Parser, text: string, hits: readonly LiteralHit[], earlier: EarlierWindows): WindowedParse | undefined {
  const ranges = carryWindows(text, earlier);
  if (!ranges) return undefined;
  const inside = (hit: LiteralHit) => ranges.some(([start, end]) => start <= hit.offset && hit.offset + hit.literal.length <= end);
  if (!hits.every(inside)) return undefined;
  if (hits.length === 0) return { hits: [], ranges };
  return parseRanges(parser, text, ranges, [...hits], { allowErrors: true });
}

export interface EarlierWindows {
  text: string;
  ranges: ReadonlyArray<[number, number]>;
}

/**
 * The windows of an earlier version moved over the one span that changed since: a window the change touches grows
 * to cover it, the others shift. Undefined when the change is more than a keystroke or a small paste.
 */
export function carryWindows(text: string, earlier: EarlierWindows): Array<[number, number]> | undefined {
  const edit = editBetween(earlier.text, text);
  if (!edit || edit.oldEndIndex - edit.startIndex > maxCarriedChange || edit.newEndIndex - edit.startIndex > maxCarriedChange) return undefined;
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const carried = earlier.ranges.map(([start, end]): [number, number] => {
    if (end <= edit.startIndex) return [start, end];
    if (start >= edit.oldEndIndex) return [start + delta, end + delta];
    return [Math.min(start, edit.startIndex), Math.max(end, edit.oldEndIndex) + delta];
  });
  return mergeRanges(carried);
}

function parseRanges(parser: Parser, text: string, ranges: Array<[number, number]>, hits: LiteralHit[], { allowErrors = false } = {}): WindowedParse | undefined {
  const covered = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
  if (covered > text.length * maxCoverage) return undefined;
  const tree = parser.parse(text, null, { includedRanges: toRanges(text, ranges) });
  if (!tree) return undefined;
  if (!allowErrors && tree.rootNode.hasError) {
    tree.delete();
    return undefined;
  }
  return { tree, hits, ranges };
}

/** Offsets to tree-sitter ranges (rows and UTF-16 columns), in one forward pass over the sorted offsets. */
function toRanges(text: string, pairs: ReadonlyArray<[number, number]>): Range[] {
  let row = 0;
  let lineStart = 0;
  const pointAt = (offset: number) => {
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < offset; nl = text.indexOf('\n', lineStart)) {
      row++;
      lineStart = nl + 1;
    }
    return { row, column: offset - lineStart };
  };
  return pairs.map(([startIndex, endIndex]) => ({ startIndex, endIndex, startPosition: pointAt(startIndex), endPosition: pointAt(endIndex) }));
}
