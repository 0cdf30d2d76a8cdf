/**
 * Format-preserving JSON edits (jsonc-parser's modify): comments, indentation and key order stay; the result is
 * returned as one edit in the original text's offsets (the span between the common prefix and suffix).
 */
// The ESM build: esbuild cannot follow the UMD build's dynamic requires (as in scanner/configSettings.ts).
import { applyEdits, findNodeAtLocation, findNodeAtOffset, getNodePath, modify, parseTree, type JSONPath, type Node } from 'jsonc-parser/lib/esm/main.js';
import type { TextEdit } from '../model';
import { eolOf } from './lines';

const parseOptions = { allowTrailingComma: true, disallowComments: false };

export function jsonTree(text: string): Node | undefined {
  return parseTree(text, [], parseOptions);
}

/** The path of the string value at an offset inside it, when every step is an object key. */
export function keyPathAt(root: Node, offset: number): string[] | undefined {
  const node = findNodeAtOffset(root, offset);
  if (!node || node.type !== 'string' || node.parent?.type !== 'property') return undefined;
  const path = getNodePath(node);
  return path.every((step) => typeof step === 'string') ? (path as string[]) : undefined;
}

export function valueAt(root: Node, path: JSONPath): unknown {
  return findNodeAtLocation(root, path)?.value;
}

export function has(root: Node, path: JSONPath): boolean {
  return findNodeAtLocation(root, path) !== undefined;
}

/** The file's own indentation for one level ("  " unless the file says otherwise). */
function indentUnit(text: string): string {
  return /\n([ \t]+)["/]/.exec(text)?.[1] ?? '  ';
}

/**
 * Adds a top-level property after the last one, touching nothing else (jsonc-parser's formatting would re-indent
 * the neighbouring line). An empty root gets `{ "key": value }` on its own lines.
 */
export function addRootProperty(text: string, key: string, value: unknown): string {
  const root = jsonTree(text);
  if (root?.type !== 'object') return text;
  const member = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const eol = eolOf(text);
  const last = root.children?.[root.children.length - 1];
  if (!last) return applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: indentUnit(text).length, eol } }));
  const lineStart = text.lastIndexOf('\n', last.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.offset))![0];
  const end = last.offset + last.length;
  const trailingComma = /^[ \t]*,/.exec(text.slice(end));
  if (trailingComma) {
    const at = end + trailingComma[0].length;
    return `${text.slice(0, at)}${eol}${indent}${member},${text.slice(at)}`;
  }
  return `${text.slice(0, end)},${eol}${indent}${member}${text.slice(end)}`;
}

/** Removes a property (with its comma), or the section it is alone in, up to the root (never removed). */
export function removeProperty(text: string, path: JSONPath): string {
  for (let at = path; ; at = at.slice(0, -1)) {
    const property = findNodeAtLocation(jsonTree(text)!, at)?.parent;
    const siblings = property?.parent?.children;
    if (!property || property.type !== 'property' || !siblings) return text;
    const index = siblings.indexOf(property);
    if (siblings.length > 1) {
      // Not the first: from the end of the one before (its comma goes). The first: up to the next one's start.
      const previous = siblings[index - 1];
      if (!previous) return text.slice(0, property.offset) + text.slice(siblings[1]!.offset);
      // A comment after the property on its own line speaks of it: it goes too.
      const end = property.offset + property.length;
      const comment = /^[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/[ \t]*)(?=\r?\n|$)/.exec(text.slice(end));
      return text.slice(0, previous.offset + previous.length) + text.slice(end + (comment?.[0].length ?? 0));
    }
    if (at.length === 1) {
      const object = property.parent!;
      return text.slice(0, object.offset + 1) + text.slice(object.offset + object.length - 1);
    }
  }
}

/** The one edit that turns `before` into `after`. */
export function editBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return [{ start, end: before.length - tail, newText: after.slice(start, after.length - tail) }];
}
