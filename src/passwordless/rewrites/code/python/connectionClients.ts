/**
 * `Client.from_connection_string(…)` → `Client(<endpoint>, …, credential=<credential>)`: the connection string
 * becomes the endpoint argument, other arguments keep their text (moved to keywords only where the constructor's
 * positions differ), and the credential joins them. Parameter lists are the SDKs' own (azure-storage-blob,
 * azure-storage-queue, azure-data-tables, azure-servicebus, azure-eventhub, azure-cosmos, azure-appconfiguration).
 */
import type { ServiceId } from '../../../../core/roles';
import type { PyRewrite } from './session';

interface ConnectionClient {
  service: ServiceId;
  /** from_connection_string's positional parameters, the connection string first. */
  factory: string[];
  /** The constructor's positional parameters, the endpoint first. */
  constructor: string[];
  /** Event Hubs: the constructor requires the hub name that a connection string may carry as EntityPath. */
  needsEntity?: boolean;
}

const storageBlob = (extra: string[]): Pick<ConnectionClient, 'factory' | 'constructor'> => ({
  factory: ['conn_str', ...extra, 'credential'],
  constructor: ['account_url', ...extra, 'credential'],
});

const clients: Record<string, ConnectionClient> = {
  BlobServiceClient: { service: 'blob', ...storageBlob([]) },
  ContainerClient: { service: 'blob', ...storageBlob(['container_name']) },
  BlobClient: { service: 'blob', ...storageBlob(['container_name', 'blob_name', 'snapshot']) },
  QueueServiceClient: { service: 'queue', factory: ['conn_str', 'credential'], constructor: ['account_url', 'credential'] },
  QueueClient: { service: 'queue', factory: ['conn_str', 'queue_name', 'credential'], constructor: ['account_url', 'queue_name', 'credential'] },
  TableServiceClient: { service: 'table', factory: ['conn_str'], constructor: ['endpoint'] },
  TableClient: { service: 'table', factory: ['conn_str', 'table_name'], constructor: ['endpoint', 'table_name'] },
  ServiceBusClient: { service: 'serviceBus', factory: ['conn_str'], constructor: ['fully_qualified_namespace', 'credential'] },
  ServiceBusAdministrationClient: { service: 'serviceBus', factory: ['conn_str'], constructor: ['fully_qualified_namespace', 'credential'] },
  EventHubProducerClient: { service: 'eventHubs', factory: ['conn_str'], constructor: ['fully_qualified_namespace', 'eventhub_name', 'credential'], needsEntity: true },
  EventHubConsumerClient: {
    service: 'eventHubs',
    factory: ['conn_str', 'consumer_group'],
    constructor: ['fully_qualified_namespace', 'eventhub_name', 'consumer_group', 'credential'],
    needsEntity: true,
  },
  CosmosClient: { service: 'cosmosDb', factory: ['conn_str', 'credential', 'consistency_level'], constructor: ['url', 'credential', 'consistency_level'] },
  AzureAppConfigurationClient: { service: 'appConfiguration', factory: ['connection_string'], constructor: ['base_url', 'credential'] },
};

/** True when the callee is `<Client>.from_connection_string` of a client this table knows. */
export function isConnectionFactory(rewrite: PyRewrite): boolean {
  const callee = rewrite.callee;
  return callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'from_connection_string' && clientOf(rewrite) !== undefined;
}

function clientOf(rewrite: PyRewrite): ConnectionClient | undefined {
  const receiver = rewrite.callee.childForFieldName('object');
  const name = receiver?.text.split('.').pop() ?? '';
  return Object.hasOwn(clients, name) ? clients[name] : undefined;
}

export function rewriteConnectionFactory(rewrite: PyRewrite, async: boolean): boolean {
  const client = clientOf(rewrite);
  const receiver = rewrite.callee.childForFieldName('object');
  if (!client || !receiver || rewrite.hasSplat('list')) return false;
  const connection = rewrite.argument(client.factory[0]!, 0);
  if (!connection || rewrite.args.length === 0) return false;
  const endpoint = rewrite.endpointFor(client.service, connection.value);
  if (!endpoint) return false;
  const entity = rewrite.argument('eventhub_name');
  if (client.needsEntity && !entity && !endpoint.entityPath) return false;
  const credential = rewrite.credential(async);
  if (!credential) return false;

  rewrite.replace(rewrite.callee, receiver.text);
  const endpointParam = client.constructor[0]!;
  rewrite.replace(connection.keyword ? connection.node : connection.value, connection.keyword ? `${endpointParam}=${endpoint.code}` : endpoint.code);
  let credentialPlaced = false;
  let asKeywords = false;
  for (const [index, arg] of rewrite.args.entries()) {
    if (arg === connection || arg.splat) continue;
    const name = arg.keyword ?? client.factory[index];
    if (!name) return false;
    const isCredential = name === 'credential';
    const value = isCredential ? credential : arg.value.text;
    credentialPlaced ||= isCredential;
    if (arg.keyword) {
      if (isCredential) rewrite.replace(arg.value, credential);
      continue;
    }
    // A positional argument stays positional while the constructor has it at the same place.
    asKeywords ||= client.constructor.indexOf(name) !== index;
    if (asKeywords) rewrite.replace(arg.node, `${name}=${value}`);
    else if (isCredential) rewrite.replace(arg.value, credential);
  }
  const appended: string[] = [];
  if (client.needsEntity && !entity) appended.push(`eventhub_name=${rewrite.doc.string(endpoint.entityPath!)}`);
  if (!credentialPlaced) appended.push(`credential=${credential}`);
  rewrite.appendArguments(appended);
  return true;
}
