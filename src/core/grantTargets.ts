import { roles, type DataRole, type RoleKey } from './roles';

/**
 * What "Grant access…" offers per target: its resource type, the child scopes it can be narrowed to, and roles —
 * least-privilege data roles first (from the role catalog), then broad or key-reading roles, marked as such.
 */
export interface GrantRole extends DataRole {
  id: string;
  /** Broad or able to read keys: offered last, with a warning. */
  broad?: string;
}

export interface ChildScope {
  /** Path below the resource id, e.g. "blobServices/default/containers". */
  path: string;
  /** "container", "queue", "entity"… */
  noun: string;
  /** Which roles fit at that scope (keys into the catalog); undefined = the target's own list. */
  roles?: RoleKey[];
}

export interface GrantTarget {
  /** ARM resource type as ARM spells it. */
  type: string;
  noun: string;
  roles: RoleKey[];
  broad: GrantRole[];
  children: ChildScope[];
}

const OWNER: GrantRole = broadRole('Owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Full control, including assigning roles.', 'broad: full control of the resource');
const CONTRIBUTOR: GrantRole = broadRole('Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c', 'Manage the resource, including reading its keys.', 'broad: can read keys');

const STORAGE_BLOB: RoleKey[] = ['storageBlobDataReader', 'storageBlobDataContributor'];
const STORAGE_QUEUE: RoleKey[] = ['storageQueueDataReader', 'storageQueueDataMessageProcessor', 'storageQueueDataMessageSender', 'storageQueueDataContributor'];

export const GRANT_TARGETS: GrantTarget[] = [
  {
    type: 'Microsoft.Storage/storageAccounts',
    noun: 'storage account',
    roles: [...STORAGE_BLOB, ...STORAGE_QUEUE, 'storageTableDataReader', 'storageTableDataContributor'],
    broad: [
      broadRole('Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', roles.storageBlobDataOwner.description, 'broad: full blob access including ACLs'),
      broadRole('Storage Account Contributor', '17d1049b-9a84-46fb-8f53-869881c3d3ab', 'Manage the account.', 'can read account keys'),
      broadRole('Reader and Data Access', 'c12c1c16-33a1-487b-954d-41c89c60f349', 'Read everything, data through the account keys.', 'can read account keys'),
      CONTRIBUTOR,
      OWNER,
    ],
    children: [
      { path: 'blobServices/default/containers', noun: 'container', roles: STORAGE_BLOB },
      { path: 'queueServices/default/queues', noun: 'queue', roles: STORAGE_QUEUE },
    ],
  },
  {
    type: 'Microsoft.KeyVault/vaults',
    noun: 'key vault',
    roles: ['keyVaultSecretsUser', 'keyVaultCertificateUser', 'keyVaultCryptoUser', 'keyVaultSecretsOfficer', 'keyVaultCertificatesOfficer', 'keyVaultCryptoOfficer'],
    broad: [broadRole('Key Vault Administrator', '00482a5a-887f-4fb3-b363-3b7fe8e74483', 'All data operations on the vault.', 'broad: every secret, key and certificate'), CONTRIBUTOR, OWNER],
    children: [],
  },
  {
    type: 'Microsoft.ServiceBus/namespaces',
    noun: 'Service Bus namespace',
    roles: ['serviceBusDataReceiver', 'serviceBusDataSender'],
    broad: [broadRole('Azure Service Bus Data Owner', '090c5cfd-751d-490a-894a-3ce6f1109419', 'Full data access.', 'broad: send, receive and manage'), CONTRIBUTOR, OWNER],
    children: [
      { path: 'queues', noun: 'queue' },
      { path: 'topics', noun: 'topic' },
    ],
  },
  {
    type: 'Microsoft.EventHub/namespaces',
    noun: 'Event Hubs namespace',
    roles: ['eventHubsDataReceiver', 'eventHubsDataSender'],
    broad: [broadRole('Azure Event Hubs Data Owner', 'f526a384-b230-433a-b45c-95f59c4a2dec', 'Full data access.', 'broad: send, receive and manage'), CONTRIBUTOR, OWNER],
    children: [{ path: 'eventhubs', noun: 'event hub' }],
  },
  {
    type: 'Microsoft.AppConfiguration/configurationStores',
    noun: 'App Configuration store',
    roles: ['appConfigurationDataReader', 'appConfigurationDataOwner'],
    broad: [CONTRIBUTOR, OWNER],
    children: [],
  },
  {
    type: 'Microsoft.CognitiveServices/accounts',
    noun: 'Azure OpenAI / AI services account',
    roles: ['cognitiveServicesOpenAIUser', 'cognitiveServicesOpenAIContributor'],
    broad: [CONTRIBUTOR, OWNER],
    children: [],
  },
  {
    type: 'Microsoft.ContainerRegistry/registries',
    noun: 'container registry',
    roles: ['acrPull'],
    broad: [CONTRIBUTOR, OWNER],
    children: [],
  },
  {
    type: 'Microsoft.DocumentDB/databaseAccounts',
    noun: 'Cosmos DB account',
    roles: ['cosmosDbBuiltInDataReader', 'cosmosDbBuiltInDataContributor'],
    broad: [],
    children: [],
  },
];

export function grantTargetFor(resourceType: string): GrantTarget | undefined {
  return GRANT_TARGETS.find((t) => t.type.toLowerCase() === resourceType.toLowerCase());
}

/** Roles to offer at a scope: least privilege first (narrowed by the child scope), then the broad ones. */
export function rolesToOffer(target: GrantTarget, child?: ChildScope): { leastPrivilege: GrantRole[]; broad: GrantRole[] } {
  const keys = child?.roles ?? target.roles;
  const leastPrivilege = keys.map((k) => roles[k]).filter((r): r is DataRole & { id: string } => !!r.id);
  return { leastPrivilege, broad: target.broad };
}

function broadRole(name: string, id: string, description: string, broad: string): GrantRole {
  return { name, id, description, system: 'arm', broad };
}
