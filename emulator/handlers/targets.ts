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

export const TARGET_TYPES: ResourceTypeBehaviour[] = [
  target('Microsoft.Storage/storageAccounts', ['2024-01-01', '2023-05-01', '2023-01-01', '2022-09-01'], (n) => ({
    primaryEndpoints: { blob: `https://${n}.blob.core.windows.net/`, queue: `https://${n}.queue.core.windows.net/`, table: `https://${n}.table.core.windows.net/`, file: `https://${n}.file.core.windows.net/`, dfs: `https://${n}.dfs.core.windows.net/`, web: `https://${n}.z13.web.core.windows.net/` },
  }), { kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' } }),
  target('Microsoft.KeyVault/vaults', ['2024-11-01', '2023-07-01', '2022-07-01'], (n, r) => ({
    vaultUri: `https://${n}.vault.azure.net/`,
    enableRbacAuthorization: r.properties?.enableRbacAuthorization ?? true,
    sku: r.properties?.sku ?? { family: 'A', name: 'standard' },
  })),
  target('Microsoft.ServiceBus/namespaces', ['2024-01-01', '2022-10-01-preview', '2021-11-01'], (n) => ({ serviceBusEndpoint: `https://${n}.servicebus.windows.net:443/` }), { sku: { name: 'Standard', tier: 'Standard' } }),
  target('Microsoft.EventHub/namespaces', ['2024-01-01', '2022-10-01-preview', '2021-11-01'], (n) => ({ serviceBusEndpoint: `https://${n}.servicebus.windows.net:443/` }), { sku: { name: 'Standard', tier: 'Standard', capacity: 1 } }),
  target('Microsoft.AppConfiguration/configurationStores', ['2024-05-01', '2023-03-01', '2022-05-01'], (n) => ({ endpoint: `https://${n}.azconfig.io` }), { sku: { name: 'standard' } }),
  target('Microsoft.CognitiveServices/accounts', ['2024-10-01', '2023-05-01', '2022-12-01'], (n, r) => ({
    endpoint: r.kind === 'OpenAI' ? `https://${n}.openai.azure.com/` : `https://${n}.cognitiveservices.azure.com/`,
    customSubDomainName: r.properties?.customSubDomainName ?? n,
  }), { kind: 'OpenAI', sku: { name: 'S0' } }),
  target('Microsoft.ContainerRegistry/registries', ['2023-07-01', '2023-01-01-preview', '2022-12-01'], (n) => ({ loginServer: `${n}.azurecr.io` }), { sku: { name: 'Basic', tier: 'Basic' } }),
];
