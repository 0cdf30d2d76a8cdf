import { roles, type DataRole, type RoleKey, type ServiceId } from './roles';

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

/**
 * What the passwordless "Grant <role>…" lens asks for: the service the code talks to, the resource named in the
 * code (account, namespace, vault… if the code names one), and the role to preselect.
 */
export interface GrantRequest {
  service: ServiceId;
  target?: string;
  roleId: string;
}

/** A command argument read as a GrantRequest ({service, target?, roleId}); undefined for tree nodes and the palette. */
export function asGrantRequest(arg: unknown): GrantRequest | undefined {
  const r = arg as Partial<Record<keyof GrantRequest, unknown>> | undefined;
  if (!r || typeof r !== 'object' || typeof r.service !== 'string' || typeof r.roleId !== 'string') return undefined;
  return { service: r.service as ServiceId, roleId: r.roleId, ...(typeof r.target === 'string' ? { target: r.target } : {}) };
}

const SERVICE_TARGETS: Partial<Record<ServiceId, string>> = {
  blob: 'Microsoft.Storage/storageAccounts',
  queue: 'Microsoft.Storage/storageAccounts',
  table: 'Microsoft.Storage/storageAccounts',
  serviceBus: 'Microsoft.ServiceBus/namespaces',
  eventHubs: 'Microsoft.EventHub/namespaces',
  cosmosDb: 'Microsoft.DocumentDB/databaseAccounts',
  appConfiguration: 'Microsoft.AppConfiguration/configurationStores',
  keyVault: 'Microsoft.KeyVault/vaults',
  openAI: 'Microsoft.CognitiveServices/accounts',
};

/** The grant target a service lives on; undefined for services granted inside the database (SQL, PostgreSQL). */
export function grantTargetForService(service: string): GrantTarget | undefined {
  const type = SERVICE_TARGETS[service as ServiceId];
  return type ? grantTargetFor(type) : undefined;
}

/** The resource name a request's target means: "https://x.blob.core.windows.net/" and "x.vault.azure.net" name x. */
export function targetNameOf(target: string): string {
  const host = target.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0];
  return (host.includes('.') ? host.split('.')[0] : host).toLowerCase();
}

/** The role a request names, from the target's offer or else the catalog (still offered, never invented). */
export function requestedRole(target: GrantTarget, roleId: string): GrantRole | undefined {
  const id = roleId.toLowerCase();
  const { leastPrivilege, broad } = rolesToOffer(target);
  const offered = [...leastPrivilege, ...broad].find((r) => r.id.toLowerCase() === id);
  if (offered) return offered;
  const known = Object.values(roles).find((r) => r.id?.toLowerCase() === id);
  return known?.id ? { ...known, id: known.id } : undefined;
}
