/** Parsing ARM resource ids. ARM compares ids case-insensitively and its own examples mix "resourceGroups" and
 * "resourcegroups", so every comparison here goes through {@link normalizeId}. */

export interface ParsedResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** e.g. "Microsoft.Storage/storageAccounts" or "Microsoft.ServiceBus/namespaces/queues"; undefined above resource level. */
  resourceType?: string;
  /** The last name segment (the resource's own name). */
  name?: string;
  /** Names of each level below the provider, e.g. ["contosodata", "default", "images"] for a blob container. */
  names: string[];
  managementGroup?: string;
}

/** The key under which ids are compared: lower case, single slashes, no trailing slash. */
export function normalizeId(id: string): string {
  return id.replace(/\/{2,}/g, '/').replace(/\/$/, '').toLowerCase();
}

export function sameId(a: string, b: string): boolean {
  return normalizeId(a) === normalizeId(b);
}

export function parseResourceId(id: string): ParsedResourceId {
  const parts = id.split('/').filter((p) => p.length > 0);
  const result: ParsedResourceId = { names: [] };
  let i = 0;
  if (parts[i]?.toLowerCase() === 'providers' && parts[i + 1]?.toLowerCase() === 'microsoft.management') {
    result.managementGroup = parts[i + 3];
    return result;
  }
  if (parts[i]?.toLowerCase() === 'subscriptions') {
    result.subscriptionId = parts[i + 1];
    i += 2;
  }
  if (parts[i]?.toLowerCase() === 'resourcegroups') {
    result.resourceGroup = parts[i + 1];
    i += 2;
  }
  if (parts[i]?.toLowerCase() === 'providers' && parts.length > i + 3) {
    const types = [parts[i + 1], parts[i + 2]];
    result.names.push(parts[i + 3]);
    // Child resources alternate type/name after the first pair: .../namespaces/ns/queues/q
    for (let j = i + 4; j + 1 < parts.length; j += 2) {
      types.push(parts[j]);
      result.names.push(parts[j + 1]);
    }
    result.resourceType = types.join('/');
    result.name = result.names[result.names.length - 1];
  }
  return result;
}
