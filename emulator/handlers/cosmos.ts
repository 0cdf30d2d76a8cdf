import { errors } from '../errors.js';
import { isAtOrAbove, isGuid, lowerId } from '../ids.js';
import type { ResourceTypeBehaviour } from './catalog.js';

/**
 * Cosmos DB accounts and their data-plane RBAC (sqlRoleDefinitions / sqlRoleAssignments) — not ARM RBAC. Every new
 * account carries the two built-in SQL roles with their fixed ids.
 */
const COSMOS_API_VERSIONS = ['2024-11-15', '2024-08-15', '2023-04-15', '2021-10-15'];
const COSMOS_BUILT_IN_SQL_ROLES = [
  { name: '00000000-0000-0000-0000-000000000001', roleName: 'Cosmos DB Built-in Data Reader', dataActions: ['Microsoft.DocumentDB/databaseAccounts/readMetadata', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/readChangeFeed', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read'] },
  { name: '00000000-0000-0000-0000-000000000002', roleName: 'Cosmos DB Built-in Data Contributor', dataActions: ['Microsoft.DocumentDB/databaseAccounts/readMetadata', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/*', 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/*'] },
];

export const COSMOS_TYPES: ResourceTypeBehaviour[] = [
  {
    type: 'Microsoft.DocumentDB/databaseAccounts',
    apiVersions: COSMOS_API_VERSIONS,
    tracked: true,
    lro: { put: 'created201', delete: true },
    decorate(env, resource, existing) {
      resource.kind ??= 'GlobalDocumentDB';
      resource.properties = { databaseAccountOfferType: 'Standard', ...resource.properties, documentEndpoint: `https://${resource.name.toLowerCase()}.documents.azure.com:443/` };
      if (existing) return;
      for (const role of COSMOS_BUILT_IN_SQL_ROLES) {
        env.store.putResource({
          id: `${resource.id}/sqlRoleDefinitions/${role.name}`,
          name: role.name,
          type: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions',
          properties: { roleName: role.roleName, type: 'BuiltInRole', assignableScopes: [resource.id], permissions: [{ dataActions: role.dataActions, notDataActions: [] }] },
        });
      }
    },
  },
  { type: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions', apiVersions: COSMOS_API_VERSIONS, tracked: false, provisioningState: false, lro: { put: 'accepted202', delete: true } },
  {
    type: 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
    apiVersions: COSMOS_API_VERSIONS,
    tracked: false,
    provisioningState: false,
    lro: { put: 'accepted202', delete: true },
    validate(env, body, _existing, id) {
      if (!isGuid(id.name)) throw errors.badRequest('BadRequest', `The SQL Role Assignment ID '${id.name}' is not a valid GUID.`);
      const props = body.properties as { roleDefinitionId?: unknown; scope?: unknown; principalId?: unknown } | undefined;
      if (!props || !isGuid(props.principalId)) throw errors.badRequest('BadRequest', 'The SQL Role Assignment principalId must be a valid GUID.');
      const roleId = typeof props.roleDefinitionId === 'string' ? props.roleDefinitionId : '';
      if (!env.store.resource(roleId) || !lowerId(roleId).startsWith(lowerId(id.parentId) + '/sqlroledefinitions/')) {
        throw errors.badRequest('BadRequest', `The provided SQL Role Definition ID '${roleId}' does not exist in database account '${id.parentId.split('/').pop()}'.`);
      }
      if (typeof props.scope !== 'string' || !isAtOrAbove(id.parentId, props.scope)) {
        throw errors.badRequest('BadRequest', `The provided scope '${String(props.scope)}' is not valid: it must be the database account or a database or container within it.`);
      }
    },
    // Cosmos DB looks the principal up in the directory itself (no principalType hint): a principal still replicating
    // fails the accepted operation with 400 BadRequest, in Cosmos DB's words.
    asyncFailure(env, body) {
      const principalId = (body.properties as { principalId?: unknown } | undefined)?.principalId;
      if (!isGuid(principalId) || !env.principalReplicated || env.principalReplicated(principalId)) return undefined;
      return {
        code: 'BadRequest',
        message: `The provided principal ID [${principalId}] was not found in the AAD tenant(s) [${env.tenantId}] which are associated with the customer's subscription.\r\nActivityId: ${env.newGuid('activity')}, Microsoft.Azure.Documents.Common/2.14.0`,
      };
    },
    decorate(_env, resource) {
      const { roleDefinitionId, scope, principalId } = resource.properties as Record<string, string>;
      resource.properties = { roleDefinitionId, scope, principalId };
    },
  },
];
