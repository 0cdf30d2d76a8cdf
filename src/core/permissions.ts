/**
 * ARM permission checks done before a write: the caller's effective permissions at a scope (ARM's permissions API)
 * against the action the write needs, and — when lacking — which built-in role grants it, in words.
 */
export interface PermissionEntry {
  actions?: string[];
  notActions?: string[];
}

const cache = new Map<string, RegExp>();

/** ARM action wildcards, case-insensitive; "a/*\/read" also matches "a/read". */
export function actionMatches(pattern: string, action: string): boolean {
  let regex = cache.get(pattern);
  if (!regex) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    regex = new RegExp('^' + escaped.replace(/\/\*\//g, '/(?:.*/)?').replace(/\*/g, '.*') + '$', 'i');
    cache.set(pattern, regex);
  }
  return regex.test(action);
}

/** True when some permission entry allows the action and does not exclude it (ARM evaluates entries separately). */
export function isActionAllowed(entries: PermissionEntry[], action: string): boolean {
  return entries.some(
    (e) => (e.actions ?? []).some((a) => actionMatches(a, action)) && !(e.notActions ?? []).some((n) => actionMatches(n, action)),
  );
}

/**
 * A deny assignment as ARM lists it. The permissions API does not fold these in: a caller can hold an action there
 * and still be refused (403 DenyAssignmentAuthorizationFailed), so writes check them separately.
 */
export interface DenyAssignmentEntry {
  name: string;
  denyAssignmentName?: string;
  scope: string;
  permissions?: PermissionEntry[];
  principals?: Array<{ id: string; type?: string }>;
  excludePrincipals?: Array<{ id: string; type?: string }>;
  doNotApplyToChildScopes?: boolean;
}

/** "Everyone" in a deny assignment's principals (type SystemDefined). */
export const EVERYONE_PRINCIPAL = '00000000-0000-0000-0000-000000000000';

const trimScope = (scope: string) => scope.replace(/\/+$/, '').toLowerCase();

/**
 * The deny assignment that blocks this action for this principal at this scope, if one does. Group principals are
 * not resolved (that needs Microsoft Graph): only Everyone and the principal itself count.
 */
export function blockingDenyAssignment(entries: DenyAssignmentEntry[], principalId: string, action: string, scope: string): DenyAssignmentEntry | undefined {
  const id = principalId.toLowerCase();
  const at = trimScope(scope);
  return entries.find((d) => {
    const from = trimScope(d.scope);
    const covers = at === from || at.startsWith(`${from}/`) || from === '';
    if (!covers || (d.doNotApplyToChildScopes && at !== from)) return false;
    if ((d.excludePrincipals ?? []).some((p) => p.id.toLowerCase() === id)) return false;
    if (!(d.principals ?? []).some((p) => p.id === EVERYONE_PRINCIPAL || p.id.toLowerCase() === id)) return false;
    return isActionAllowed(d.permissions ?? [], action);
  });
}

/** The least broad built-in role that grants an action, for "ask for role X on Y". */
export function roleThatGrants(action: string): string {
  const a = action.toLowerCase();
  if (a.startsWith('microsoft.authorization/roleassignments/')) return 'Role Based Access Control Administrator (or User Access Administrator, or Owner)';
  if (a === 'microsoft.managedidentity/userassignedidentities/assign/action') return 'Managed Identity Operator';
  if (a.startsWith('microsoft.managedidentity/')) return 'Managed Identity Contributor';
  if (a.startsWith('microsoft.compute/')) return 'Virtual Machine Contributor';
  if (a.startsWith('microsoft.web/')) return 'Website Contributor';
  if (a.startsWith('microsoft.documentdb/databaseaccounts/sqlroleassignments/')) return 'DocumentDB Account Contributor';
  if (a.startsWith('microsoft.resources/subscriptions/resourcegroups/')) return 'Contributor';
  return 'Contributor';
}
