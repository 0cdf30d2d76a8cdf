/**
 * Azure SDK clients built from a connection string or a secret credential become their token-credential overloads:
 * Storage (Uri), Service Bus and Event Hubs (namespace host name), Cosmos DB (endpoint string), App Configuration
 * (Uri), Key Vault and Azure OpenAI (the credential argument). Shapes it cannot read for sure get no fix.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { classifyNode } from '../../../scanner/credentials';
import { profiles } from '../../../scanner/syntax';
import { constructedClass, stringValue, type CsArgument } from './document';
import { type CsRewrite, type EndpointCode, urlSafe } from './session';

type Shape =
  /** (connectionString[, options]) → (Uri, credential[, options]). */
  | { kind: 'uri' }
  /** (connectionString, name…[, options]) → (Uri with the names, credential[, options]), or built from the service client. */
  | { kind: 'path'; names: number; serviceClient: string; getters: string[] }
  /** TableClient(connectionString, table[, options]) → (Uri, table, credential[, options]). */
  | { kind: 'table' }
  /** (connectionString[, options]) → (fullyQualifiedNamespace, credential[, options]). */
  | { kind: 'namespace' }
  /** (…, connectionString[, hub][, options]) → (…, fullyQualifiedNamespace, hub, credential[, options]). */
  | { kind: 'eventHub' }
  /** (connectionString[, options]) → (endpoint, credential[, options]); (endpoint, key[, options]) → (endpoint, credential[, options]). */
  | { kind: 'cosmos' }
  /** (endpoint, key credential[, options]) → (endpoint, credential[, options]). */
  | { kind: 'credential' };

interface Client {
  service: ServiceId;
  shape: Shape;
  /** Where the connection string sits in its overloads. */
  connection?: number;
  /** Where the credential goes in the token-credential overload. */
  credential: number;
}

const uri: Shape = { kind: 'uri' };
export const clients: Record<string, Client> = {
  BlobServiceClient: { service: 'blob', shape: uri, connection: 0, credential: 1 },
  BlobContainerClient: { service: 'blob', shape: { kind: 'path', names: 1, serviceClient: 'BlobServiceClient', getters: ['GetBlobContainerClient'] }, connection: 0, credential: 1 },
  BlobClient: {
    service: 'blob',
    shape: { kind: 'path', names: 2, serviceClient: 'BlobServiceClient', getters: ['GetBlobContainerClient', 'GetBlobClient'] },
    connection: 0,
    credential: 1,
  },
  QueueServiceClient: { service: 'queue', shape: uri, connection: 0, credential: 1 },
  QueueClient: { service: 'queue', shape: { kind: 'path', names: 1, serviceClient: 'QueueServiceClient', getters: ['GetQueueClient'] }, connection: 0, credential: 1 },
  TableServiceClient: { service: 'table', shape: uri, connection: 0, credential: 1 },
  TableClient: { service: 'table', shape: { kind: 'table' }, connection: 0, credential: 2 },
  ServiceBusClient: { service: 'serviceBus', shape: { kind: 'namespace' }, connection: 0, credential: 1 },
  ServiceBusAdministrationClient: { service: 'serviceBus', shape: { kind: 'namespace' }, connection: 0, credential: 1 },
  EventHubProducerClient: { service: 'eventHubs', shape: { kind: 'eventHub' }, connection: 0, credential: 2 },
  EventHubBufferedProducerClient: { service: 'eventHubs', shape: { kind: 'eventHub' }, connection: 0, credential: 2 },
  EventHubConsumerClient: { service: 'eventHubs', shape: { kind: 'eventHub' }, connection: 1, credential: 3 },
  EventProcessorClient: { service: 'eventHubs', shape: { kind: 'eventHub' }, connection: 2, credential: 4 },
  CosmosClient: { service: 'cosmosDb', shape: { kind: 'cosmos' }, connection: 0, credential: 1 },
  CosmosClientBuilder: { service: 'cosmosDb', shape: { kind: 'cosmos' }, connection: 0, credential: 1 },
  ConfigurationClient: { service: 'appConfiguration', shape: uri, connection: 0, credential: 1 },
  SecretClient: { service: 'keyVault', shape: { kind: 'credential' }, credential: 1 },
  KeyClient: { service: 'keyVault', shape: { kind: 'credential' }, credential: 1 },
  CertificateClient: { service: 'keyVault', shape: { kind: 'credential' }, credential: 1 },
  AzureOpenAIClient: { service: 'openAI', shape: { kind: 'credential' }, credential: 1 },
  OpenAIClient: { service: 'openAI', shape: { kind: 'credential' }, credential: 1 },
};

