import type { AzureAccess } from './access';
import { armList, armSend } from './armRest';

// What Grant Access reads about a target before it offers roles: whether a key vault still uses access policies,
// and the child entities (containers, queues, topics, event hubs) a role can be narrowed to.

const KEY_VAULT_API = '2023-07-01';

/** API versions of the target types whose child entities are listed. */
const CHILD_API: Record<string, string> = {
  'microsoft.storage/storageaccounts': '2023-05-01',
  'microsoft.servicebus/namespaces': '2021-11-01',
  'microsoft.eventhub/namespaces': '2024-01-01',
};

/** True when the vault uses access policies: an RBAC role would not let anyone read its secrets. */
export async function keyVaultUsesAccessPolicies(access: AzureAccess, tenantId: string, vaultId: string): Promise<boolean> {
  const { body } = await armSend<{ properties?: { enableRbacAuthorization?: boolean } }>(access, tenantId, { method: 'GET', path: vaultId, apiVersion: KEY_VAULT_API });
  return body?.properties?.enableRbacAuthorization !== true;
}

/** The child entities under `childPath` of a resource (e.g. "blobServices/default/containers"); none on a 404 (no such service on it yet). */
export async function listChildEntities(access: AzureAccess, tenantId: string, resourceId: string, resourceType: string, childPath: string): Promise<Array<{ id: string; name: string }>> {
  try {
    return await armList<{ id: string; name: string }>(access, tenantId, `${resourceId}/${childPath}`, CHILD_API[resourceType.toLowerCase()]!);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
}
