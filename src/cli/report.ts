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

/** What `scan --fix` changed: per file the fixes and the settings to provide, then the manifests it edited. */
export function formatFixes(run: {
  fixed: ReadonlyArray<{ file: string; fixes: ReadonlyArray<{ title: string }>; settings: ReadonlyArray<{ name: string; value?: string; description: string }> }>;
  manifests: ReadonlyArray<{ manifest: string; title: string }>;
  undeclared: ReadonlyArray<{ file: string; pkg: { name: string; version: string } }>;
  failed: ReadonlyArray<{ file: string; message: string }>;
}): string {
  const lines: string[] = [];
  for (const { file, fixes, settings } of run.fixed) {
    lines.push(`fixed ${file} (${fixes.length} fix${fixes.length === 1 ? '' : 'es'})`);
    for (const fix of fixes) lines.push(`    ${fix.title}`);
    if (settings.length > 0) {
      lines.push('  settings to provide where the app runs:');
      for (const s of settings) lines.push(`    ${s.name}${s.value !== undefined ? `=${s.value}` : ''}  (${s.description})`);
    }
  }
  for (const { manifest, title } of run.manifests) lines.push(`updated ${manifest}: ${title}`);
  for (const { file, pkg } of run.undeclared) lines.push(`no manifest found for ${file}: declare ${pkg.name} ${pkg.version} yourself`);
  for (const { file, message } of run.failed) lines.push(`could not fix ${file}: ${message}`);
  const count = run.fixed.reduce((n, f) => n + f.fixes.length, 0);
  lines.push(`${count} fix${count === 1 ? '' : 'es'} applied in ${run.fixed.length} file${run.fixed.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