export function rewriteClient(r: CsRewrite, client: Client): boolean {
  if (r.hasNamedArguments) return false;
  // OpenAIClient(apiKey) or (ApiKeyCredential) is OpenAI's own client: it has no token-credential constructor.
  if (client.service === 'openAI' && !givesEndpoint(r)) return false;
  // A key or secret credential argument (StorageSharedKeyCredential, AzureKeyCredential, ClientSecretCredential…).
  const secrets = r.args.filter((a) => classifyNode(a.value, profiles.csharp) === 'secret');
  if (secrets.length > 0) {
    for (const secret of secrets) r.replace(secret.value, r.credential());
    return true;
  }
  const connection = client.connection === undefined ? undefined : r.args[client.connection];
  if (connection && isConnectionString(r, client, connection)) return rewriteConnectionString(r, client, client.connection!);
  return rewriteEndpointOverload(r, client);
}

/** The argument where a connection string goes holds one (not a Uri or an endpoint) as far as the code shows. */
function isConnectionString(r: CsRewrite, client: Client, arg: CsArgument): boolean {
  if (client.shape.kind === 'cosmos' && r.args[1] && !isOptions(r.args[1].value)) return false;
  const source = r.doc.sourceOf(arg.value);
  if (source.kind === 'literal') return source.value.includes('=');
  if (isUriCreation(arg.value)) return false;
  const declared = arg.value.type === 'identifier' ? r.doc.declaredType(arg.value) : undefined;
  if (declared) return declared === 'string';
  const text = arg.value.text;
  return /connection|conn|\bcs\b/i.test(text) || !/endpoint|ur[il]|namespace|fqdn|host/i.test(text);
}

function rewriteConnectionString(r: CsRewrite, client: Client, at: number): boolean {
  const endpoint = r.endpoint(client.service, r.args[at]!.value);
  if (!endpoint) return false;
  const shape = client.shape;
  // What follows the connection string and its names can only be options: anything else is another overload.
  const named = shape.kind === 'path' ? shape.names : shape.kind === 'table' || shape.kind === 'eventHub' ? 1 : 0;
  if (r.args.slice(at + 1 + named).some((a) => !isOptions(a.value))) return false;
  switch (shape.kind) {
    case 'uri':
      r.replaceArguments(at, at, [r.uri(endpoint), r.credential()]);
      return true;
    case 'namespace':
    case 'cosmos':
      r.replaceArguments(at, at, [endpoint.code, r.credential()]);
      return true;
    case 'table': {
      const table = r.args[at + 1];
      if (!table || isOptions(table.value)) return false;
      r.replaceArguments(at, at + 1, [r.uri(endpoint), table.value.text, r.credential()]);
      return true;
    }
    case 'eventHub': {
      const hub = r.args[at + 1];
      if (hub && !isOptions(hub.value)) r.replaceArguments(at, at + 1, [endpoint.code, hub.value.text, r.credential()]);
      else if (endpoint.entityPath) r.replaceArguments(at, at, [endpoint.code, r.doc.string(endpoint.entityPath), r.credential()]);
      else return false;
      return true;
    }
    case 'path':
      return rewritePath(r, shape, at, endpoint);
    case 'credential':
      return false;
  }
}

/**
 * Container, queue and blob clients: with a literal endpoint the names go into the Uri (blob names only when they
 * need no escaping); otherwise the service client hands out the client, which needs no URL joining at all.
 */
