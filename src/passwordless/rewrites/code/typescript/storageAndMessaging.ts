/**
 * Storage (blob, queue, table), Service Bus, Event Hubs, Cosmos DB and App Configuration clients: the connection
 * string becomes the endpoint and a credential joins the arguments; a key credential argument becomes the credential.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { urlWithoutSas } from '../../connectionStrings';
import { literalValue, unwrap } from './document';
import { appendEntries, entriesOf } from './objects';
import type { TsRewrite } from './session';

export type RuleRewrite = (r: TsRewrite) => boolean;

/**
 * `X.fromConnectionString(cs, …)` → `new X(endpoint, credential, …)`; TableClient keeps its table name before the
 * credential (`keepArguments`). Only the callee and the arguments change, so the argument layout stays.
 */
function fromConnectionString(r: TsRewrite, service: ServiceId, keepArguments = 0): boolean {
  const [cs, ...others] = r.args;
  const receiver = r.site.calleeNode.childForFieldName('object');
  if (!cs || !receiver || others.length < keepArguments) return false;
  const endpoint = r.endpoint(service, cs);
  if (!endpoint) return false;
  r.replace(r.site.calleeNode, `new ${receiver.text}`);
  const last = others[keepArguments - 1];
  if (last) {
    r.replace(cs, endpoint.code);
    r.insert(last.endIndex, `${r.separatorAt(last)}${r.credential()}`);
  } else {
    r.replace(cs, `${endpoint.code}${r.separatorAt(cs)}${r.credential()}`);
  }
  return true;
}

/** A single storage URL with a SAS token: the URL alone, then the credential. */
function sasUrl(r: TsRewrite, service: ServiceId): boolean {
  const [url] = r.args;
  const literal = url && r.args.length === 1 ? literalValue(unwrap(url)) : undefined;
  const bare = literal !== undefined ? urlWithoutSas(service, literal) : undefined;
  if (!url || !bare) return false;
  r.replace(url, `${r.doc.string(bare)}${r.separatorAt(url)}${r.credential()}`);
  return true;
}

/**
 * A sub-client built from a connection string (`new QueueClient(cs, queue)`, `new ContainerClient(cs, container)`)
 * becomes the service client from the endpoint and the getter chain to it: no URL joining, whatever the endpoint's
 * trailing slash. `constructor` is the original class as written (qualified or imported).
 */
function viaServiceClient(r: TsRewrite, service: ServiceId, module: string, serviceClass: string, cs: Node, options: Node | undefined, chain: string): boolean {
  const endpoint = r.endpoint(service, cs);
  if (!endpoint) return false;
  const constructor = r.site.kind === 'construct' ? r.site.calleeNode.text : (r.site.calleeNode.childForFieldName('object')?.text ?? '');
  const qualified = constructor.lastIndexOf('.');
  const client = qualified >= 0 ? `${constructor.slice(0, qualified)}.${serviceClass}` : r.imports.use(module, serviceClass);
  if (qualified < 0) r.imports.drop(constructor);
  r.replace(r.site.node, `new ${client}(${endpoint.code}, ${r.credential()}${options ? `, ${options.text}` : ''})${chain}`);
  return true;
}

/** Blob-level clients and their getter on a container client. */
const blobGetters: Record<string, string> = {
  BlobClient: 'getBlobClient',
  BlockBlobClient: 'getBlockBlobClient',
  AppendBlobClient: 'getAppendBlobClient',
  PageBlobClient: 'getPageBlobClient',
};

const blob: RuleRewrite = (r) => {
  if (r.site.kind === 'call') return fromConnectionString(r, 'blob');
  if (r.secretArgument()) return r.replaceCredentialArgument();
  const [cs, container, ...rest] = r.args;
  if (r.site.name === 'BlobServiceClient' || !cs || !container) return sasUrl(r, 'blob');
  if (r.site.name === 'ContainerClient') return viaServiceClient(r, 'blob', '@azure/storage-blob', 'BlobServiceClient', cs, rest[0], `.getContainerClient(${container.text})`);
  const getter = blobGetters[r.site.name];
  const [name, options] = rest;
  // Blob clients' options are not the service client's: with options there is no one-to-one rewrite.
  if (!getter || !name || options) return false;
  return viaServiceClient(r, 'blob', '@azure/storage-blob', 'BlobServiceClient', cs, undefined, `.getContainerClient(${container.text}).${getter}(${name.text})`);
};

