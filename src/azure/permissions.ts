import { describeScope } from '../core/identities/scopeDescription';
import { blockingDenyAssignment, isActionAllowed, roleThatGrants, type DenyAssignmentEntry, type PermissionEntry } from '../core/permissions';
import type { AzureAccess } from './access';
import { armList } from './armRest';
import { signedInPrincipal } from './currentUser';

/** One thing a write needs: an ARM action at a scope, and what the user was trying to do, in words. */
export interface RequiredPermission {
  action: string;
  scope: string;
}

/** A permission the user's roles give but a deny assignment takes away. */
export interface DeniedPermission extends RequiredPermission {
  denyAssignmentName: string;
  denyScope: string;
}

/**
 * The user lacks permission for a write: names the action, the scope and the role to ask for — or the deny
 * assignment that blocks it (no role lifts a deny assignment). Nothing was written.
 */
export class MissingPermissionError extends Error {
  override readonly name = 'MissingPermissionError';
  readonly code = 'MissingPermission';
  constructor(
    readonly missing: RequiredPermission[],
    what: string,
    readonly denied: DeniedPermission[] = [],
  ) {
    const lines = [
      ...missing.map((m) => `'${m.action}' on ${describeScope(m.scope)} (ask for the ${roleThatGrants(m.action)} role there)`),
      ...denied.map(
        (d) =>
          `'${d.action}' on ${describeScope(d.scope)}, which your roles allow but the deny assignment '${d.denyAssignmentName}' on ${describeScope(d.denyScope)} blocks ` +
          '(no role lifts it: ask whoever manages it — a managed application, Databricks workspace or deployment stack — to exclude you or remove it)',
      ),
    ];
    super(`You do not have permission to ${what}: it needs ${lines.join(', and ')}. Nothing was changed.`);
  }
}

const PERMISSIONS_API = '2022-04-01';

const below = (scope: string) => scope.replace(/\/+$/, '');

/** The caller's effective permissions at a scope (ARM's permissions API: one entry per applicable role). */
export async function permissionsAt(access: AzureAccess, tenantId: string, scope: string): Promise<PermissionEntry[]> {
  return armList<PermissionEntry>(access, tenantId, `${below(scope)}/providers/Microsoft.Authorization/permissions`, PERMISSIONS_API);
}

/** Deny assignments that apply at a scope (at or above it); unreadable ones count as none — the write will say. */
async function denyAssignmentsAt(access: AzureAccess, tenantId: string, scope: string): Promise<DenyAssignmentEntry[]> {
  try {
    const raw = await armList<{ name: string; properties: Omit<DenyAssignmentEntry, 'name'> }>(access, tenantId, `${below(scope)}/providers/Microsoft.Authorization/denyAssignments?$filter=${encodeURIComponent('atScope()')}`, PERMISSIONS_API);
    return raw.map((d) => ({ name: d.name, ...d.properties }));
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 403) return [];
    throw error;
  }
}

/** Checks every required permission (one permissions and one deny-assignments call per distinct scope). */
export async function requirePermissions(access: AzureAccess, tenantId: string, required: RequiredPermission[], what: string): Promise<void> {
  const byScope = new Map<string, RequiredPermission[]>();
  for (const r of required) byScope.set(r.scope.toLowerCase(), [...(byScope.get(r.scope.toLowerCase()) ?? []), r]);
  const missing: RequiredPermission[] = [];
  const denied: DeniedPermission[] = [];
  const me = signedInPrincipal(access, tenantId);
  me.catch(() => undefined); // awaited below only when a deny assignment is found
  await Promise.all(
    [...byScope.values()].map(async (group) => {
      const [entries, denies] = await Promise.all([permissionsAt(access, tenantId, group[0].scope), denyAssignmentsAt(access, tenantId, group[0].scope)]);
      for (const r of group) {
        if (!isActionAllowed(entries, r.action)) {
          missing.push(r);
          continue;
        }
        const deny = denies.length ? blockingDenyAssignment(denies, (await me).objectId, r.action, r.scope) : undefined;
        if (deny) denied.push({ ...r, denyAssignmentName: deny.denyAssignmentName ?? deny.name, denyScope: deny.scope });
      }
    }),
  );
  if (missing.length || denied.length) throw new MissingPermissionError(missing, what, denied);
}
