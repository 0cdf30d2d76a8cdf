/** The endpoint a connection string points at, read from its keys, so the rewrite can keep it and drop the secret. */
import type { ServiceId } from '../../../../core/roles';
import { serviceEndpoints } from '../../settings';

export interface ConnectionTarget {
  endpoint: string;
  /** Event Hubs connection strings may name the hub. */
  entityPath?: string;
}

function keysOf(connectionString: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) keys.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return keys;
}

const storageKinds: Partial<Record<ServiceId, string>> = { blob: 'blob', queue: 'queue', table: 'table' };

export function connectionTarget(service: ServiceId, connectionString: string): ConnectionTarget | undefined {
  const keys = keysOf(connectionString);
  const storage = storageKinds[service];
  if (storage) {
    if (keys.get('usedevelopmentstorage') === 'true') return undefined;
    const explicit = keys.get(`${storage}endpoint`);
    if (explicit) return { endpoint: explicit.replace(/\/$/, '') };
    const account = keys.get('accountname');
    if (!account) return undefined;
    const suffix = keys.get('endpointsuffix') ?? 'core.windows.net';
    const protocol = keys.get('defaultendpointsprotocol') ?? 'https';
    return { endpoint: `${protocol}://${account}.${storage}.${suffix}` };
  }
  switch (service) {
    case 'serviceBus':
    case 'eventHubs': {
      const host = /^sb:\/\/([^/]+)\/?$/i.exec(keys.get('endpoint') ?? '')?.[1];
      return host ? { endpoint: host, entityPath: keys.get('entitypath') } : undefined;
    }
    case 'cosmosDb': {
      const endpoint = keys.get('accountendpoint');
      return endpoint && /^https:\/\//i.test(endpoint) ? { endpoint } : undefined;
    }
    case 'appConfiguration': {
      const endpoint = keys.get('endpoint');
      return endpoint && /^https:\/\//i.test(endpoint) ? { endpoint } : undefined;
    }
    default:
      return undefined;
  }
}

/** A storage URL written with its SAS token (`https://a.blob.core.windows.net/?sv=…&sig=…`): the URL without it. */
export function urlWithoutSas(service: ServiceId, value: string): string | undefined {
  const endpoint = serviceEndpoints[service];
  if (!endpoint || !/^https:\/\/[^\s?]+\?/.test(value)) return undefined;
  return value.slice(0, value.indexOf('?')).replace(/\/$/, '');
}