const queue: RuleRewrite = (r) => {
  if (r.site.kind === 'call' && r.site.callee.endsWith('QueueServiceClient.fromConnectionString')) return fromConnectionString(r, 'queue');
  if (r.secretArgument()) return r.replaceCredentialArgument();
  // new QueueClient(cs, name, options) → new QueueServiceClient(endpoint, credential, options).getQueueClient(name)
  const [cs, name, options] = r.args;
  if (!cs || !name) return r.site.kind === 'construct' && sasUrl(r, 'queue');
  return viaServiceClient(r, 'queue', '@azure/storage-queue', 'QueueServiceClient', cs, options, `.getQueueClient(${name.text})`);
};

const table: RuleRewrite = (r) => {
  if (r.site.kind === 'call') return fromConnectionString(r, 'table', r.site.callee.endsWith('TableClient.fromConnectionString') ? 1 : 0);
  return r.secretArgument() ? r.replaceCredentialArgument() : sasUrl(r, 'table');
};

/** `new X(cs, …)` → `new X(endpoint, credential, …)`. */
function connectionStringFirst(r: TsRewrite, service: ServiceId): boolean {
  if (r.secretArgument()) return r.replaceCredentialArgument();
  const [cs] = r.args;
  const endpoint = cs ? r.endpoint(service, cs) : undefined;
  if (!cs || !endpoint) return false;
  r.replace(cs, `${endpoint.code}${r.separatorAt(cs)}${r.credential()}`);
  return true;
}

const serviceBus: RuleRewrite = (r) => connectionStringFirst(r, 'serviceBus');
const appConfiguration: RuleRewrite = (r) => connectionStringFirst(r, 'appConfiguration');

/** A hub name argument rather than options or a checkpoint store. */
function isHubName(node: Node | undefined): node is Node {
  if (!node) return false;
  const inner = unwrap(node);
  if (inner.type === 'string' || inner.type === 'template_string') return true;
  return (inner.type === 'identifier' || inner.type === 'member_expression') && !/options|store|checkpoint/i.test(inner.text);
}

/** Producer (cs[, hub], …) and consumer (group, cs[, hub], …) → (…fqns, hub, credential, …). */
const eventHubs: RuleRewrite = (r) => {
  if (r.secretArgument()) return r.replaceCredentialArgument();
  const offset = r.site.name === 'EventHubConsumerClient' ? 1 : 0;
  const cs = r.args[offset];
  const hub = r.args[offset + 1];
  const endpoint = cs ? r.endpoint('eventHubs', cs) : undefined;
  if (!cs || !endpoint) return false;
  if (isHubName(hub)) {
    r.replace(cs, endpoint.code);
    r.insert(hub.endIndex, `${r.separatorAt(hub)}${r.credential()}`);
    return true;
  }
  // Without a hub argument the hub is the connection string's EntityPath; unknown unless the string is visible.
  if (!endpoint.entityPath) return false;
  const separator = r.separatorAt(cs);
  r.replace(cs, `${endpoint.code}${separator}${r.doc.string(endpoint.entityPath)}${separator}${r.credential()}`);
  return true;
};

/** `new CosmosClient(cs)` → `{ endpoint, aadCredentials }`; `{ endpoint, key }` → `{ endpoint, aadCredentials }`. */
const cosmos: RuleRewrite = (r) => {
  const [first] = r.args;
  if (!first) return false;
  if (first.type === 'object') {
    const entries = entriesOf(first);
    const key = entries.find((e) => e.key === 'key');
    if (key) r.replace(key.node, `aadCredentials: ${r.credential()}`);
    else if (entries.some((e) => e.key === 'endpoint')) r.push(appendEntries(first, [`aadCredentials: ${r.credential()}`], r.doc.text));
    else return false;
    return true;
  }
  const endpoint = r.endpoint('cosmosDb', first);
  if (!endpoint) return false;
  r.replace(first, `{ endpoint: ${endpoint.code}, aadCredentials: ${r.credential()} }`);
  return true;
};

export const storageAndMessagingRewrites: Record<string, RuleRewrite> = {
  'blob-connection-string': blob,
  'queue-connection-string': queue,
  'table-connection-string': table,
  'service-bus-connection-string': serviceBus,
  'event-hubs-connection-string': eventHubs,
  'cosmos-key': cosmos,
  'app-configuration-connection-string': appConfiguration,
};
