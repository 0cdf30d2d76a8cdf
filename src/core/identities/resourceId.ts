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
  const parts = segments(id);
  const result: ParsedResourceId = { names: [] };
  let i = 0;
  if (is(parts[i], 'providers') && is(parts[i + 1], 'microsoft.management')) {
    result.managementGroup = parts[i + 3];
    return result;
  }
  if (is(parts[i], 'subscriptions')) {
    result.subscriptionId = parts[i + 1];
    i += 2;
  }
  if (is(parts[i], 'resourcegroups')) {
    result.resourceGroup = parts[i + 1];
    i += 2;
  }
  if (is(parts[i], 'providers') && parts.length > i + 3) {
    let resourceType = `${parts[i + 1]}/${parts[i + 2]}`;
    result.names.push(parts[i + 3]);
    // Child resources alternate type/name after the first pair: .../namespaces/ns/queues/q
    for (let j = i + 4; j + 1 < parts.length; j += 2) {
      resourceType += `/${parts[j]}`;
      result.names.push(parts[j + 1]);
    }
    result.resourceType = resourceType;
    result.name = result.names[result.names.length - 1];
  }
  return result;
}

// The tree parses every id it loads (tens of thousands at once): one pass, no split-then-filter copies.
function segments(id: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start <= id.length) {
    let end = id.indexOf('/', start);
    if (end < 0) end = id.length;
    if (end > start) parts.push(id.slice(start, end));
    start = end + 1;
  }
  return parts;
}

/** Case-insensitive equality with a lower-case keyword, lower-casing only segments of its length. */
function is(segment: string | undefined, keyword: string): boolean {
  return segment !== undefined && segment.length === keyword.length && segment.toLowerCase() === keyword;
}
