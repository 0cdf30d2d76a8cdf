import { blockingDeny } from './deny.js';
import { errors } from './errors.js';
import { isAtOrAbove } from './ids.js';
import { roleByGuid, type BuiltInRole } from './roles.js';
import type { RoleAssignment, Store } from './store.js';

/** Who is calling, as read from the token. */
export interface Caller {
  objectId: string;
  tenantId: string;
  /** What ARM names in AuthorizationFailed: the UPN for users. */
  clientName: string;
}

const patternCache = new Map<string, RegExp>();

// ARM action wildcards, case-insensitive: a star matches anything, and a star segment between slashes may also
// match nothing (so "userAssignedIdentities/*/read" covers "userAssignedIdentities/read").
export function actionMatches(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    regex = new RegExp('^' + escaped.replace(/\/\*\//g, '/(?:.*/)?').replace(/\*/g, '.*') + '$', 'i');
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

export function roleGrants(role: BuiltInRole, action: string): boolean {
  return role.actions.some((a) => actionMatches(a, action)) && !role.notActions.some((a) => actionMatches(a, action));
}

/** The caller's assignments that apply at a scope (assigned at it or above it), with their roles. */
export function applicableAssignments(store: Store, principalId: string, scope: string): Array<{ assignment: RoleAssignment; role: BuiltInRole }> {
  const result: Array<{ assignment: RoleAssignment; role: BuiltInRole }> = [];
  for (const assignment of store.roleAssignmentsOf(principalId)) {
    if (!isAtOrAbove(assignment.scope, scope)) continue;
    const role = roleByGuid(assignment.roleGuid);
    if (role) result.push({ assignment, role });
  }
  return result;
}

export function isAllowed(store: Store, principalId: string, action: string, scope: string): boolean {
  return applicableAssignments(store, principalId, scope).some(({ role }) => roleGrants(role, action));
}

/**
 * Throws 403 AuthorizationFailed (ARM's wording) unless the caller may perform the action at the scope, then
 * 403 DenyAssignmentAuthorizationFailed when a deny assignment blocks what the roles allow.
 */
export function requirePermission(store: Store, caller: Caller, action: string, scope: string): void {
  if (!isAllowed(store, caller.objectId, action, scope)) {
    throw errors.authorizationFailed(caller.clientName, caller.objectId, action, scope);
  }
  const deny = blockingDeny(store, caller.objectId, action, scope);
  if (deny) throw errors.denyAssignmentAuthorizationFailed(caller.clientName, caller.objectId, action, scope, deny.denyAssignmentName, deny.name, deny.scope);
}

/** Attaching a user-assigned identity is a linked action: write on the resource, assign/action on the identity. */
export function requireLinkedPermission(store: Store, caller: Caller, action: string, scope: string, linkedAction: string, linkedScope: string): void {
  requirePermission(store, caller, action, scope);
  if (!isAllowed(store, caller.objectId, linkedAction, linkedScope)) {
    throw errors.linkedAuthorizationFailed(caller.clientName, caller.objectId, action, scope, linkedAction, linkedScope);
  }
}