function rewritePath(r: CsRewrite, shape: Extract<Shape, { kind: 'path' }>, at: number, endpoint: EndpointCode): boolean {
  const names = r.args.slice(at + 1, at + 1 + shape.names);
  if (names.length < shape.names || names.some((n) => isOptions(n.value))) return false;
  const blobName = shape.names === 2 ? names[1]!.value : undefined;
  const blobNameIsSafe = !blobName || (blobName.type === 'string_literal' && urlSafe(stringValue(blobName) ?? ' '));
  if (endpoint.literal !== undefined && blobNameIsSafe) {
    r.replaceArguments(at, at + shape.names, [r.uri(endpoint, names.map((n) => n.value)), r.credential()]);
    return true;
  }
  const type = serviceClientType(r.site, shape.serviceClient);
  if (!type) return false;
  const options = r.args.slice(at + 1 + shape.names).map((a) => a.value.text);
  const getters = shape.getters.map((getter, i) => `.${getter}(${names[i]!.value.text})`).join('');
  r.replace(r.site, `new ${type}(${[r.uri({ code: endpoint.code }), r.credential(), ...options].join(', ')})${getters}`);
  return true;
}

/** Clients already given an endpoint: the key argument becomes the credential, or a credential joins a bare Uri. */
function rewriteEndpointOverload(r: CsRewrite, client: Client): boolean {
  const at = client.credential;
  const key = r.args[at];
  // A Storage (string, string) is a connection-string overload, not an endpoint one.
  if ((client.shape.kind === 'uri' || client.shape.kind === 'path') && !givesEndpoint(r)) return false;
  if (key && !isOptions(key.value)) {
    r.replace(key.value, r.credential());
    return true;
  }
  // new BlobServiceClient(new Uri("https://…?sv=…&sig=…")[, options]): the URL without its SAS, and a credential.
  if (client.shape.kind !== 'uri' || at !== 1 || !isUriCreation(r.args[0]?.value)) return false;
  const [only, ...rest] = r.args[0]!.value.childForFieldName('arguments')?.namedChildren ?? [];
  const literal = only?.namedChildren[0];
  const value = literal && stringValue(literal);
  if (!literal || rest.length > 0 || value === undefined || value === null || !/^https:\/\/[^\s?]+(\?.*)?$/.test(value)) return false;
  if (value.includes('?')) r.replace(literal, r.doc.string(value.slice(0, value.indexOf('?')).replace(/\/+$/, '')));
  r.replace({ startIndex: r.args[0]!.node.endIndex, endIndex: r.args[0]!.node.endIndex }, `, ${r.credential()}`);
  return true;
}

/** The first argument is a Uri or an endpoint. */
function givesEndpoint(r: CsRewrite): boolean {
  const first = r.args[0]?.value;
  return !!first && (isUriCreation(first) || /endpoint|ur[il]/i.test(first.text) || (first.type === 'identifier' && r.doc.declaredType(first) === 'Uri'));
}

function isOptions(node: Node): boolean {
  if (node.type === 'object_creation_expression') return /Options$/.test(constructedClass(node) ?? '');
  return /opt(ion)?s$/i.test(node.text);
}

function isUriCreation(node: Node | undefined): boolean {
  return node?.type === 'object_creation_expression' && constructedClass(node) === 'Uri';
}

/** The service client's type written the way the code names the client (`Azure.Storage.Queues.QueueClient` → …QueueServiceClient). */
function serviceClientType(site: Node, serviceClient: string): string | undefined {
  const type = site.type === 'object_creation_expression' ? site.childForFieldName('type') : site.parent?.parent?.childForFieldName('type');
  if (!type) return undefined;
  if (type.type === 'identifier') return serviceClient;
  if (type.type !== 'qualified_name') return undefined;
  const name = type.childForFieldName('name')!;
  return `${type.text.slice(0, name.startIndex - type.startIndex)}${serviceClient}`;
}
