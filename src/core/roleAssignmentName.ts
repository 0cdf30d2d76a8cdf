import { createHash } from 'node:crypto';
import { normalizeId } from './identities/resourceId';

/**
 * Deterministic role assignment names: a name-based (version 5, SHA-1) UUID of scope + principal + role, so granting
 * twice PUTs the same assignment instead of creating a duplicate under another GUID.
 */
const KEYLESS_NAMESPACE = 'a4f6d2b8-3c1e-5f70-9d8a-6b2c4e1f0a93';

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUID at the end of a role definition id (or the GUID itself), lower case. */
export function roleGuidOf(roleDefinitionIdOrGuid: string): string {
  return (roleDefinitionIdOrGuid.split('/').pop() ?? '').toLowerCase();
}

export function roleAssignmentName(scope: string, principalId: string, roleDefinitionIdOrGuid: string): string {
  return uuidV5(`${normalizeId(scope)}|${principalId.toLowerCase()}|${roleGuidOf(roleDefinitionIdOrGuid)}`, KEYLESS_NAMESPACE);
}
