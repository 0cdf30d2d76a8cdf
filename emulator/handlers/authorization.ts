import { ok, type HandlerResult, route, type RequestContext, type Route } from '../context.js';
import { denyAssignmentView, EVERYONE } from '../deny.js';
import { ArmError, errors } from '../errors.js';
import { isAtOrAbove, isGuid, lowerId, parseResourceId, resourceGroupOf, subscriptionOf } from '../ids.js';
import { page } from '../paging.js';
import { isReplicated } from '../replication.js';
import { applicableAssignments, requirePermission } from '../rbac.js';
import { BUILT_IN_ROLES, roleByGuid, roleDefinitionId, roleGuidOf, type BuiltInRole } from '../roles.js';
import type { PrincipalType, RoleAssignment } from '../store.js';
import { requireSubscription, visibleTo } from './guards.js';

/** Microsoft.Authorization 2022-04-01: role assignments, role definitions, permissions — at any scope. */
const RA_READ = 'Microsoft.Authorization/roleAssignments/read';
const RA_WRITE = 'Microsoft.Authorization/roleAssignments/write';
const RA_DELETE = 'Microsoft.Authorization/roleAssignments/delete';
const PRINCIPAL_TYPES: PrincipalType[] = ['User', 'Group', 'ServicePrincipal', 'ForeignGroup'];

/** Normalized scope ("/" for the tenant root); the scope must exist, as ARM checks. */
function checkScope(ctx: RequestContext): string {
  const scope = ctx.params.scope || '/';
  const subscriptionId = subscriptionOf(scope);
  if (subscriptionId) requireSubscription(ctx, subscriptionId);
  const group = resourceGroupOf(scope);
  if (subscriptionId && group && !ctx.state.store.resourceGroup(subscriptionId, group)) throw errors.resourceGroupNotFound(group);
  const resourceId = parseResourceId(scope);
  if (resourceId && !ctx.state.store.resource(scope)) {
    const qualified = `${resourceId.namespace}/${scope.split('/').slice(7).join('/')}`;
    const cut = qualified.lastIndexOf('/');
    throw errors.resourceNotFound(qualified.slice(0, cut), qualified.slice(cut + 1), resourceId.resourceGroup);
  }
  return scope;
}

function assignmentId(scope: string, name: string): string {
  return `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
}

export function assignmentView(a: RoleAssignment) {
  return {
    properties: {
      roleDefinitionId: roleDefinitionId(a.roleGuid, subscriptionOf(a.scope)),
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      condition: a.condition,
      conditionVersion: a.condition ? '2.0' : null,
      createdOn: a.createdOn,
      updatedOn: a.updatedOn,
      createdBy: a.createdBy,
      updatedBy: a.createdBy,
      delegatedManagedIdentityResourceId: null,
      description: a.description,
    },
    id: a.id,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

function notFoundAssignment(name: string): ArmError {
  return new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`);
}

function getAssignment(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  requirePermission(ctx.state.store, ctx.caller, RA_READ, scope);
  const assignment = ctx.state.store.roleAssignment(assignmentId(scope, ctx.params.name));
  if (!assignment) throw notFoundAssignment(ctx.params.name);
  return ok(assignmentView(assignment));
}

