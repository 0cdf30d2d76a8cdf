/**
 * Java import edits: a new import goes into the group of imports nearest its package (groups are runs without a blank
 * line), in sorted place; with no imports, after the package line. Dropped imports take their whole line.
 */
import type { TextEdit } from '../../model';
import { lineEndAt, wholeLines } from '../textRanges';
import type { ImportLine, JavaDocument } from './document';

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function groupsOf(imports: ImportLine[]): ImportLine[][] {
  const groups: ImportLine[][] = [];
  let previousRow = -2;
  for (const line of imports) {
    if (line.node.startPosition.row > previousRow + 1 || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(line);
    previousRow = line.node.endPosition.row;
  }
  return groups;
}

function insertionFor(doc: JavaDocument, imports: ImportLine[], name: string): TextEdit {
  const statement = `import ${name};`;
  if (imports.length === 0) {
    const pkg = doc.root.namedChildren.find((n) => n?.type === 'package_declaration');
    return pkg ? { start: pkg.endIndex, end: pkg.endIndex, newText: `\n\n${statement}` } : { start: 0, end: 0, newText: `${statement}\n\n` };
  }
  const groups = groupsOf(imports);
  const score = (group: ImportLine[]) => Math.max(...group.map((line) => commonPrefix(line.name, name)));
  const group = groups.reduce((best, g) => (score(g) > score(best) ? g : best), groups[0]!);
  const next = group.find((line) => line.name > name);
  if (next) {
    const lineStart = doc.text.lastIndexOf('\n', next.node.startIndex - 1) + 1;
    return { start: lineStart, end: lineStart, newText: `${statement}\n` };
  }
  const end = lineEndAt(doc.text, group[group.length - 1]!.node.endIndex);
  return { start: end, end, newText: `\n${statement}` };
}

export function importEdits(doc: JavaDocument, added: string[], dropped: ImportLine[]): TextEdit[] {
  const all = doc.imports();
  // Placed among the imports that stay, so no insertion lands inside a dropped line.
  const kept = all.filter((line) => !dropped.some((d) => d.node.startIndex === line.node.startIndex));
  const imports = kept.length > 0 ? kept : all;
  const merged = new Map<number, TextEdit>();
  for (const name of [...added].sort()) {
    const edit = insertionFor(doc, imports, name);
    const same = merged.get(edit.start);
    // Two new imports at one place: one edit, in sorted order (inserts at one offset would otherwise reverse).
    if (same) same.newText += edit.newText.replace(/^\n\n/, '\n');
    else merged.set(edit.start, { ...edit });
  }
  const drops = dropped.map((line) => ({ ...wholeLines(doc.text, { start: line.node.startIndex, end: line.node.endIndex }), newText: '' }));
  return [...merged.values(), ...drops];
}
