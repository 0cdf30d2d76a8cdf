/**
 * The one reader of Azure connection strings for every rewriter, code and config: the endpoint a string names — the
 * storage URL (its own BlobEndpoint, or AccountName with its suffix, sovereign clouds included), the Service Bus /
 * Event Hubs host (and EntityPath), the Cosmos AccountEndpoint, the App Configuration Endpoint. Nothing is invented:
 * no endpoint, no fix. Refused: local emulators (Azurite, the Cosmos DB emulator take no Entra token the way Azure
 * does) and plain http (the Azure SDKs send no bearer token over it).
 */
import type { ServiceId } from '../../core/roles';
import { serviceEndpoints } from './settings';

export interface ConnectionEndpoint {
  endpoint: string;
  /** Event Hubs: the hub a connection string is scoped to. */
  entityPath?: string;
}

/** `Key=value;Key=value` pairs, keys lower-cased, values trimmed. */
export function connectionPairs(value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return pairs;
}

const emulator = /devstoreaccount1|usedevelopmentstorage|\/\/(localhost|127\.0\.0\.1)[:/]/i;

/** Azurite, the Cosmos DB emulator, anything on this machine: not a rewrite target. */
export const isEmulatorConnection = (value: string): boolean => emulator.test(value);

export interface StorageEndpoints {
  account: string;
  blob: string;
  queue: string;
  table: string;
  /** True when the endpoints are the public cloud's defaults (then an account name alone identifies them). */
  standard: boolean;
}

const storageServices = ['blob', 'queue', 'table'] as const;
export type StorageService = (typeof storageServices)[number];

/** An explicit `<svc>Endpoint` as written (no trailing slash); null when present but not an https URL. */
function explicitEndpoint(pairs: Map<string, string>, svc: StorageService): string | undefined | null {
  const value = pairs.get(`${svc}endpoint`);
  if (value === undefined) return undefined;
  return /^https:\/\/[^/\s;]+/i.test(value) ? value.replace(/\/+$/, '') : null;
}

/** A storage account's three endpoints, from AccountName (or a BlobEndpoint's host) and EndpointSuffix. */
export function storageEndpoints(pairs: Map<string, string>): StorageEndpoints | undefined {
  const explicit = storageServices.map((svc) => explicitEndpoint(pairs, svc));
  if (explicit.includes(null) || (pairs.get('defaultendpointsprotocol') ?? 'https').toLowerCase() !== 'https') return undefined;
  const account = pairs.get('accountname') ?? explicit[0]?.match(/^https:\/\/([a-z0-9]{3,24})\.blob\./i)?.[1];
  if (!account || !/^[a-z0-9]{3,24}$/.test(account)) return undefined;
  const suffix = pairs.get('endpointsuffix') ?? 'core.windows.net';
  if (!/^[a-z0-9.-]+$/i.test(suffix)) return undefined;
  const [blob, queue, table] = storageServices.map((svc, i) => explicit[i] ?? `https://${account}.${svc}.${suffix}`) as [string, string, string];
  const standard = explicit.every((e) => e === undefined) && suffix === 'core.windows.net';
  return { account, blob, queue, table, standard };
}

const isStorage = (service: ServiceId): service is StorageService => (storageServices as readonly string[]).includes(service);

export function endpointFromConnectionString(service: ServiceId, value: string): ConnectionEndpoint | undefined {
  if (isEmulatorConnection(value)) return undefined;
  const pairs = connectionPairs(value);
  if (isStorage(service)) {
    // An explicit endpoint for this very service needs no account name.
    const explicit = explicitEndpoint(pairs, service);
    if (explicit !== undefined) return explicit === null ? undefined : { endpoint: explicit };
    const storage = storageEndpoints(pairs);
    return storage && { endpoint: storage[service] };
  }
  if (service === 'serviceBus' || service === 'eventHubs') {
    const host = /^sb:\/\/([A-Za-z0-9.-]+)\/?$/i.exec(pairs.get('endpoint') ?? '')?.[1];
    if (!host) return undefined;
    const entityPath = pairs.get('entitypath');
    return entityPath ? { endpoint: host, entityPath } : { endpoint: host };
  }
  if (service === 'cosmosDb') {
    const endpoint = pairs.get('accountendpoint');
    return endpoint && /^https:\/\/[^/\s]+/i.test(endpoint) ? { endpoint } : undefined;
  }
  if (service === 'appConfiguration') {
    const endpoint = pairs.get('endpoint')?.replace(/\/+$/, '');
    return endpoint && /^https:\/\/[^/\s]+$/i.test(endpoint) ? { endpoint } : undefined;
  }
  return undefined;
}

/** A storage URL written with its SAS token (`https://a.blob.core.windows.net/?sv=…&sig=…`): the URL without it. */
export function urlWithoutSas(service: ServiceId, value: string): string | undefined {
  if (!serviceEndpoints[service] || !/^https:\/\/[^\s?]+\?/.test(value) || isEmulatorConnection(value)) return undefined;
  return value.slice(0, value.indexOf('?')).replace(/\/$/, '');
}
