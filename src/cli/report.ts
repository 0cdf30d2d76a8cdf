/** The CLI's output formats: human text, a flat JSON array (1-based lines and columns) and SARIF. */
import type { Finding } from '../passwordless/types';

export interface FileFinding {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  file: string;
  finding: Finding;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  service: string;
  language: string;
  severity: string;
  message: string;
  target?: string;
  roles?: { read: Array<{ name: string; id?: string }>; write: Array<{ name: string; id?: string }> };
}

export function toJson({ file, finding }: FileFinding): JsonFinding {
  const { range, roles, target } = finding;
  const role = (r: { name: string; id?: string }) => (r.id ? { name: r.name, id: r.id } : { name: r.name });
  return {
    file,
    line: range.start.line + 1,
    column: range.start.column + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.column + 1,
    ruleId: finding.ruleId,
    service: finding.service,
    language: finding.language,
    severity: finding.severity,
    message: finding.message,
    ...(target ? { target: target.name } : {}),
    ...(roles ? { roles: { read: roles.read.map(role), write: roles.write.map(role) } } : {}),
  };
}

export function formatText(results: readonly FileFinding[], filesScanned: number): string {
  const lines = results.map(({ file, finding }) => {
    const at = `${file}:${finding.range.start.line + 1}:${finding.range.start.column + 1}`;
    const target = finding.target ? ` [${finding.target.kind} ${finding.target.name}]` : '';
    const roles = finding.roles ? `\n    roles: read ${names(finding.roles.read)}; write ${names(finding.roles.write)}` : '';
    return `${at}  ${finding.severity}  ${finding.ruleId}${target}\n    ${finding.message}${roles}`;
  });
  lines.push(`${results.length} finding${results.length === 1 ? '' : 's'} in ${filesScanned} file${filesScanned === 1 ? '' : 's'} scanned.`);
  return lines.join('\n');
}

function names(roles: ReadonlyArray<{ name: string }>): string {
  return roles.length ? roles.map((r) => r.name).join(', ') : '—';
}
