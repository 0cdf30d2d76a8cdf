/**
 * What replaces a secret setting: the service it talks to and its endpoint, read from the secret's own connection
 * string (AccountName, Endpoint=sb://, AccountEndpoint, azconfig Endpoint, a SAS URL) or, for a bare key, from a
 * sibling setting that names the same resource (account name, Cosmos / OpenAI endpoint). Nothing is ever invented:
 * no endpoint, no fix.
 */
import type { ServiceId } from '../../../core/roles';
import type { Setting } from '../../scanner/configSettings';
import type { Finding } from '../../types';
import { connectionPairs, endpointFromConnectionString, isEmulatorConnection, storageEndpoints, type StorageEndpoints } from '../connectionStrings';
import { serviceEndpoints } from '../settings';

export interface Replacement {
  service: ServiceId;
  /** 'value': read from the secret setting itself (a connection string, a SAS URL); 'sibling': from another setting. */
  source: 'value' | 'sibling';
  /** The value of serviceEndpoints[service].env: a URL, or a host name for Service Bus / Event Hubs. */
  endpoint: string;
  /** The resource's own name (account, namespace, store), when known. */
  name?: string;
  storage?: StorageEndpoints;
  /** Event Hubs: the hub named by EntityPath; identity-based settings carry no entity, so it must move elsewhere. */
  entityPath?: string;
}

type Derived = Omit<Replacement, 'source'>;

/** The setting that holds a finding (the finding's range lies inside the setting's value). */
export function settingOf(settings: readonly Setting[], finding: Finding): Setting | undefined {
  return settings.find((s) => s.start <= finding.startOffset && finding.endOffset <= s.end);
}

export function replacementFor(settings: readonly Setting[], setting: Setting, finding: Finding): Replacement | undefined {
  // Azurite and emulators take no Entra token: whatever holds their strings stays as it is.
  if (isEmulatorConnection(setting.value)) return undefined;
  const pairs = connectionStringPairs(setting.value);
  const own = pairs ? fromConnectionString(setting.value, pairs, setting.name, finding.service) : sasUrl(setting.value);
  if (own) return { ...own, source: 'value' };
  // A connection string that names no endpoint (or an unknown one) is not a bare key: no sibling guess either.
  if (pairs) return undefined;
  const sibling = fromSibling(settings, setting, bareKeyService(setting.name, finding.service));
  return sibling && { ...sibling, source: 'sibling' };
}

/** The pairs of a connection string, or undefined when the value is not one (a bare key, a URL). */
function connectionStringPairs(value: string): Map<string, string> | undefined {
  if (!/^\s*(DefaultEndpointsProtocol|AccountName|AccountEndpoint|Endpoint|BlobEndpoint|QueueEndpoint|TableEndpoint|SharedAccessSignature)\s*=/i.test(value)) return undefined;
  return connectionPairs(value);
}

/** Which storage service a setting is for, from its name: queues and tables say so; anything else is blob. */
function storageServiceOf(name: string): 'blob' | 'queue' | 'table' {
  const lower = name.toLowerCase();
  if (lower.includes('queue')) return 'queue';
  if (lower.includes('table')) return 'table';
  return 'blob';
}

const eventHubWords = /event[-_ .]?hubs?/i;

