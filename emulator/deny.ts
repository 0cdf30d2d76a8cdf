import { isAtOrAbove, lowerId } from './ids.js';
import { actionMatches } from './rbac.js';
import type { Store } from './store.js';

/**
 * Deny assignments (Microsoft.Authorization/denyAssignments): system-made blocks (managed applications, Databricks,
 * deployment stacks) that win over every role assignment. ARM's permissions API does NOT fold them in — a caller
 * can "have" an action there and still get 403 DenyAssignmentAuthorizationFailed on the write.
 */
export const EVERYONE = '00000000-0000-0000-0000-000000000000';

export interface DenyPrincipal {
  id: string;
  type: 'User' | 'Group' | 'ServicePrincipal' | 'SystemDefined';
}

export interface DenyAssignment {
  id: string;
  name: string;
  denyAssignmentName: string;
  description: string;
  scope: string;
  permissions: Array<{ actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }>;
  principals: DenyPrincipal[];
  excludePrincipals: DenyPrincipal[];
  doNotApplyToChildScopes: boolean;
  isSystemProtected: boolean;
}

/** True when the deny assignment covers this principal (directly or as Everyone, not excluded) at this scope. */
export function appliesTo(deny: DenyAssignment, principalId: string, scope: string): boolean {
  if (!isAtOrAbove(deny.scope, scope)) return false;
  if (deny.doNotApplyToChildScopes && lowerId(deny.scope) !== lowerId(scope)) return false;
  const id = principalId.toLowerCase();
  if (deny.excludePrincipals.some((p) => p.id.toLowerCase() === id)) return false;
  return deny.principals.some((p) => p.id === EVERYONE || p.id.toLowerCase() === id);
}

export function denies(deny: DenyAssignment, action: string): boolean {
  return deny.permissions.some((p) => p.actions.some((a) => actionMatches(a, action)) && !p.notActions.some((a) => actionMatches(a, action)));
}

/** The deny assignment that blocks this principal's action at this scope, if any. */
export function blockingDeny(store: Store, principalId: string, action: string, scope: string): DenyAssignment | undefined {
  return store.denyAssignments.find((d) => appliesTo(d, principalId, scope) && denies(d, action));
}

export function denyAssignmentView(d: DenyAssignment) {
  return {
    id: d.id,
    name: d.name,
    type: 'Microsoft.Authorization/denyAssignments',
    properties: {
      denyAssignmentName: d.denyAssignmentName,
      description: d.description,
      permissions: d.permissions,
      scope: d.scope,
      doNotApplyToChildScopes: d.doNotApplyToChildScopes,
      principals: d.principals,
      excludePrincipals: d.excludePrincipals,
      isSystemProtected: d.isSystemProtected,
    },
  };
}
