/** Which role the Grant lens and the post-fix notification offer, and the request they send (light: no rules, no engine). */
import type { DataRole } from '../../core/roles';
import type { Finding } from '../types';

/** What keyless.grantAccess receives from a lens or the post-fix notification. */
export interface GrantAccessRequest {
  service: Finding['service'];
  target?: string;
  roleId: string;
}

/** The grantable role the lens offers first: the least-privilege read role with an id (database roles are granted in SQL). */
export function firstGrantableRole(finding: Finding): DataRole | undefined {
  return [...(finding.roles?.read ?? []), ...(finding.roles?.write ?? [])].find((r) => r.id && r.system !== 'database');
}

/** The Grant access request for a finding's first grantable role; undefined when it has none. */
export function grantRequestOf(finding: Finding): { role: DataRole; request: GrantAccessRequest } | undefined {
  const role = firstGrantableRole(finding);
  if (!role?.id) return undefined;
  return { role, request: { service: finding.service, roleId: role.id, ...(finding.target ? { target: finding.target.name } : {}) } };
}
