import { describeScope } from '../core/identities/scopeDescription';
import { isActionAllowed, roleThatGrants, type PermissionEntry } from '../core/permissions';
import type { AzureAccess } from './access';
import { armList } from './armRest';

/** One thing a write needs: an ARM action at a scope, and what the user was trying to do, in words. */
export interface RequiredPermission {
  action: string;
  scope: string;
}

/** The user lacks permission for a write: names the action, the scope and the role to ask for. Nothing was written. */
export class MissingPermissionError extends Error {
  override readonly name = 'MissingPermissionError';
  readonly code = 'MissingPermission';
  constructor(
    readonly missing: RequiredPermission[],
    what: string,
  ) {
    const lines = missing.map((m) => `'${m.action}' on ${describeScope(m.scope)} (ask for the ${roleThatGrants(m.action)} role there)`);
    super(`You do not have permission to ${what}: it needs ${lines.join(', and ')}. Nothing was changed.`);
  }
}

const PERMISSIONS_API = '2022-04-01';

/** The caller's effective permissions at a scope (ARM's permissions API: one entry per applicable role). */
export async function permissionsAt(access: AzureAccess, tenantId: string, scope: string): Promise<PermissionEntry[]> {
  return armList<PermissionEntry>(access, tenantId, `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/permissions`, PERMISSIONS_API);
}

/** Checks every required permission (one permissions call per distinct scope); throws MissingPermissionError. */
export async function requirePermissions(access: AzureAccess, tenantId: string, required: RequiredPermission[], what: string): Promise<void> {
  const byScope = new Map<string, RequiredPermission[]>();
  for (const r of required) byScope.set(r.scope.toLowerCase(), [...(byScope.get(r.scope.toLowerCase()) ?? []), r]);
  const missing: RequiredPermission[] = [];
  await Promise.all(
    [...byScope.values()].map(async (group) => {
      const entries = await permissionsAt(access, tenantId, group[0].scope);
      for (const r of group) if (!isActionAllowed(entries, r.action)) missing.push(r);
    }),
  );
  if (missing.length) throw new MissingPermissionError(missing, what);
}
