import { randomUUID } from 'node:crypto';
import { ArmError, errors } from '../errors.js';
import { lowerId } from '../ids.js';
import { requireLinkedPermission, type Caller } from '../rbac.js';
import type { ResourceIdentity, Store } from '../store.js';

/**
 * Managed identity on a compute resource (VM, scale set, web/function app, container app). PUT replaces the whole
 * identity; PATCH is JSON merge-patch: {ID: {}} adds, {ID: null} removes, a type without UserAssigned drops them all.
 */
export interface IdentityChange {
  store: Store;
  /** Undefined when the scenario loader builds state (no permission checks). */
  caller?: Caller;
  resourceId: string;
  resourceType: string;
  tenantId: string;
  spelling: 'spaced' | 'compact';
  existing: ResourceIdentity | undefined;
  input: unknown;
  mode: 'put' | 'patch';
  now: number;
  /** Stable principal ids for scenario data; random otherwise. */
  newGuid?: (purpose: string) => string;
}

const ASSIGN_ACTION = 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action';

function parseType(raw: string): { system: boolean; user: boolean } {
  const parts = raw.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const valid = parts.length > 0 && parts.every((p) => p === 'systemassigned' || p === 'userassigned' || p === 'none');
  if (!valid || (parts.includes('none') && parts.length > 1)) {
    throw errors.badRequest('InvalidIdentityType', `The identity type '${raw}' is invalid. Allowed values are 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned' and 'None'.`);
  }
  return { system: parts.includes('systemassigned'), user: parts.includes('userassigned') };
}

export function spellIdentityType(system: boolean, user: boolean, spelling: 'spaced' | 'compact'): string {
  if (system && user) return spelling === 'spaced' ? 'SystemAssigned, UserAssigned' : 'SystemAssigned,UserAssigned';
  return system ? 'SystemAssigned' : user ? 'UserAssigned' : 'None';
}

function findKey(map: Record<string, unknown>, id: string): string | undefined {
  return Object.keys(map).find((k) => lowerId(k) === lowerId(id));
}

export function applyIdentityChange(change: IdentityChange): ResourceIdentity | undefined {
  const { existing, input, mode } = change;
  if (input === undefined) return mode === 'patch' ? existing : dropSystemPrincipal(change, undefined);
  if (input === null || typeof input !== 'object') throw errors.badRequest('InvalidRequestContent', "The 'identity' property must be an object.");
  const requested = input as { type?: unknown; userAssignedIdentities?: Record<string, unknown> | null };
  const typeText = typeof requested.type === 'string' ? requested.type : mode === 'patch' ? existing?.type ?? 'None' : undefined;
  if (typeText === undefined) throw errors.badRequest('InvalidIdentityType', "The 'identity.type' property is required.");
  const { system, user } = parseType(typeText);
  const entries = Object.entries(requested.userAssignedIdentities ?? {});

  const userAssigned: Record<string, { principalId: string; clientId: string }> = mode === 'patch' && user ? { ...(existing?.userAssignedIdentities ?? {}) } : {};
  const added: string[] = [];
  for (const [id, value] of entries) {
    const key = findKey(userAssigned, id);
    if (value === null) {
      if (mode === 'put') throw errors.badRequest('InvalidParameter', `The user-assigned identity '${id}' must have an empty object as its value.`);
      if (key) delete userAssigned[key];
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length > 0) {
      throw errors.badRequest('InvalidParameter', `The user-assigned identity '${id}' must have an empty object as its value.`);
    }
    if (!user) {
      throw errors.badRequest('InvalidIdentityValues', `Invalid value for the identities '${id}'. The 'userAssignedIdentities' property can only be specified when the identity type includes 'UserAssigned'.`);
    }
    if (!key) added.push(id);
  }
  for (const id of added) {
    if (change.caller) requireLinkedPermission(change.store, change.caller, `${change.resourceType}/write`, change.resourceId, ASSIGN_ACTION, id);
    const identity = change.store.resource(id);
    if (!identity || lowerId(identity.type) !== 'microsoft.managedidentity/userassignedidentities') {
      throw new ArmError(400, 'FailedIdentityOperation', `Identity operation for resource '${change.resourceId}' failed with error 'Failed to perform resource identity operation. Status: 'NotFound'. Response: '{"error":{"code":"NotFound","message":"Resource '${id}' not found."}}'.'.`);
    }
    const props = identity.properties as { principalId: string; clientId: string };
    userAssigned[id] = { principalId: props.principalId, clientId: props.clientId };
  }
  if (user && Object.keys(userAssigned).length === 0) {
    throw errors.badRequest('InvalidIdentityValues', `Invalid value for the identities. The identity type '${typeText}' requires at least one user-assigned identity; to remove the last one, also change the type ('None' or 'SystemAssigned').`);
  }

  const result: ResourceIdentity = { type: spellIdentityType(system, user, change.spelling) };
  if (system) {
    result.principalId = existing?.principalId && parseType(existing.type).system ? existing.principalId : createSystemPrincipal(change);
    result.tenantId = change.tenantId;
  } else {
    dropSystemPrincipal(change, undefined);
  }
  if (user) result.userAssignedIdentities = userAssigned;
  return result;
}

function createSystemPrincipal(change: IdentityChange): string {
  const principalId = change.newGuid?.(`${change.resourceId}#system`) ?? randomUUID();
  const appId = change.newGuid?.(`${change.resourceId}#systemApp`) ?? randomUUID();
  const name = change.resourceId.split('/').pop() ?? 'identity';
  change.store.addPrincipal({ id: principalId, appId, type: 'ServicePrincipal', displayName: name, tenantId: change.tenantId, createdAt: change.now });
  return principalId;
}

/** Disabling a system identity deletes its service principal; its role assignments stay behind, orphaned. */
function dropSystemPrincipal(change: IdentityChange, result: ResourceIdentity | undefined): ResourceIdentity | undefined {
  if (change.existing?.principalId) change.store.removePrincipal(change.existing.principalId);
  return result;
}
