/**
 * Picks the cheapest syntax tree that can judge a document's code hits, remembering a little about recent documents
 * so that the editor's rescans after each keystroke stay in the millisecond range:
 * 1. the windows around the hits (one linear lex, a parse of a few statements);
 * 2. when the lexer gives up (typing left an open quote or bracket), the windows of the last version that lexed,
 *    carried over each edit since (also over versions parsed whole) — the findings of code the edits did not touch
 *    stay what they were;
 * 3. else the whole file: reparsed incrementally from the tree of an earlier version when one is kept, else parsed
 *    afresh and kept for the next version.
 * Documents are told apart by file name. `whole` mode always parses afresh and remembers nothing: it is what the
 * other paths are checked against.
 */
import type { Parser, Range, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../rules/model';
import type { LiteralHit } from './prefilter';
import { ReusableTrees } from './reusableTrees';
import { carryWindows, parseCarriedWindows, parseWindowed, type WindowedParse } from './windowedParse';

export interface HitTree {
  tree: Tree;
  /** The hits to judge in this tree. */
  hits: readonly LiteralHit[];
  /** True when the tree holds only windows around the hits: locate each hit rather than walk the tree. */
  windows: boolean;
  /** Frees the tree unless it is kept for the document's next version. */
  release(): void;
}

export interface DocumentRef {
  key: string;
  grammar: string;
}

interface WindowsMemory {
  grammar: string;
  text: string;
  ranges: ReadonlyArray<[number, number]>;
}

/** Windows of the last few documents, by file name. */
const windowsCapacity = 8;
const rememberedWindows = new Map<string, WindowsMemory>();
const wholeTrees = new ReusableTrees();

export function treeForHits(
  parser: Parser,
  text: string,
  language: CodeRuleLanguage,
  hits: LiteralHit[],
  codeHits: LiteralHit[],
  receiversOf: (literal: string) => readonly string[] | undefined,
  document: DocumentRef,
  options: { mode: 'windows' | 'whole'; includedRanges?: Range[] },
): HitTree | undefined | 'none' {
  if (options.mode === 'whole' || options.includedRanges) {
    const tree = parser.parse(text, null, options.includedRanges ? { includedRanges: options.includedRanges } : undefined);
    return tree ? { tree, hits, windows: false, release: () => tree.delete() } : undefined;
  }
  const outcome = parseWindowed(parser, text, language, codeHits, receiversOf);
  const windowed: WindowedParse | undefined = outcome === 'unlexable' ? carriedWindows(parser, text, codeHits, document) : 'hits' in outcome ? outcome : undefined;
  if (windowed) {
    remember(document, text, windowed.ranges);
    const { tree } = windowed;
    return tree ? { tree, hits: windowed.hits, windows: true, release: () => tree.delete() } : 'none';
  }
  // The whole file is parsed, but windows stay remembered for the next versions: the lexer's own when it followed
  // this version, else the remembered ones carried over this version's edit. Typing often alternates between
  // versions that lex and versions that do not (auto-closed pairs, a line break inside a string), and each of the
  // latter would otherwise reparse the whole file.
  if (outcome === 'unlexable') carryForward(document, text);
  else if ('whole' in outcome) remember(document, text, outcome.whole);
  const reparsed = wholeTrees.reparse(document.key, document.grammar, text, parser);
  if (reparsed) return { tree: reparsed, hits, windows: false, release: () => {} };
  const tree = parser.parse(text);
  if (!tree) return undefined;
  const kept = wholeTrees.keep(document.key, document.grammar, text, tree);
  return { tree, hits, windows: false, release: () => kept || tree.delete() };
}

function carriedWindows(parser: Parser, text: string, codeHits: LiteralHit[], document: DocumentRef): WindowedParse | undefined {
  const earlier = rememberedWindows.get(document.key);
  return earlier && earlier.grammar === document.grammar ? parseCarriedWindows(parser, text, codeHits, earlier) : undefined;
}

/** The windows remembered for a document's next version, and the text they belong to (tests check the carrying by it). */
export function rememberedWindowsOf(key: string): { text: string; ranges: ReadonlyArray<[number, number]> } | undefined {
  const memory = rememberedWindows.get(key);
  return memory && { text: memory.text, ranges: memory.ranges };
}

function carryForward(document: DocumentRef, text: string): void {
  const earlier = rememberedWindows.get(document.key);
  const ranges = earlier && earlier.grammar === document.grammar ? carryWindows(text, earlier) : undefined;
  if (ranges) remember(document, text, ranges);
  else rememberedWindows.delete(document.key);
}

function remember(document: DocumentRef, text: string, ranges: ReadonlyArray<[number, number]>): void {
  rememberedWindows.delete(document.key);
  rememberedWindows.set(document.key, { grammar: document.grammar, text, ranges });
  for (const oldest of rememberedWindows.keys()) {
    if (rememberedWindows.size <= windowsCapacity) break;
    rememberedWindows.delete(oldest);
  }
}
