/**
 * Edits inside an object literal that keep its layout: an entry replaced in place, removed with its comma, or added
 * after the last one on the same line (one-line objects) or on its own line with the same indentation.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../../model';
import { indentAt } from './document';

export interface Entry {
  /** Key text without quotes; '' for spreads and methods. */
  key: string;
  node: Node;
  value?: Node;
}

export function entriesOf(object: Node): Entry[] {
  const entries: Entry[] = [];
  for (const child of object.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'shorthand_property_identifier') entries.push({ key: child.text, node: child });
    else if (child.type === 'pair') {
      const key = child.childForFieldName('key');
      entries.push({ key: key?.text.replace(/^["'`]|["'`]$/g, '') ?? '', node: child, value: child.childForFieldName('value') ?? undefined });
    } else entries.push({ key: '', node: child });
  }
  return entries;
}

/** What goes between two entries: ", " on one line, ",\n<indent>" when the object spans lines. */
function separator(object: Node, entry: Node, text: string): string {
  return object.text.includes('\n') ? `,\n${indentAt(text, entry.startIndex)}` : ', ';
}

export function replaceEntry(object: Node, entry: Entry, texts: readonly string[], text: string): TextEdit {
  return { start: entry.node.startIndex, end: entry.node.endIndex, newText: texts.join(separator(object, entry.node, text)) };
}

export function removeEntry(object: Node, entry: Entry): TextEdit {
  const entries = entriesOf(object);
  const index = entries.findIndex((e) => e.node.startIndex === entry.node.startIndex);
  const next = entries[index + 1];
  if (next) return { start: entry.node.startIndex, end: next.node.startIndex, newText: '' };
  const previous = entries[index - 1];
  if (previous) return { start: previous.node.endIndex, end: entry.node.endIndex, newText: '' };
  return { start: entry.node.startIndex, end: entry.node.endIndex, newText: '' };
}

export function appendEntries(object: Node, texts: readonly string[], text: string): TextEdit {
  const entries = entriesOf(object);
  const last = entries.at(-1);
  if (!last) {
    const inside = object.startIndex + 1;
    return { start: inside, end: object.endIndex - 1, newText: ` ${texts.join(', ')} ` };
  }
  const sep = separator(object, last.node, text);
  const after = text.slice(last.node.endIndex, object.endIndex - 1);
  const trailingComma = /^\s*,/.exec(after);
  if (trailingComma) {
    const at = last.node.endIndex + trailingComma[0].length;
    return { start: at, end: at, newText: `${sep.slice(1)}${texts.join(sep)},` };
  }
  return { start: last.node.endIndex, end: last.node.endIndex, newText: `${sep}${texts.join(sep)}` };
}
