/**
 * Where each service's credential-free code finds its endpoint when the code cannot know it: the Service Connector
 * names (they are what App Service / Container Apps set when you connect a service), the endpoint's shape, and the
 * Azure Functions identity-based setting suffix. One table shared by the code and config rewriters.
 */
import type { ServiceId } from '../../core/roles';

export interface ServiceEndpoint {
  /** Environment variable the rewritten code reads. */
  env: string;
  /** What the value is, for titles: "the Blob Storage account URL". */
  description: string;
  /** The endpoint from the resource name (account, namespace, vault, store, resource). */
  endpointFor(name: string): string;
  /** Azure Functions identity-based connection: `<PREFIX>__<suffix>`; absent where Functions has no binding. */
  functionsSuffix?: 'serviceUri' | 'blobServiceUri' | 'queueServiceUri' | 'tableServiceUri' | 'fullyQualifiedNamespace' | 'accountEndpoint';
}

/** The environment variable naming a user-assigned identity in every Azure SDK. */
export const CLIENT_ID_ENV = 'AZURE_CLIENT_ID';

export const serviceEndpoints: Partial<Record<ServiceId, ServiceEndpoint>> = {
  blob: { env: 'AZURE_STORAGEBLOB_RESOURCEENDPOINT', description: 'the Blob Storage account URL', endpointFor: (a) => `https://${a}.blob.core.windows.net`, functionsSuffix: 'blobServiceUri' },
  queue: { env: 'AZURE_STORAGEQUEUE_RESOURCEENDPOINT', description: 'the Queue Storage account URL', endpointFor: (a) => `https://${a}.queue.core.windows.net`, functionsSuffix: 'queueServiceUri' },
  table: { env: 'AZURE_STORAGETABLE_RESOURCEENDPOINT', description: 'the Table Storage account URL', endpointFor: (a) => `https://${a}.table.core.windows.net`, functionsSuffix: 'tableServiceUri' },
  serviceBus: { env: 'AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE', description: 'the Service Bus namespace host name', endpointFor: (n) => `${n}.servicebus.windows.net`, functionsSuffix: 'fullyQualifiedNamespace' },
  eventHubs: { env: 'AZURE_EVENTHUB_FULLYQUALIFIEDNAMESPACE', description: 'the Event Hubs namespace host name', endpointFor: (n) => `${n}.servicebus.windows.net`, functionsSuffix: 'fullyQualifiedNamespace' },
  cosmosDb: { env: 'AZURE_COSMOS_RESOURCEENDPOINT', description: 'the Cosmos DB account endpoint', endpointFor: (a) => `https://${a}.documents.azure.com:443/`, functionsSuffix: 'accountEndpoint' },
  appConfiguration: { env: 'AZURE_APPCONFIGURATION_ENDPOINT', description: 'the App Configuration store endpoint', endpointFor: (s) => `https://${s}.azconfig.io` },
  keyVault: { env: 'AZURE_KEYVAULT_RESOURCEENDPOINT', description: 'the key vault URL', endpointFor: (v) => `https://${v}.vault.azure.net/` },
  openAI: { env: 'AZURE_OPENAI_ENDPOINT', description: 'the Azure OpenAI endpoint', endpointFor: (r) => `https://${r}.openai.azure.com/` },
  sql: { env: 'AZURE_SQL_SERVER', description: 'the Azure SQL server host name', endpointFor: (s) => `${s}.database.windows.net` },
  postgresql: { env: 'AZURE_POSTGRESQL_HOST', description: 'the PostgreSQL server host name', endpointFor: (s) => `${s}.postgres.database.azure.com` },
};

/** Token audiences for clients that take a token provider rather than a credential. */
export const tokenScopes = {
  cognitiveServices: 'https://cognitiveservices.azure.com/.default',
  ossrdbms: 'https://ossrdbms-aad.database.windows.net/.default',
  sql: 'https://database.windows.net/.default',
} as const;
