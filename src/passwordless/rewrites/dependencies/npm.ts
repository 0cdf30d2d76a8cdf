/** package.json: the package goes into "dependencies" (created when missing), keeping the file's key order and indent. */
// The ESM build: esbuild cannot follow the UMD build's dynamic requires (as in scanner/configSettings.ts).
import { findNodeAtLocation, parseTree } from 'jsonc-parser/lib/esm/main.js';
import type { PackageRef, TextEdit } from '../model';
import { insertionIndex } from './order';

const sections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export function packageJsonEdit(text: string, pkg: PackageRef): TextEdit[] | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== 'object') return undefined;
  if (sections.some((section) => findNodeAtLocation(root, [section, pkg.name]))) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const entry = `${JSON.stringify(pkg.name)}: ${JSON.stringify(`^${pkg.version}`)}`;
  const dependencies = findNodeAtLocation(root, ['dependencies']);
  if (dependencies?.type === 'object') {
    const members = dependencies.children ?? [];
    if (members.length === 0) {
      const inner = `${eol}${unit}${unit}${entry}${eol}${unit}`;
      return [{ start: dependencies.offset + 1, end: dependencies.offset + dependencies.length - 1, newText: inner }];
    }
    const names = members.map((m) => m.children![0]!.value as string);
    const at = insertionIndex(names, pkg.name);
    const lineStart = text.lastIndexOf('\n', members[0]!.offset - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, members[0]!.offset))![0];
    if (at < members.length) return [{ start: members[at]!.offset, end: members[at]!.offset, newText: `${entry},${eol}${indent}` }];
    const last = members[members.length - 1]!;
    return [{ start: last.offset + last.length, end: last.offset + last.length, newText: `,${eol}${indent}${entry}` }];
  }
  if (dependencies) return undefined;
  const last = root.children?.[root.children.length - 1];
  const block = `"dependencies": {${eol}${unit}${unit}${entry}${eol}${unit}}`;
  if (!last) return [{ start: root.offset + 1, end: root.offset + root.length - 1, newText: `${eol}${unit}${block}${eol}` }];
  return [{ start: last.offset + last.length, end: last.offset + last.length, newText: `,${eol}${unit}${block}` }];
}
