/**
 * Built-in Azure role definitions with their real GUIDs, names and descriptions (Microsoft's built-in roles
 * reference). Permissions are the real control-plane actions; data actions are listed where the role is a data role.
 */
export interface BuiltInRole {
  name: string; // the GUID
  roleName: string;
  description: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

const SUPPORT = ['Microsoft.Support/*'];
const MANAGEMENT_READ = ['Microsoft.Authorization/*/read', 'Microsoft.Resources/subscriptions/resourceGroups/read', ...SUPPORT];
const KEY_VAULT_NOTE = "Only works for key vaults that use the 'Azure role-based access control' permission model.";

function role(name: string, roleName: string, description: string, actions: string[], dataActions: string[] = [], notActions: string[] = [], notDataActions: string[] = []): BuiltInRole {
  return { name, roleName, description, actions, notActions, dataActions, notDataActions };
}

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', ['*']),
  role('b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor', 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.', ['*'], [], [
    'Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action',
    'Microsoft.Blueprint/blueprintAssignments/write', 'Microsoft.Blueprint/blueprintAssignments/delete', 'Microsoft.Compute/galleries/share/action',
    'Microsoft.Purview/consents/write', 'Microsoft.Purview/consents/delete', 'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
    'Microsoft.Subscription/cancel/action', 'Microsoft.Subscription/enable/action',
  ]),
  role('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', ['*/read']),
  role('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', 'Lets you manage user access to Azure resources.', ['*/read', 'Microsoft.Authorization/*', ...SUPPORT]),
  role('f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator', 'Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.', ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', ...SUPPORT]),
  role('e40ec5ca-96e0-45a2-b4ff-59039f2c2b59', 'Managed Identity Contributor', 'Create, Read, Update, and Delete User Assigned Identity', [
    'Microsoft.ManagedIdentity/userAssignedIdentities/read', 'Microsoft.ManagedIdentity/userAssignedIdentities/write', 'Microsoft.ManagedIdentity/userAssignedIdentities/delete',
    'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/read', 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write',
    'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/delete', 'Microsoft.ManagedIdentity/userAssignedIdentities/revokeTokens/action',
    'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', ...MANAGEMENT_READ,
  ]),
  role('f1a07417-d97a-45cb-824c-7a7467783830', 'Managed Identity Operator', 'Read and Assign User Assigned Identity', [
    'Microsoft.ManagedIdentity/userAssignedIdentities/*/read', 'Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action',
    'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', ...MANAGEMENT_READ,
  ]),
  role('9980e02c-c2be-4d73-94e8-173b1dc7cf3c', 'Virtual Machine Contributor', 'Create and manage virtual machines, manage disks, install and run software, reset password of the root user of the virtual machine using VM extensions, and connect to Linux virtual machine using a local user account and SSH. This role does not grant you management access to the virtual network or storage account the virtual machines are connected to. This role does not allow you to assign roles in Azure RBAC.', [
    'Microsoft.Compute/virtualMachines/*', 'Microsoft.Compute/virtualMachineScaleSets/*', 'Microsoft.Compute/disks/*', 'Microsoft.Compute/availabilitySets/*',
    'Microsoft.Network/networkInterfaces/*', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', ...MANAGEMENT_READ,
  ]),
  role('de139f84-1756-47ae-9be6-808fbbe84772', 'Website Contributor', "Lets you manage websites (not web plans), but not access to them.", [
    'Microsoft.Web/sites/*', 'Microsoft.Web/serverFarms/join/action', 'Microsoft.Web/serverFarms/read', 'Microsoft.Web/certificates/*',
    'Microsoft.Insights/alertRules/*', 'Microsoft.Insights/components/*', 'Microsoft.Resources/deployments/*', ...MANAGEMENT_READ,
  ]),
  // Storage data roles.
  role('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', 'Storage Blob Data Reader', 'Allows for read access to Azure Storage blob containers and data', ['Microsoft.Storage/storageAccounts/blobServices/containers/read', 'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'], ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']),
  role('ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'Storage Blob Data Contributor', 'Allows for read, write and delete access to Azure Storage blob containers and data', ['Microsoft.Storage/storageAccounts/blobServices/containers/delete', 'Microsoft.Storage/storageAccounts/blobServices/containers/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/write', 'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'], ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action']),
  role('b7e6dc6d-f1e8-4753-8033-0f276bb0955b', 'Storage Blob Data Owner', 'Allows for full access to Azure Storage blob containers and data, including assigning POSIX access control.', ['Microsoft.Storage/storageAccounts/blobServices/containers/*', 'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'], ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*']),
  role('19e7f393-937e-4f77-808e-94535e297925', 'Storage Queue Data Reader', 'Allows for read access to Azure Storage queues and queue messages', ['Microsoft.Storage/storageAccounts/queueServices/queues/read'], ['Microsoft.Storage/storageAccounts/queueServices/queues/messages/read']),
  role('8a0f0c08-91a1-4084-bc3d-661d67233fed', 'Storage Queue Data Message Processor', 'Allows for peek, receive, and delete access to Azure Storage queue messages', [], ['Microsoft.Storage/storageAccounts/queueServices/queues/messages/read', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/process/action']),
  role('c6a89b2d-59bc-44d0-9896-0f6e12d7b80a', 'Storage Queue Data Message Sender', 'Allows for sending of Azure Storage queue messages', [], ['Microsoft.Storage/storageAccounts/queueServices/queues/messages/add/action']),
  role('974c5e8b-45b9-4653-ba55-5f855dd0fb88', 'Storage Queue Data Contributor', 'Allows for read, write, and delete access to Azure Storage queues and queue messages', ['Microsoft.Storage/storageAccounts/queueServices/queues/delete', 'Microsoft.Storage/storageAccounts/queueServices/queues/read', 'Microsoft.Storage/storageAccounts/queueServices/queues/write'], ['Microsoft.Storage/storageAccounts/queueServices/queues/messages/delete', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/write', 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/process/action']),
  role('76199698-9eea-4c19-bc75-cec21354c6b6', 'Storage Table Data Reader', 'Allows for read access to Azure Storage tables and entities', ['Microsoft.Storage/storageAccounts/tableServices/tables/read'], ['Microsoft.Storage/storageAccounts/tableServices/tables/entities/read']),
  role('0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', 'Storage Table Data Contributor', 'Allows for read, write and delete access to Azure Storage tables and entities', ['Microsoft.Storage/storageAccounts/tableServices/tables/read', 'Microsoft.Storage/storageAccounts/tableServices/tables/write', 'Microsoft.Storage/storageAccounts/tableServices/tables/delete'], ['Microsoft.Storage/storageAccounts/tableServices/tables/entities/read', 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/write', 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/delete', 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action', 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/update/action']),
  role('17d1049b-9a84-46fb-8f53-869881c3d3ab', 'Storage Account Contributor', 'Permits management of storage accounts. Provides access to the account key, which can be used to access data via Shared Key authorization.', ['Microsoft.Storage/storageAccounts/*', 'Microsoft.Insights/alertRules/*', 'Microsoft.Insights/diagnosticSettings/*', 'Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action', 'Microsoft.Resources/deployments/*', ...MANAGEMENT_READ]),
  role('c12c1c16-33a1-487b-954d-41c89c60f349', 'Reader and Data Access', 'Lets you view everything but will not let you delete or create a storage account or contained resource. It will also allow read/write access to all data contained in a storage account via access to storage account keys.', ['Microsoft.Storage/storageAccounts/listKeys/action', 'Microsoft.Storage/storageAccounts/ListAccountSas/action', 'Microsoft.Storage/storageAccounts/read']),
  // Messaging data roles.
  role('4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0', 'Azure Service Bus Data Receiver', 'Allows for receive access to Azure Service Bus resources.', ['Microsoft.ServiceBus/*/queues/read', 'Microsoft.ServiceBus/*/topics/read', 'Microsoft.ServiceBus/*/topics/subscriptions/read'], ['Microsoft.ServiceBus/*/receive/action']),
  role('69a216fc-b8fb-44d8-bc22-1f3c2cd27a39', 'Azure Service Bus Data Sender', 'Allows for send access to Azure Service Bus resources.', ['Microsoft.ServiceBus/*/queues/read', 'Microsoft.ServiceBus/*/topics/read', 'Microsoft.ServiceBus/*/topics/subscriptions/read'], ['Microsoft.ServiceBus/*/send/action']),
  role('090c5cfd-751d-490a-894a-3ce6f1109419', 'Azure Service Bus Data Owner', 'Allows for full access to Azure Service Bus resources.', ['Microsoft.ServiceBus/*'], ['Microsoft.ServiceBus/*']),
  role('a638d3c7-ab3a-418d-83e6-5f17a39d4fde', 'Azure Event Hubs Data Receiver', 'Allows receive access to Azure Event Hubs resources.', ['Microsoft.EventHub/*/eventhubs/consumergroups/read'], ['Microsoft.EventHub/*/eventhubs/read', 'Microsoft.EventHub/*/receive/action']),
  role('2b629674-e913-4c01-ae53-ef4638d8f975', 'Azure Event Hubs Data Sender', 'Allows send access to Azure Event Hubs resources.', ['Microsoft.EventHub/*/eventhubs/read'], ['Microsoft.EventHub/*/send/action']),
  role('f526a384-b230-433a-b45c-95f59c4a2dec', 'Azure Event Hubs Data Owner', 'Allows for full access to Azure Event Hubs resources.', ['Microsoft.EventHub/*'], ['Microsoft.EventHub/*']),
  // Key Vault (RBAC permission model).
  role('00482a5a-887f-4fb3-b363-3b7fe8e74483', 'Key Vault Administrator', `Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments. ${KEY_VAULT_NOTE}`, ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/checkNameAvailability/read', 'Microsoft.KeyVault/deletedVaults/read', 'Microsoft.KeyVault/locations/*/read', 'Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/operations/read'], ['Microsoft.KeyVault/vaults/*']),
  role('4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Secrets User', `Read secret contents. ${KEY_VAULT_NOTE}`, [], ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action']),
  role('b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'Key Vault Secrets Officer', `Perform any action on the secrets of a key vault, except manage permissions. ${KEY_VAULT_NOTE}`, ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/checkNameAvailability/read', 'Microsoft.KeyVault/deletedVaults/read', 'Microsoft.KeyVault/locations/*/read', 'Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/operations/read'], ['Microsoft.KeyVault/vaults/secrets/*']),
  role('db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', 'Key Vault Certificate User', `Read entire certificate contents including secret and key portion. ${KEY_VAULT_NOTE}`, [], ['Microsoft.KeyVault/vaults/certificates/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/keys/read']),
  role('a4417e6f-fecd-4de8-b567-7b0420556985', 'Key Vault Certificates Officer', `Perform any action on the certificates of a key vault, except manage permissions. ${KEY_VAULT_NOTE}`, ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/checkNameAvailability/read', 'Microsoft.KeyVault/deletedVaults/read', 'Microsoft.KeyVault/locations/*/read', 'Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/operations/read'], ['Microsoft.KeyVault/vaults/certificatecas/*', 'Microsoft.KeyVault/vaults/certificates/*', 'Microsoft.KeyVault/vaults/certificatecontacts/write']),
  role('12338af0-0e69-4776-bea7-57ae8d297424', 'Key Vault Crypto User', `Perform cryptographic operations using keys. ${KEY_VAULT_NOTE}`, [], ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/update/action', 'Microsoft.KeyVault/vaults/keys/backup/action', 'Microsoft.KeyVault/vaults/keys/encrypt/action', 'Microsoft.KeyVault/vaults/keys/decrypt/action', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action', 'Microsoft.KeyVault/vaults/keys/sign/action', 'Microsoft.KeyVault/vaults/keys/verify/action']),
  role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603', 'Key Vault Crypto Officer', `Perform any action on the keys of a key vault, except manage permissions. ${KEY_VAULT_NOTE}`, ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.KeyVault/checkNameAvailability/read', 'Microsoft.KeyVault/deletedVaults/read', 'Microsoft.KeyVault/locations/*/read', 'Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/operations/read'], ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*']),
  // App Configuration, Cognitive Services / OpenAI, Container Registry.
  role('516239f1-63e1-4d78-a4de-a74fb236a071', 'App Configuration Data Reader', 'Allows read access to App Configuration data.', [], ['Microsoft.AppConfiguration/configurationStores/*/read']),
  role('5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b', 'App Configuration Data Owner', 'Allows full access to App Configuration data.', [], ['Microsoft.AppConfiguration/configurationStores/*/read', 'Microsoft.AppConfiguration/configurationStores/*/write', 'Microsoft.AppConfiguration/configurationStores/*/delete', 'Microsoft.AppConfiguration/configurationStores/*/action']),
  role('5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', 'Cognitive Services OpenAI User', 'Read access to view files, models, deployments. The ability to create completion and embedding calls.', ['Microsoft.CognitiveServices/*/read', 'Microsoft.Authorization/roleAssignments/read', 'Microsoft.Authorization/roleDefinitions/read'], ['Microsoft.CognitiveServices/accounts/OpenAI/*/read', 'Microsoft.CognitiveServices/accounts/OpenAI/engines/completions/action', 'Microsoft.CognitiveServices/accounts/OpenAI/engines/search/action', 'Microsoft.CognitiveServices/accounts/OpenAI/engines/generate/action', 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/search/action', 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/completions/action', 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action', 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/extensions/chat/completions/action', 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action', 'Microsoft.CognitiveServices/accounts/OpenAI/images/generations/action']),
  role('a001fd3d-188f-4b5d-821b-7da978bf7442', 'Cognitive Services OpenAI Contributor', 'Full access including the ability to fine-tune, deploy and generate text', ['Microsoft.CognitiveServices/*/read', 'Microsoft.Authorization/roleAssignments/read', 'Microsoft.Authorization/roleDefinitions/read', 'Microsoft.CognitiveServices/accounts/deployments/write', 'Microsoft.CognitiveServices/accounts/deployments/delete', 'Microsoft.CognitiveServices/accounts/raiPolicies/read', 'Microsoft.CognitiveServices/accounts/raiPolicies/write', 'Microsoft.CognitiveServices/accounts/raiPolicies/delete', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*'], ['Microsoft.CognitiveServices/accounts/OpenAI/*']),
  role('25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68', 'Cognitive Services Contributor', 'Lets you create, read, update, delete and manage keys of Cognitive Services.', ['Microsoft.CognitiveServices/*', 'Microsoft.Features/features/read', 'Microsoft.Features/providers/features/read', 'Microsoft.Features/providers/features/register/action', 'Microsoft.Insights/alertRules/*', 'Microsoft.Insights/diagnosticSettings/*', 'Microsoft.Insights/logDefinitions/read', 'Microsoft.Insights/metricdefinitions/read', 'Microsoft.Insights/metrics/read', 'Microsoft.ResourceHealth/availabilityStatuses/read', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/deployments/operations/read', 'Microsoft.Resources/subscriptions/operationresults/read', 'Microsoft.Resources/subscriptions/read', 'Microsoft.Resources/subscriptions/resourcegroups/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*']),
  role('a97b65f3-24c7-4388-baec-2e87135dc908', 'Cognitive Services User', 'Lets you read and list keys of Cognitive Services.', ['Microsoft.CognitiveServices/*/read', 'Microsoft.CognitiveServices/accounts/listkeys/action', 'Microsoft.Insights/alertRules/read', 'Microsoft.Insights/diagnosticSettings/read', 'Microsoft.Insights/logDefinitions/read', 'Microsoft.Insights/metricdefinitions/read', 'Microsoft.Insights/metrics/read', 'Microsoft.ResourceHealth/availabilityStatuses/read', 'Microsoft.Resources/deployments/operations/read', 'Microsoft.Resources/subscriptions/operationresults/read', 'Microsoft.Resources/subscriptions/read', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*'], ['Microsoft.CognitiveServices/*']),
  role('7f951dda-4ed3-4680-a7ca-43fe172d538d', 'AcrPull', 'acr pull', ['Microsoft.ContainerRegistry/registries/pull/read']),
  role('8311e382-0749-4cb8-b61a-304f252e45ec', 'AcrPush', 'acr push', ['Microsoft.ContainerRegistry/registries/pull/read', 'Microsoft.ContainerRegistry/registries/push/write']),
];

const BY_GUID = new Map(BUILT_IN_ROLES.map((r) => [r.name.toLowerCase(), r]));
const BY_NAME = new Map(BUILT_IN_ROLES.map((r) => [r.roleName.toLowerCase(), r]));

export function roleByGuid(guid: string): BuiltInRole | undefined {
  return BY_GUID.get(guid.toLowerCase());
}

export function roleByName(roleName: string): BuiltInRole | undefined {
  return BY_NAME.get(roleName.toLowerCase());
}

/** Role definition id as ARM shows it at a scope: subscription-qualified inside a subscription, tenant-level otherwise. */
export function roleDefinitionId(guid: string, subscriptionId?: string): string {
  const prefix = subscriptionId ? `/subscriptions/${subscriptionId}` : '';
  return `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/** The GUID at the end of any role definition id form. */
export function roleGuidOf(roleDefinitionIdOrGuid: string): string {
  const parts = roleDefinitionIdOrGuid.split('/');
  return parts[parts.length - 1].toLowerCase();
}
