/**
 * .csproj: a <PackageReference> in the ItemGroup that holds the others, in sorted place and with their indentation;
 * with Central Package Management (references without Version) the version belongs in Directory.Packages.props.
 */
import type { PackageRef, TextEdit } from '../model';
import { insertionIndex } from './order';

const reference = /<PackageReference\b[^>]*?\bInclude="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/PackageReference>)/g;

export function csprojEdit(text: string, pkg: PackageRef): { edits: TextEdit[]; centralVersions: boolean } | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const refs = [...text.matchAll(reference)].map((m) => ({ name: m[1]!, start: m.index, end: m.index + m[0].length, versioned: /\bVersion=/.test(m[0]) }));
  if (refs.some((r) => r.name.toLowerCase() === pkg.name.toLowerCase())) return undefined;
  const centralVersions = refs.length > 0 && refs.every((r) => !r.versioned);
  const element = `<PackageReference Include="${pkg.name}"${centralVersions ? '' : ` Version="${pkg.version}"`} />`;
  if (refs.length === 0) {
    const close = text.lastIndexOf('</Project>');
    if (close === -1) return undefined;
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    const group = `  <ItemGroup>${eol}    ${element}${eol}  </ItemGroup>${eol}`;
    return { edits: [{ start: lineStart, end: lineStart, newText: group }], centralVersions };
  }
  // Only the references of the first ItemGroup that has any: a sibling of those.
  const groupEnd = text.indexOf('</ItemGroup>', refs[0]!.start);
  const group = refs.filter((r) => groupEnd === -1 || r.start < groupEnd);
  const at = insertionIndex(group.map((r) => r.name), pkg.name);
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  if (at < group.length) return { edits: [{ start: group[at]!.start, end: group[at]!.start, newText: `${element}${eol}${indentOf(group[at]!.start)}` }], centralVersions };
  const last = group[group.length - 1]!;
  return { edits: [{ start: last.end, end: last.end, newText: `${eol}${indentOf(last.start)}${element}` }], centralVersions };
}
