/**
 * Parses only the windows of a file that its code hits need (see parseWindows): a wasm parse costs about 0.5 ms per
 * KB, so a 20 KB file with one hit drops from ~10 ms to a few hundredths. Node offsets stay those of the whole file
 * (the parser is given included ranges, not a substring). Undefined means "parse the whole file": the lexer gave
 * up, the windows would cover most of the file anyway, or the windows do not parse cleanly on their own.
 */
import type { Parser, Range, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../rules/model';
import type { Dialect } from './codeLexer';
import { parseWindows } from './parseWindows';
import type { LiteralHit } from './prefilter';

const dialects: Record<CodeRuleLanguage, Dialect> = { typescript: 'js', javascript: 'js', java: 'java', csharp: 'csharp', go: 'go', python: 'python' };
/** Past this share of the file, one whole parse is as cheap and needs no lexing. */
const maxCoverage = 0.5;

export interface WindowedParse {
  /** Absent when no hit can be a finding. */
  tree?: Tree;
  /** The hits still worth locating in the tree. */
  hits: LiteralHit[];
}

export function parseWindowed(
  parser: Parser,
  text: string,
  language: CodeRuleLanguage,
  hits: readonly LiteralHit[],
  receiversOf: (literal: string) => readonly string[] | undefined,
): WindowedParse | undefined {
  const windows = parseWindows(text, dialects[language], hits.map((hit) => ({ offset: hit.offset, requires: receiversOf(hit.literal) })));
  if (!windows) return undefined;
  const keptHits = windows.kept.map((i) => hits[i]!);
  if (keptHits.length === 0) return { hits: [] };
  const covered = windows.ranges.reduce((sum, [start, end]) => sum + end - start, 0);
  if (covered > text.length * maxCoverage) return undefined;
  const tree = parser.parse(text, null, { includedRanges: toRanges(text, windows.ranges) });
  if (!tree) return undefined;
  if (tree.rootNode.hasError) {
    tree.delete();
    return undefined;
  }
  return { tree, hits: keptHits };
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
