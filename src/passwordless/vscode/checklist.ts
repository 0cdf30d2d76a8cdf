/** The migration checklist (pure): workspace findings grouped by service, then file, with counts. */
import { serviceRoles, type ServiceId } from '../../core/roles';
import type { Finding } from '../types';

export interface FileFindings {
  /** Workspace-relative path with forward slashes. */
  path: string;
  findings: readonly Finding[];
}

export interface ChecklistService {
  service: ServiceId;
  label: string;
  count: number;
  files: FileFindings[];
}

/** Services ordered by finding count (most first), files by path, findings by position. */
export function groupByService(files: readonly FileFindings[]): ChecklistService[] {
  const byService = new Map<ServiceId, Map<string, Finding[]>>();
  for (const file of files) {
    for (const finding of file.findings) {
      const perFile = byService.get(finding.service) ?? new Map<string, Finding[]>();
      byService.set(finding.service, perFile);
      perFile.set(file.path, [...(perFile.get(file.path) ?? []), finding]);
    }
  }
  const groups = [...byService].map(([service, perFile]) => {
    const grouped = [...perFile]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, findings]) => ({ path, findings: findings.sort((x, y) => x.startOffset - y.startOffset) }));
    return { service, label: serviceRoles[service].service, count: grouped.reduce((n, f) => n + f.findings.length, 0), files: grouped };
  });
  return groups.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