/** The service is told by the string's own keys (and the setting's name); the endpoint is read by the shared parser. */
function fromConnectionString(value: string, pairs: Map<string, string>, name: string, found: ServiceId): Derived | undefined {
  const endpoint = pairs.get('endpoint');
  const named = (service: ServiceId): Derived | undefined => {
    const read = endpointFromConnectionString(service, value);
    if (!read) return undefined;
    // A URL (Cosmos, App Configuration) or a bare host (Service Bus, Event Hubs): the resource is the first label.
    const host = hostOf(read.endpoint) ?? read.endpoint;
    return { service, endpoint: read.endpoint, name: host.split('.')[0]!, ...(read.entityPath && service === 'eventHubs' ? { entityPath: read.entityPath } : {}) };
  };
  if (endpoint?.toLowerCase().startsWith('sb://')) {
    return named(found === 'eventHubs' || pairs.get('entitypath') || eventHubWords.test(name) ? 'eventHubs' : 'serviceBus');
  }
  if (/^https:\/\//i.test(pairs.get('accountendpoint') ?? '')) return named('cosmosDb');
  if (endpoint && /^https:\/\/[^/;]+\.azconfig\.io\/?$/i.test(endpoint)) return named('appConfiguration');
  const storage = storageEndpoints(pairs);
  if (!storage) return undefined;
  const service = storageServiceOf(name);
  return { service, endpoint: storage[service], name: storage.account, storage };
}

/**
 * A service-level SAS URL (`https://acct.blob.core.windows.net/?sv=…&sig=…`): its service endpoint without the
 * signature. A URL with a path (a container, queue or blob) is not: its endpoint would lose what the app points at.
 */
function sasUrl(value: string): Derived | undefined {
  const match = /^https:\/\/([a-z0-9]{3,24})\.(blob|queue|table)\.([a-z0-9.-]+)\/?(?:\?|$)/i.exec(value.trim());
  if (!match || !/[?&]sig=/.test(value)) return undefined;
  const [, account, svc, suffix] = match as unknown as [string, string, 'blob' | 'queue' | 'table', string];
  const pairs = new Map([['accountname', account], ['endpointsuffix', suffix]]);
  const storage = storageEndpoints(pairs);
  if (!storage) return undefined;
  return { service: svc, endpoint: storage[svc], name: account, storage };
}

/** A bare key's service: its setting's name beats the guess from the line ("Cosmos:AccountKey" is not storage). */
function bareKeyService(name: string, found: ServiceId): ServiceId {
  if (/cosmos/i.test(name)) return 'cosmosDb';
  if (/openai|cognitive/i.test(name)) return 'openAI';
  return found;
}

/** A bare key: the resource comes from another setting of the same file, the nearest (by shared name prefix) first. */
function fromSibling(settings: readonly Setting[], setting: Setting, found: ServiceId): Derived | undefined {
  const candidates: Array<{ setting: Setting; replacement: Derived }> = [];
  for (const other of settings) {
    if (other === setting) continue;
    const replacement = siblingEndpoint(other, setting.name, found);
    if (replacement) candidates.push({ setting: other, replacement });
  }
  if (candidates.length === 0) return undefined;
  const shared = (s: Setting) => sharedPrefix(s.name.toLowerCase(), setting.name.toLowerCase());
  const best = Math.max(...candidates.map((c) => shared(c.setting)));
  const nearest = candidates.filter((c) => shared(c.setting) === best);
  // Two different resources equally near: which one the key belongs to is a guess, so no fix.
  return new Set(nearest.map((c) => c.replacement.endpoint)).size === 1 ? nearest[0]!.replacement : undefined;
}

function siblingEndpoint(other: Setting, keyName: string, found: ServiceId): Derived | undefined {
  const value = other.value.trim();
  const normalized = other.name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (found === 'blob' || found === 'queue' || found === 'table') {
    if (!/accountname$|^azurestorageaccount$/.test(normalized) || !/^[a-z0-9]{3,24}$/.test(value)) return undefined;
    const storage = storageEndpoints(new Map([['accountname', value]]))!;
    const service = storageServiceOf(keyName);
    return { service, endpoint: storage[service], name: value, storage };
  }
  if (found === 'cosmosDb') {
    const match = /^https:\/\/([a-z0-9-]{3,44})\.documents\.azure\.com(:443)?\/?$/i.exec(value);
    return match ? { service: 'cosmosDb', endpoint: value, name: match[1]! } : undefined;
  }
  if (found === 'openAI') {
    const match = /^https:\/\/([a-z0-9-]{2,64})\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)\/?$/i.exec(value);
    return match ? { service: 'openAI', endpoint: value, name: match[1]! } : undefined;
  }
  return undefined;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function hostOf(url: string): string | undefined {
  return /^[a-z]+:\/\/([^/:;?]+)/i.exec(url)?.[1];
}

/** The app setting the rewritten code reads for this service (undefined for services without one). */
export function envFor(replacement: Replacement): string | undefined {
  return serviceEndpoints[replacement.service]?.env;
}
