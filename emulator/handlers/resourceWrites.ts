import { errors } from '../errors.js';
import type { ParsedResourceId } from '../ids.js';
import type { Resource } from '../store.js';
import { behaviourOf, type WriteEnv } from './catalog.js';
import { applyIdentityChange } from './identity.js';

/** The state changes behind PUT / PATCH / DELETE of any resource; shared by the HTTP handlers and the scenario loader. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7396 JSON merge-patch: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** ARM answers locations in their short form: "East US" → "eastus". */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

export function requireBodyObject(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw errors.invalidRequestContent('The request body must be a JSON object.');
  return body;
}

function withProvisioningState(resource: Resource, state: string): void {
  if (behaviourOf(resource.type)?.provisioningState === false) return;
  resource.properties = { ...resource.properties, provisioningState: state };
}

export function applyPut(env: WriteEnv, id: ParsedResourceId, input: unknown, existing: Resource | undefined): Resource {
  const body = requireBodyObject(input);
  const behaviour = behaviourOf(id.type);
  const tracked = behaviour?.tracked ?? !id.nested;
  if (tracked && (typeof body.location !== 'string' || !body.location)) throw errors.locationRequired();
  behaviour?.validate?.(env, body, existing, id);
  const resource: Resource = {
    id: existing?.id ?? id.id,
    name: existing?.name ?? id.name,
    type: behaviour?.type ?? id.type,
    ...(tracked ? { location: normalizeLocation(body.location as string) } : {}),
    ...(body.kind !== undefined ? { kind: body.kind as string } : {}),
    ...(body.sku !== undefined ? { sku: body.sku } : {}),
    ...(body.tags !== undefined ? { tags: body.tags as Record<string, string> } : {}),
    properties: isPlainObject(body.properties) ? { ...body.properties } : {},
  };
  if (behaviour?.identity) {
    const identity = applyIdentityChange({ ...identityEnv(env, resource, behaviour.identity), existing: existing?.identity, input: body.identity, mode: 'put' });
    if (identity) resource.identity = identity;
  } else if (body.identity !== undefined) {
    resource.identity = body.identity as Resource['identity'];
  }
  behaviour?.decorate?.(env, resource, existing, id);
  withProvisioningState(resource, 'Succeeded');
  env.store.putResource(resource);
  return resource;
}

export function applyPatch(env: WriteEnv, id: ParsedResourceId, input: unknown, existing: Resource): Resource {
  const body = requireBodyObject(input);
  const behaviour = behaviourOf(existing.type);
  const resource: Resource = { ...structuredClone(existing) };
  // ARM PATCH replaces the whole tag set; everything else merges.
  if (body.tags !== undefined) resource.tags = (body.tags ?? {}) as Record<string, string>;
  if (body.properties !== undefined) resource.properties = mergePatch(existing.properties, body.properties) as Record<string, unknown>;
  if (body.sku !== undefined) resource.sku = mergePatch(existing.sku, body.sku);
  if (behaviour?.identity) {
    const identity = applyIdentityChange({ ...identityEnv(env, resource, behaviour.identity), existing: existing.identity, input: body.identity, mode: 'patch' });
    if (identity) resource.identity = identity;
    else delete resource.identity;
  }
  behaviour?.decorate?.(env, resource, existing, id);
  withProvisioningState(resource, 'Succeeded');
  env.store.putResource(resource);
  return resource;
}

export function removeResource(env: WriteEnv, resource: Resource): void {
  behaviourOf(resource.type)?.onDelete?.(env, resource);
  if (resource.identity?.principalId) env.store.removePrincipal(resource.identity.principalId);
  env.store.deleteResource(resource.id);
}

export function setProvisioningState(resource: Resource, state: string): void {
  withProvisioningState(resource, state);
}

function identityEnv(env: WriteEnv, resource: Resource, spelling: 'spaced' | 'compact') {
  return { store: env.store, caller: env.caller, resourceId: resource.id, resourceType: resource.type, tenantId: env.tenantId, spelling, now: env.now, newGuid: env.newGuid };
}