function putAssignment(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  const { name } = ctx.params;
  if (!isGuid(name)) throw errors.badRequest('InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  const store = ctx.state.store;
  requirePermission(store, ctx.caller, RA_WRITE, scope);
  const props = ((ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as Record<string, unknown>;
  if (!isGuid(props.principalId)) throw errors.badRequest('InvalidPrincipalId', 'A valid principal ID must be provided for role assignment.');
  const principalId = props.principalId;
  const roleGuid = typeof props.roleDefinitionId === 'string' ? roleGuidOf(props.roleDefinitionId) : '';
  if (!roleByGuid(roleGuid)) throw errors.badRequest('RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
  const requestedType = props.principalType as PrincipalType | undefined;
  if (requestedType !== undefined && !PRINCIPAL_TYPES.includes(requestedType)) {
    throw errors.badRequest('InvalidPrincipalType', `The principal type '${String(requestedType)}' is invalid. Valid values are ${PRINCIPAL_TYPES.join(', ')}.`);
  }

  const id = assignmentId(scope, name);
  const existing = store.roleAssignment(id);
  if (existing) {
    const same = lowerId(existing.principalId) === lowerId(principalId) && existing.roleGuid === roleGuid;
    if (!same) throw new ArmError(409, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
    return ok(assignmentView(existing), 201);
  }

  // A principal created moments ago has not replicated yet; principalType skips the directory lookup (Microsoft's fix),
  // except on the paths the scenario says still look it up.
  const principal = store.principal(principalId);
  const lookupSkipped = !!requestedType && ctx.state.principalTypeBypassesReplication;
  if (!lookupSkipped && !isReplicated(ctx.state, principalId)) {
    const tenantId = subscriptionOf(scope) ? store.subscription(subscriptionOf(scope)!)?.tenantId : ctx.caller.tenantId;
    throw errors.badRequest('PrincipalNotFound', `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`);
  }
  const duplicate = store.roleAssignmentsNear(scope).find((a) => a.roleGuid === roleGuid && lowerId(a.principalId) === lowerId(principalId) && lowerId(a.scope) === lowerId(scope));
  if (duplicate) {
    throw new ArmError(409, 'RoleAssignmentExists', `The role assignment already exists. The ID of the existing role assignment is ${duplicate.name.replace(/-/g, '')}.`);
  }
  const now = new Date(ctx.state.now()).toISOString();
  const assignment: RoleAssignment = {
    id, name, scope, roleGuid, principalId,
    principalType: requestedType ?? principal?.type ?? 'User',
    description: typeof props.description === 'string' ? props.description : null,
    condition: typeof props.condition === 'string' ? props.condition : null,
    createdOn: now, updatedOn: now, createdBy: ctx.caller.objectId,
  };
  store.putRoleAssignment(assignment);
  return ok(assignmentView(assignment), 201);
}

function deleteAssignment(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  requirePermission(ctx.state.store, ctx.caller, RA_DELETE, scope);
  const removed = ctx.state.store.deleteRoleAssignment(assignmentId(scope, ctx.params.name));
  return removed ? ok(assignmentView(removed)) : { status: 204 };
}

/** $filter semantics: none → at, above and below; atScope() → at and above; principalId eq / assignedTo() → that principal, at, above and below. */
function assignmentFilter(filter: string | undefined): { atScopeOnly: boolean; principalId?: string } {
  if (!filter || !filter.trim()) return { atScopeOnly: false };
  let atScopeOnly = false;
  let principalId: string | undefined;
  for (const part of filter.split(/\s+and\s+/i)) {
    const principal = /^\s*(?:principalId\s+eq\s+'([^']+)'|assignedTo\('([^']+)'\))\s*$/i.exec(part);
    if (/^\s*atScope\(\)\s*$/i.test(part)) atScopeOnly = true;
    else if (principal) principalId = principal[1] ?? principal[2];
    else throw errors.badRequest('UnsupportedQuery', `The filter '${filter}' is not supported. Supported filters are 'atScope()', 'principalId eq {id}' and 'assignedTo({id})', alone or joined with 'and'.`);
  }
  return { atScopeOnly, principalId };
}

function listAssignments(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  const { atScopeOnly, principalId } = assignmentFilter(ctx.query.get('$filter'));
  const store = ctx.state.store;
  const candidates = principalId ? store.roleAssignmentsOf(principalId) : store.roleAssignmentsNear(scope);
  const matching = candidates.filter((a) => isAtOrAbove(a.scope, scope) || (!atScopeOnly && isAtOrAbove(scope, a.scope)));
  const visible = visibleTo(ctx, RA_READ, scope, matching, () => RA_READ);
  return ok(page(ctx, visible.map(assignmentView)));
}

// Role definitions.
function definitionView(role: BuiltInRole, subscriptionId: string | undefined) {
  return {
    id: roleDefinitionId(role.name, subscriptionId),
    name: role.name,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: [{ actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: role.notDataActions }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-04-16T18:20:45.5411539Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}

function listDefinitions(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  const filter = ctx.query.get('$filter')?.trim();
  let roles: readonly BuiltInRole[] = BUILT_IN_ROLES;
  if (filter) {
    const byName = /^roleName\s+eq\s+'((?:[^']|'')+)'$/i.exec(filter);
    const byType = /^type\s+eq\s+'(BuiltInRole|CustomRole)'$/i.exec(filter);
    if (byName) roles = roles.filter((r) => r.roleName.toLowerCase() === byName[1].replace(/''/g, "'").toLowerCase());
    else if (byType) roles = byType[1].toLowerCase() === 'builtinrole' ? roles : [];
    else throw errors.badRequest('UnsupportedQuery', `The filter '${filter}' is not supported. Supported filters are "roleName eq '{name}'" and "type eq 'BuiltInRole'|'CustomRole'".`);
  }
  return ok(page(ctx, roles.map((r) => definitionView(r, subscriptionOf(scope)))));
}

function getDefinition(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  const role = roleByGuid(ctx.params.roleId);
  if (!role) throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${ctx.params.roleId}' does not exist.`);
  return ok(definitionView(role, subscriptionOf(scope)));
}

/** The caller's effective permissions at a scope: one entry per role assignment that applies there. */
function listPermissions(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  const entries = applicableAssignments(ctx.state.store, ctx.caller.objectId, scope).map(({ role, assignment }) => ({
    actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: role.notDataActions,
    ...(assignment.condition ? { condition: assignment.condition, conditionVersion: '2.0' } : {}),
  }));
  return ok(page(ctx, entries));
}

// Deny assignments: read-only here (scenarios create them, as Azure's own services do).
const DA_READ = 'Microsoft.Authorization/denyAssignments/read';

/** $filter: none → at, above and below; atScope() → at and above; principalId eq '{id}' → that principal's (Everyone included), at, above and below. */
function listDenyAssignments(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  requirePermission(ctx.state.store, ctx.caller, DA_READ, scope);
  const filter = ctx.query.get('$filter')?.trim();
  const principal = filter ? /^principalId\s+eq\s+'([^']+)'$/i.exec(filter) : null;
  if (filter && !principal && !/^atScope\(\)$/i.test(filter)) {
    throw errors.badRequest('UnsupportedQuery', `The filter '${filter}' is not supported. Supported filters are 'atScope()' and 'principalId eq {id}'.`);
  }
  const atScopeOnly = !!filter && !principal;
  const matching = ctx.state.store.denyAssignments.filter((d) =>
    (isAtOrAbove(d.scope, scope) || (!atScopeOnly && isAtOrAbove(scope, d.scope))) &&
    (!principal || d.principals.some((p) => p.id === EVERYONE || lowerId(p.id) === lowerId(principal[1]))));
  return ok(page(ctx, matching.map(denyAssignmentView)));
}

function getDenyAssignment(ctx: RequestContext): HandlerResult {
  const scope = checkScope(ctx);
  requirePermission(ctx.state.store, ctx.caller, DA_READ, scope);
  const found = ctx.state.store.denyAssignments.find((d) => lowerId(d.name) === lowerId(ctx.params.name) && lowerId(d.scope) === lowerId(scope));
  if (!found) throw new ArmError(404, 'DenyAssignmentNotFound', `The deny assignment '${ctx.params.name}' is not found.`);
  return ok(denyAssignmentView(found));
}

const AUTH = '{*scope}/providers/Microsoft.Authorization';
export const authorizationRoutes: Route[] = [
  route('GET', `${AUTH}/roleAssignments`, 'roleAssignments.list', listAssignments),
  route('GET', `${AUTH}/roleAssignments/{name}`, 'roleAssignments.get', getAssignment),
  route('PUT', `${AUTH}/roleAssignments/{name}`, 'roleAssignments.create', putAssignment),
  route('DELETE', `${AUTH}/roleAssignments/{name}`, 'roleAssignments.delete', deleteAssignment),
  route('GET', `${AUTH}/roleDefinitions`, 'roleDefinitions.list', listDefinitions),
  route('GET', `${AUTH}/roleDefinitions/{roleId}`, 'roleDefinitions.get', getDefinition),
  route('GET', `${AUTH}/permissions`, 'permissions.list', listPermissions),
  route('GET', `${AUTH}/denyAssignments`, 'denyAssignments.list', listDenyAssignments),
  route('GET', `${AUTH}/denyAssignments/{name}`, 'denyAssignments.get', getDenyAssignment),
];
