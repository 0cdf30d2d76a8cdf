/**
 * The endpoint a literal connection string names, for the credential-free constructor: the storage URL (its own
 * BlobEndpoint, or AccountName with its protocol and suffix), the Service Bus / Event Hubs host (and EntityPath),
 * the Cosmos AccountEndpoint, the App Configuration Endpoint. Nothing is invented: no endpoint, no fix.
 */
import type { ServiceId } from '../../../../core/roles';
import { serviceEndpoints } from '../../settings';

export interface ConnectionEndpoint {
  endpoint: string;
  /** Event Hubs: the hub a connection string is scoped to. */
  entityPath?: string;
}

function pairsOf(value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return pairs;
}

const storageServices = { blob: 'blob', queue: 'queue', table: 'table' } as const;

/** Local emulators (Azurite, the Cosmos DB emulator) take no Entra token the way Azure does: not a rewrite target. */
const emulator = /devstoreaccount1|usedevelopmentstorage|\/\/(localhost|127\.0\.0\.1)[:/]/i;

export function endpointFromConnectionString(service: ServiceId, value: string): ConnectionEndpoint | undefined {
  if (emulator.test(value)) return undefined;
  const pairs = pairsOf(value);
  if (service === 'blob' || service === 'queue' || service === 'table') {
    const sub = storageServices[service];
    const explicit = pairs.get(`${sub}endpoint`);
    if (explicit) return /^https?:\/\/[^/\s]+/i.test(explicit) ? { endpoint: explicit.replace(/\/+$/, '') } : undefined;
    const account = pairs.get('accountname');
    if (!account || !/^[a-z0-9]{3,24}$/.test(account)) return undefined;
    const protocol = (pairs.get('defaultendpointsprotocol') ?? 'https').toLowerCase();
    const suffix = pairs.get('endpointsuffix') ?? 'core.windows.net';
    if (protocol === 'https' && suffix === 'core.windows.net') return { endpoint: serviceEndpoints[service]!.endpointFor(account) };
    return /^https?$/.test(protocol) && /^[a-z0-9.-]+$/i.test(suffix) ? { endpoint: `${protocol}://${account}.${sub}.${suffix}` } : undefined;
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
    const endpoint = pairs.get('endpoint');
    return endpoint && /^https:\/\/[^/\s]+$/i.test(endpoint.replace(/\/+$/, '')) ? { endpoint: endpoint.replace(/\/+$/, '') } : undefined;
  }
  return undefined;
}
