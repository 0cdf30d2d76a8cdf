/**
 * Whole-file syntax trees of the last few documents that needed a whole parse, kept so that the next version of the
 * same document reparses only around what changed (tree-sitter's incremental parsing: a millisecond or two instead
 * of ~80 ms for a 165 KB file). That is the editor's case: typing leaves a file unlexable for the windowed parse
 * (an open quote, an unmatched bracket) every few keystrokes. A one-off scan (the CLI) pays only the memory of a few
 * trees. The reparsed tree is the one a fresh parse of the new text gives; tests compare the two.
 */
import type { Edit, Parser, Point, Tree } from '@vscode/tree-sitter-wasm';

interface Entry {
  grammar: string;
  text: string;
  tree: Tree;
}

/** Open editors scan a handful of documents at a time. */
const capacity = 4;
/** Larger files cost more wasm memory than a cached tree saves. */
const maxKeptLength = 2 * 1024 * 1024;
/** Below this share of unchanged text (common prefix and suffix), the new text is another document: parse it afresh. */
const minSharedShare = 0.5;

export class ReusableTrees {
  /** In least-recently-used order. */
  private readonly entries = new Map<string, Entry>();

  /**
   * The tree of `text` reparsed from the kept tree of an earlier version of the same document (same key and
   * grammar), or undefined when there is none or the texts share too little. The cache owns the returned tree.
   */
  reparse(key: string, grammar: string, text: string, parser: Parser): Tree | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.grammar !== grammar || text.length > maxKeptLength) {
      entry.tree.delete();
      return undefined;
    }
    if (entry.text === text) {
      this.entries.set(key, entry);
      return entry.tree;
    }
    const edit = editBetween(entry.text, text);
    if (!edit) {
      entry.tree.delete();
      return undefined;
    }
    entry.tree.edit(edit);
    const tree = parser.parse(text, entry.tree);
    entry.tree.delete();
    if (!tree) return undefined;
    this.entries.set(key, { grammar, text, tree });
    return tree;
  }

  /** Keeps a whole-file tree for the document's next version; false when it is not kept (the caller still owns it). */
  keep(key: string, grammar: string, text: string, tree: Tree): boolean {
    if (text.length > maxKeptLength) return false;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      if (previous.tree !== tree) previous.tree.delete();
    }
    this.entries.set(key, { grammar, text, tree });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= capacity) break;
      this.entries.delete(oldest);
      entry.tree.delete();
    }
    return true;
  }

  /** Whether this tree is kept (so the caller must not delete it). */
  owns(tree: Tree): boolean {
    for (const entry of this.entries.values()) if (entry.tree === tree) return true;
    return false;
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.tree.delete();
    this.entries.clear();
  }
}

/** The single replaced span between two versions (common prefix and suffix), as a tree-sitter edit; undefined when they share too little. */
export function editBetween(before: string, after: string): Edit | undefined {
  const limit = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, limit);
  let suffix = commonSuffix(before, after, limit - prefix);
  // Keep a surrogate pair whole on both sides of the change.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  if (prefix + suffix < minSharedShare * after.length) return undefined;
  const start = pointAt(after, prefix, 0, { row: 0, column: 0 });
  return {
    startIndex: prefix,
    oldEndIndex: before.length - suffix,
    newEndIndex: after.length - suffix,
    startPosition: start,
    oldEndPosition: pointAt(before, before.length - suffix, prefix, start),
    newEndPosition: pointAt(after, after.length - suffix, prefix, start),
  };
}

/** Both compare in blocks first: equal substrings compare as memory, far faster than a character loop. */
function commonPrefix(a: string, b: string, limit: number): number {
  const block = 1024;
  let at = 0;
  while (at + block <= limit && a.slice(at, at + block) === b.slice(at, at + block)) at += block;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  const block = 1024;
  let at = 0;
  while (at + block <= limit && a.slice(a.length - at - block, a.length - at) === b.slice(b.length - at - block, b.length - at)) at += block;
  while (at < limit && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Row and column (UTF-16 units, as the parser is given the text) of `offset`, counting on from a known point. */
function pointAt(text: string, offset: number, from: number, fromPoint: Point): Point {
  let { row, column } = fromPoint;
  let lineStart = from - column;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    row++;
    lineStart = nl + 1;
  }
  column = offset - lineStart;
  return { row, column };
}
