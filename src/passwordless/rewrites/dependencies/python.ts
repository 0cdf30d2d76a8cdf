/**
 * Python: requirements.txt (a `name>=version` line in its sorted place) and pyproject.toml (the [project]
 * `dependencies` array, or Poetry's [tool.poetry.dependencies] table). Names compare as PEP 503 normalizes them.
 */
import type { PackageRef, TextEdit } from '../model';
import { insertionIndex } from './order';

const normalized = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
const requirementName = (spec: string) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];

export function requirementsEdit(text: string, pkg: PackageRef): TextEdit[] | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines: Array<{ name: string; start: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const name = /^[ \t]*[-#]/.test(line) ? undefined : requirementName(line);
    if (name) lines.push({ name, start: offset });
    offset += line.length + 1;
  }
  if (lines.some((l) => normalized(l.name) === normalized(pkg.name))) return undefined;
  const entry = `${pkg.name}>=${pkg.version}`;
  const at = insertionIndex(lines.map((l) => l.name), pkg.name);
  if (at < lines.length) return [{ start: lines[at]!.start, end: lines[at]!.start, newText: `${entry}${eol}` }];
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return [{ start: text.length, end: text.length, newText: `${needsBreak ? eol : ''}${entry}${eol}` }];
}

/** The text of a TOML table: from after its header line to the next header (or the end). */
function table(text: string, header: string): { start: number; end: number } | undefined {
  const match = new RegExp(`^\\[${header.replace(/\./g, '\\.')}\\][ \\t]*(?:#.*)?$`, 'm').exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  const next = /^\[/m.exec(text.slice(start));
  return { start, end: next ? start + next.index : text.length };
}

export function pyprojectEdit(text: string, pkg: PackageRef): TextEdit[] | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const project = table(text, 'project');
  if (project) {
    const body = text.slice(project.start, project.end);
    const key = /^dependencies[ \t]*=[ \t]*\[/m.exec(body);
    const entry = JSON.stringify(`${pkg.name}>=${pkg.version}`);
    if (!key) {
      const end = project.start + body.trimEnd().length;
      return [{ start: end, end, newText: `${eol}dependencies = [${entry}]` }];
    }
    const open = project.start + key.index + key[0].length;
    const close = text.indexOf(']', open);
    if (close === -1) return undefined;
    const items = [...text.slice(open, close).matchAll(/["']([^"']+)["']/g)].map((m) => ({ spec: m[1]!, end: open + m.index + m[0].length, start: open + m.index }));
    if (items.some((i) => normalized(requirementName(i.spec) ?? '') === normalized(pkg.name))) return undefined;
    if (items.length === 0) return [{ start: open, end: close, newText: entry }];
    const multiline = text.slice(open, close).includes('\n');
    const last = items[items.length - 1]!;
    if (!multiline) return [{ start: last.end, end: last.end, newText: `, ${entry}` }];
    const lineStart = text.lastIndexOf('\n', last.start) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const comma = /^[ \t]*,/.exec(text.slice(last.end));
    const after = comma ? last.end + comma[0].length : last.end;
    return [{ start: after, end: after, newText: `${comma ? '' : ','}${eol}${indent}${entry}${comma ? ',' : ''}` }];
  }
  const poetry = table(text, 'tool.poetry.dependencies');
  if (!poetry) return undefined;
  const body = text.slice(poetry.start, poetry.end);
  const names = [...body.matchAll(/^([A-Za-z0-9._-]+)[ \t]*=/gm)].map((m) => m[1]!);
  if (names.some((n) => normalized(n) === normalized(pkg.name))) return undefined;
  const end = poetry.start + body.trimEnd().length;
  return [{ start: end, end, newText: `${eol}${pkg.name} = "^${pkg.version}"` }];
}
