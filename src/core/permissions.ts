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
