/** go.mod: a line in the first require block (sorted place), or a single `require` line when there is none. */
import type { PackageRef, TextEdit } from '../model';
import { insertionIndex } from './order';

export function goModEdit(text: string, pkg: PackageRef): TextEdit[] | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (new RegExp(`(^|[\\s(])${pkg.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+v`, 'm').test(text)) return undefined;
  const block = /^require[ \t]*\([ \t]*\r?\n([\s\S]*?)^\)/m.exec(text);
  if (block) {
    const bodyStart = block.index + block[0].indexOf('\n') + 1;
    const lines: Array<{ name: string; start: number; indent: string }> = [];
    let offset = bodyStart;
    for (const line of block[1]!.split('\n')) {
      const match = /^([ \t]*)([^\s/][^\s]*)\s+v\S+/.exec(line);
      if (match) lines.push({ name: match[2]!, start: offset, indent: match[1]! });
      offset += line.length + 1;
    }
    const indent = lines[0]?.indent ?? '\t';
    const at = insertionIndex(lines.map((l) => l.name), pkg.name);
    const start = at < lines.length ? lines[at]!.start : block.index + block[0].length - 1;
    return [{ start, end: start, newText: `${indent}${pkg.name} ${pkg.version}${eol}` }];
  }
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return [{ start: text.length, end: text.length, newText: `${needsBreak ? eol : ''}${eol}require ${pkg.name} ${pkg.version}${eol}` }];
}
