/**
 * The single source of data-plane role names, GUIDs and least-privilege choices per service. GUIDs come from the
 * built-in roles reference (see shared/reference/passwordless-catalog.md), never from scraped code.
 */

/** Where a role is assigned: ARM RBAC, Cosmos DB's own SQL role assignments, or inside the database. */
export type RoleSystem = 'arm' | 'cosmos-sql' | 'database';

export interface DataRole {
  name: string;
  /** Role definition GUID; absent for database roles, which are granted with SQL. */
  id?: string;
  description: string;
  system: RoleSystem;
}

export type ServiceId =
  | 'blob'
  | 'queue'
  | 'table'
  | 'serviceBus'
  | 'eventHubs'
  | 'cosmosDb'
  | 'appConfiguration'
  | 'keyVault'
  | 'openAI'
  | 'sql'
  | 'postgresql'
  | 'clientSecret';

export const roles = {
  storageBlobDataReader: arm('Storage Blob Data Reader', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', 'Read and list blobs and containers.'),
  storageBlobDataContributor: arm('Storage Blob Data Contributor', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', 'Read, write and delete blobs and containers.'),
  storageBlobDataOwner: arm('Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', 'Full blob access including POSIX ACLs; only for ACLs or the Functions host.'),
  storageQueueDataReader: arm('Storage Queue Data Reader', '19e7f393-937e-4f77-808e-94535e297925', 'Read and list queues and messages.'),
  storageQueueDataMessageProcessor: arm('Storage Queue Data Message Processor', '8a0f0c08-91a1-4084-bc3d-661d67233fed', 'Peek, receive and delete queue messages.'),
  storageQueueDataMessageSender: arm('Storage Queue Data Message Sender', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a', 'Add messages to queues.'),
  storageQueueDataContributor: arm('Storage Queue Data Contributor', '974c5e8b-45b9-4653-ba55-5f855dd0fb88', 'Read, write and delete queues and messages.'),
  storageTableDataReader: arm('Storage Table Data Reader', '76199698-9eea-4c19-bc75-cec21354c6b6', 'Read tables and entities.'),
  storageTableDataContributor: arm('Storage Table Data Contributor', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', 'Read, write and delete tables and entities.'),
  serviceBusDataReceiver: arm('Azure Service Bus Data Receiver', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0', 'Receive messages from queues and subscriptions.'),
  serviceBusDataSender: arm('Azure Service Bus Data Sender', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39', 'Send messages to queues and topics.'),
  eventHubsDataReceiver: arm('Azure Event Hubs Data Receiver', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde', 'Receive events (the checkpoint store also needs a blob role).'),
  eventHubsDataSender: arm('Azure Event Hubs Data Sender', '2b629674-e913-4c01-ae53-ef4638d8f975', 'Send events.'),
  keyVaultSecretsUser: arm('Key Vault Secrets User', '4633458b-17de-408a-b874-0445c86b69e6', 'Read secret contents (RBAC permission model only).'),
  keyVaultSecretsOfficer: arm('Key Vault Secrets Officer', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'Create and manage secrets (RBAC permission model only).'),
  keyVaultCertificateUser: arm('Key Vault Certificate User', 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', 'Read certificates.'),
  keyVaultCertificatesOfficer: arm('Key Vault Certificates Officer', 'a4417e6f-fecd-4de8-b567-7b0420556985', 'Manage certificates.'),
  keyVaultCryptoUser: arm('Key Vault Crypto User', '12338af0-0e69-4776-bea7-57ae8d297424', 'Use keys for cryptographic operations.'),
  keyVaultCryptoOfficer: arm('Key Vault Crypto Officer', '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', 'Manage keys.'),
  appConfigurationDataReader: arm('App Configuration Data Reader', '516239f1-63e1-4d78-a4de-a74fb236a071', 'Read key-values.'),
  appConfigurationDataOwner: arm('App Configuration Data Owner', '5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b', 'Read, write and delete key-values.'),
  cognitiveServicesOpenAIUser: arm('Cognitive Services OpenAI User', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', 'Call deployed models (inference).'),
  cognitiveServicesOpenAIContributor: arm('Cognitive Services OpenAI Contributor', 'a001fd3d-188f-4b5d-821b-7da978bf7442', 'Call models and manage deployments.'),
  acrPull: arm('AcrPull', '7f951dda-4ed3-4680-a7ca-43fe172d538d', 'Pull container images.'),
  cosmosDbBuiltInDataReader: {
    name: 'Cosmos DB Built-in Data Reader',
    id: '00000000-0000-0000-0000-000000000001',
    description: 'Read items and metadata; a Cosmos SQL role assignment, not ARM RBAC.',
    system: 'cosmos-sql',
  },
  cosmosDbBuiltInDataContributor: {
    name: 'Cosmos DB Built-in Data Contributor',
    id: '00000000-0000-0000-0000-000000000002',
    description: 'Read and write items; a Cosmos SQL role assignment, not ARM RBAC.',
    system: 'cosmos-sql',
  },
  dbDataReader: database('db_datareader', 'Read all tables; granted inside the database to a user created FROM EXTERNAL PROVIDER.'),
  dbDataWriter: database('db_datawriter', 'Write all tables; granted inside the database.'),
} satisfies Record<string, DataRole>;

export type RoleKey = keyof typeof roles;

export interface ServiceRoles {
  /** Human name of the service, as the portal says it. */
  service: string;
  read: RoleKey[];
  write: RoleKey[];
  /** Smallest scope the role may be assigned at, in words. */
  scope: string;
}

/** Least-privilege read and write roles per service. A client secret says nothing about the target: no roles. */
export const serviceRoles: Record<ServiceId, ServiceRoles> = {
  blob: { service: 'Blob Storage', read: ['storageBlobDataReader'], write: ['storageBlobDataContributor'], scope: 'storage account or container' },
  queue: {
    service: 'Queue Storage',
    read: ['storageQueueDataReader', 'storageQueueDataMessageProcessor'],
    write: ['storageQueueDataMessageSender', 'storageQueueDataContributor'],
    scope: 'storage account or queue',
  },
  table: { service: 'Table Storage', read: ['storageTableDataReader'], write: ['storageTableDataContributor'], scope: 'storage account or table' },
  serviceBus: { service: 'Service Bus', read: ['serviceBusDataReceiver'], write: ['serviceBusDataSender'], scope: 'namespace or entity' },
  eventHubs: { service: 'Event Hubs', read: ['eventHubsDataReceiver'], write: ['eventHubsDataSender'], scope: 'namespace or event hub' },
  cosmosDb: {
    service: 'Cosmos DB',
    read: ['cosmosDbBuiltInDataReader'],
    write: ['cosmosDbBuiltInDataContributor'],
    scope: 'account, database or container (Cosmos SQL role assignment)',
  },
  appConfiguration: { service: 'App Configuration', read: ['appConfigurationDataReader'], write: ['appConfigurationDataOwner'], scope: 'store' },
  keyVault: { service: 'Key Vault', read: ['keyVaultSecretsUser'], write: ['keyVaultSecretsOfficer'], scope: 'vault or secret (RBAC permission model)' },
  openAI: {
    service: 'Azure OpenAI',
    read: ['cognitiveServicesOpenAIUser'],
    write: ['cognitiveServicesOpenAIContributor'],
    scope: 'Azure OpenAI resource',
  },
  sql: { service: 'Azure SQL', read: ['dbDataReader'], write: ['dbDataWriter'], scope: 'database (granted with SQL, not ARM)' },
  postgresql: { service: 'Azure Database for PostgreSQL', read: [], write: [], scope: 'server (pgaadauth_create_principal, then GRANT)' },
  clientSecret: { service: 'Microsoft Entra client secret', read: [], write: [], scope: 'whatever the app registration was granted' },
};

/** Roles that can read account keys: never suggest them as data roles. GUIDs only where the catalog gives them. */
export const keyReadingRoles: ReadonlyArray<{ name: string; id?: string }> = [
  { name: 'Storage Account Contributor', id: '17d1049b-9a84-46fb-8f53-869881c3d3ab' },
  { name: 'Reader and Data Access', id: 'c12c1c16-33a1-487b-954d-41c89c60f349' },
  { name: 'Cognitive Services Contributor' },
  { name: 'Cognitive Services User' },
  { name: 'Owner' },
  { name: 'Contributor' },
];

const cosmosBuiltIns = new Map(Object.values(roles).filter((r) => r.system === 'cosmos-sql').map((r) => [r.id!.toLowerCase(), r.name]));

/** The name of a Cosmos DB built-in SQL role (fixed GUIDs in every account); undefined for a custom one. */
export function cosmosBuiltInRoleName(roleGuid: string): string | undefined {
  return cosmosBuiltIns.get(roleGuid.toLowerCase());
}

export function rolesForService(service: ServiceId): { read: DataRole[]; write: DataRole[] } {
  const entry = serviceRoles[service];
  return { read: entry.read.map((k) => roles[k]), write: entry.write.map((k) => roles[k]) };
}

function arm(name: string, id: string, description: string): DataRole {
  return { name, id, description, system: 'arm' };
}

function database(name: string, description: string): DataRole {
  return { name, description, system: 'database' };
}
