import type { Resource } from '../store.js';
import type { ResourceTypeBehaviour } from './catalog.js';

/** Target services a workload reaches with its identity; endpoints are derived from the name as Azure does. */
function target(type: string, apiVersions: string[], endpoints: (name: string, resource: Resource) => Record<string, unknown>, defaults: Partial<Resource> = {}): ResourceTypeBehaviour {
  return {
    type,
    apiVersions,
    tracked: true,
    decorate(_env, resource) {
      for (const [key, value] of Object.entries(defaults)) if (resource[key] === undefined) resource[key] = value;
      resource.properties = { ...resource.properties, ...endpoints(resource.name.toLowerCase(), resource) };
    },
  };
}

/** Child entities a grant can be narrowed to (containers, queues, topics, event hubs): plain nested resources. */
function child(type: string, apiVersions: string[], properties: () => Record<string, unknown>): ResourceTypeBehaviour {
  return {
    type,
    apiVersions,
    tracked: false,
    provisioningState: false,
    decorate(_env, resource, existing) {
      resource.properties = { ...properties(), ...existing?.properties, ...resource.properties };
    },
  };
}

const STORAGE_API = ['2024-01-01', '2023-05-01', '2023-01-01', '2022-09-01'];
const MESSAGING_API = ['2024-01-01', '2022-10-01-preview', '2021-11-01'];
/** Every storage account has these service singletons ("default") from the start, as in Azure. */
const STORAGE_SERVICES = ['blobServices', 'queueServices', 'tableServices', 'fileServices'];

const storageAccounts = target('Microsoft.Storage/storageAccounts', STORAGE_API, (n) => ({
  primaryEndpoints: { blob: `https://${n}.blob.core.windows.net/`, queue: `https://${n}.queue.core.windows.net/`, table: `https://${n}.table.core.windows.net/`, file: `https://${n}.file.core.windows.net/`, dfs: `https://${n}.dfs.core.windows.net/`, web: `https://${n}.z13.web.core.windows.net/` },
}), { kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' } });
const decorateAccount = storageAccounts.decorate!;
storageAccounts.decorate = (env, resource, existing, id) => {
  decorateAccount(env, resource, existing, id);
  if (existing) return;
  for (const service of STORAGE_SERVICES) {
    env.store.putResource({ id: `${resource.id}/${service}/default`, name: 'default', type: `Microsoft.Storage/storageAccounts/${service}`, properties: {} });
  }
};

export const TARGET_TYPES: ResourceTypeBehaviour[] = [
  storageAccounts,
  ...STORAGE_SERVICES.map((service) => child(`Microsoft.Storage/storageAccounts/${service}`, STORAGE_API, () => ({}))),
  child('Microsoft.Storage/storageAccounts/blobServices/containers', STORAGE_API, () => ({ publicAccess: 'None', leaseStatus: 'Unlocked', leaseState: 'Available', hasImmutabilityPolicy: false, hasLegalHold: false, deleted: false })),
  child('Microsoft.Storage/storageAccounts/queueServices/queues', STORAGE_API, () => ({ metadata: {} })),
  child('Microsoft.ServiceBus/namespaces/queues', MESSAGING_API, () => ({ status: 'Active', maxSizeInMegabytes: 1024, requiresSession: false })),
  child('Microsoft.ServiceBus/namespaces/topics', MESSAGING_API, () => ({ status: 'Active', maxSizeInMegabytes: 1024, supportOrdering: true })),
  child('Microsoft.EventHub/namespaces/eventhubs', MESSAGING_API, () => ({ status: 'Active', partitionCount: 4, messageRetentionInDays: 1 })),
  target('Microsoft.KeyVault/vaults', ['2024-11-01', '2023-07-01', '2022-07-01'], (n, r) => ({
    vaultUri: `https://${n}.vault.azure.net/`,
    enableRbacAuthorization: r.properties?.enableRbacAuthorization ?? true,
    sku: r.properties?.sku ?? { family: 'A', name: 'standard' },
  })),
  target('Microsoft.ServiceBus/namespaces', MESSAGING_API, (n) => ({ serviceBusEndpoint: `https://${n}.servicebus.windows.net:443/` }), { sku: { name: 'Standard', tier: 'Standard' } }),
  target('Microsoft.EventHub/namespaces', MESSAGING_API, (n) => ({ serviceBusEndpoint: `https://${n}.servicebus.windows.net:443/` }), { sku: { name: 'Standard', tier: 'Standard', capacity: 1 } }),
  target('Microsoft.AppConfiguration/configurationStores', ['2024-05-01', '2023-03-01', '2022-05-01'], (n) => ({ endpoint: `https://${n}.azconfig.io` }), { sku: { name: 'standard' } }),
  target('Microsoft.CognitiveServices/accounts', ['2024-10-01', '2023-05-01', '2022-12-01'], (n, r) => ({
    endpoint: r.kind === 'OpenAI' ? `https://${n}.openai.azure.com/` : `https://${n}.cognitiveservices.azure.com/`,
    customSubDomainName: r.properties?.customSubDomainName ?? n,
  }), { kind: 'OpenAI', sku: { name: 'S0' } }),
  target('Microsoft.ContainerRegistry/registries', ['2023-07-01', '2023-01-01-preview', '2022-12-01'], (n) => ({ loginServer: `${n}.azurecr.io` }), { sku: { name: 'Basic', tier: 'Basic' } }),
];
