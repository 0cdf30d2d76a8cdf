/**
 * Go import edits the way gofmt and goimports leave them: a new path joins the import group of its kind (standard
 * library, or the group sharing most of its path), sorted within it; a kind with no group gets its own. A dropped
 * import takes its line, and a group it empties takes its blank line too.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../../model';
import { indentAt, lineEndAt, wholeLines, type Span } from '../textRanges';
import type { GoDocument, ImportSpec } from './document';

const isStandard = (path: string) => !path.split('/')[0]!.includes('.');

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function groupsOf(specs: ImportSpec[]): ImportSpec[][] {
  const groups: ImportSpec[][] = [];
  let previousRow = -2;
  for (const spec of specs) {
    if (groups.length === 0 || spec.node.startPosition.row > previousRow + 1) groups.push([]);
    groups[groups.length - 1]!.push(spec);
    previousRow = spec.node.endPosition.row;
  }
  return groups;
}

interface Insertion {
  at: number;
  /** Lines go before the text at `at` (with `gap` after them) or after it (with `gap` before them). */
  where: 'before' | 'after';
  gap: string;
  indent: string;
  paths: string[];
}

function placement(doc: GoDocument, specs: ImportSpec[], path: string): Omit<Insertion, 'paths'> {
  const { text } = doc;
  if (specs.length === 0) {
    // Nothing stays: open the block if there is one, else after the package line.
    const block = doc.root.descendantsOfType('import_spec_list')[0];
    if (block) return { at: block.startIndex + 1, where: 'after', gap: '', indent: '\t' };
    const pkg = doc.root.namedChildren.find((n) => n?.type === 'package_clause');
    return { at: pkg?.endIndex ?? 0, where: 'after', gap: '\n', indent: 'import ' };
  }
  const list = specs[0]!.node.parent?.type === 'import_spec_list' ? specs[0]!.node.parent : undefined;
  if (!list) {
    const last = specs[specs.length - 1]!.node;
    return { at: lineEndAt(text, last.endIndex), where: 'after', gap: '', indent: 'import ' };
  }
  const inList = specs.filter((s) => s.node.parent?.startIndex === list.startIndex);
  const indent = indentAt(text, inList[0]!.node.startIndex);
  const groups = groupsOf(inList);
  const standard = isStandard(path);
  const fitting = standard
    ? groups.filter((g) => g.every((s) => isStandard(s.path)))
    : groups.filter((g) => g.some((s) => !isStandard(s.path))).sort((a, b) => best(b, path) - best(a, path));
  const group = fitting[0];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  if (!group) {
    // No group of this kind: the standard library opens the block, others close it.
    if (standard) return { at: lineStart(inList[0]!.node.startIndex), where: 'before', gap: '\n', indent };
    return { at: lineEndAt(text, inList[inList.length - 1]!.node.endIndex), where: 'after', gap: '\n', indent };
  }
  const next = group.find((s) => s.path > path);
  if (next) return { at: lineStart(next.node.startIndex), where: 'before', gap: '', indent };
  return { at: lineEndAt(text, group[group.length - 1]!.node.endIndex), where: 'after', gap: '', indent };
}

function best(group: ImportSpec[], path: string): number {
  return Math.max(...group.map((s) => commonPrefix(s.path, path)));
}

function render(insertion: Insertion): string {
  const lines = insertion.paths.sort().map((p) => `${insertion.indent}"${p}"`);
  return insertion.where === 'before' ? `${lines.join('\n')}\n${insertion.gap}` : `\n${insertion.gap}${lines.join('\n')}`;
}

/** The lines of a dropped spec, with a blank line that would be left doubled or dangling. */
function dropSpan(doc: GoDocument, spec: ImportSpec): Span {
  const { text } = doc;
  const node = spec.node.parent?.type === 'import_spec_list' ? spec.node : (spec.node.parent ?? spec.node);
  const span = wholeLines(text, { start: node.startIndex, end: node.endIndex });
  const blankBefore = /\n[ \t]*\r?\n$/.test(text.slice(0, span.start)) || /\(\s*$/.test(text.slice(0, span.start));
  const blankAfter = /^[ \t]*\r?\n/.test(text.slice(span.end));
  if (blankBefore && blankAfter) return { start: span.start, end: text.indexOf('\n', span.end) + 1 };
  if (/^\s*\)/.test(text.slice(span.end)) && /\n[ \t]*\r?\n$/.test(text.slice(0, span.start))) return { start: text.lastIndexOf('\n', span.start - 2) + 1, end: span.end };
  return span;
}

/** `import "x"` alone, gaining imports, becomes a block as goimports writes it: standard library, a blank line, the rest. */
function asBlock(declaration: Node, kept: ImportSpec[], paths: string[]): TextEdit {
  const entries = [...kept.map((s) => ({ path: s.path, text: s.node.text })), ...paths.map((path) => ({ path, text: `"${path}"` }))];
  const group = (standard: boolean) =>
    entries
      .filter((e) => isStandard(e.path) === standard)
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((e) => `\t${e.text}`)
      .join('\n');
  const groups = [group(true), group(false)].filter((g) => g.length > 0);
  return { start: declaration.startIndex, end: declaration.endIndex, newText: `import (\n${groups.join('\n\n')}\n)` };
}

export function goImportEdits(doc: GoDocument, add: string[], drop: ImportSpec[]): TextEdit[] {
  const all = doc.imports();
  const kept = all.filter((s) => !drop.some((d) => d.node.startIndex === s.node.startIndex));
  const declarations = doc.root.namedChildren.filter((n): n is Node => n?.type === 'import_declaration');
  const paths = [...new Set(add)].filter((path) => !kept.some((s) => s.path === path));
  const single = declarations.length === 1 && !declarations[0]!.namedChildren.some((c) => c?.type === 'import_spec_list');
  if (single && paths.length > 0) return [asBlock(declarations[0]!, kept, paths)];
  // Placed among the imports that stay, so no insertion lands inside a dropped line.
  const specs = kept;
  const insertions = new Map<string, Insertion>();
  for (const path of paths) {
    const place = placement(doc, specs, path);
    const key = `${place.at}:${place.where}:${place.gap}`;
    const existing = insertions.get(key);
    if (existing) existing.paths.push(path);
    else insertions.set(key, { ...place, paths: [path] });
  }
  // One edit per offset: a new standard-library group opens before the group it precedes; a new last group follows.
  const rank = (i: Insertion) => (i.where === 'before' ? (i.gap ? 0 : 1) : i.gap ? 3 : 2);
  const byOffset = new Map<number, Insertion[]>();
  for (const insertion of insertions.values()) byOffset.set(insertion.at, [...(byOffset.get(insertion.at) ?? []), insertion]);
  const edits: TextEdit[] = [...byOffset.entries()].map(([at, list]) => ({
    start: at,
    end: at,
    newText: list
      .sort((a, b) => rank(a) - rank(b))
      .map(render)
      .join(''),
  }));
  for (const spec of drop) edits.push({ ...dropSpan(doc, spec), newText: '' });
  return edits;
}
