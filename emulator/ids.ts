/** Resource-id parsing. ARM compares ids case-insensitively; we key every map by lowerId(). */
export function lowerId(id: string): string {
  return id.toLowerCase();
}

/** Collapses repeated slashes, drops a trailing slash, and decodes each segment once. */
export function normalizePath(rawPath: string): string {
  // Fast path: most ids are already clean (scenario loading parses tens of thousands).
  if (rawPath.startsWith('/') && !rawPath.includes('%') && !rawPath.includes('//') && (rawPath.length === 1 || !rawPath.endsWith('/'))) return rawPath;
  const segments = rawPath.split('/').filter((s) => s.length > 0).map(safeDecode);
  return '/' + segments.join('/');
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface ParsedResourceId {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  namespace: string;
  /** "Microsoft.Compute/virtualMachines" or, nested, "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials". */
  type: string;
  name: string;
  /** The parent resource id for nested types, else the resource group id. */
  parentId: string;
  /** Resource group id (canonical casing "resourceGroups"). */
  resourceGroupId: string;
  nested: boolean;
}

/** Parses /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]*; undefined if not that shape. */
export function parseResourceId(path: string): ParsedResourceId | undefined {
  const s = normalizePath(path).split('/').slice(1);
  if (s.length < 8 || s[0].toLowerCase() !== 'subscriptions' || s[2].toLowerCase() !== 'resourcegroups' || s[4].toLowerCase() !== 'providers') return undefined;
  const rest = s.slice(6);
  if (rest.length % 2 !== 0) return undefined;
  const typeSegments: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    typeSegments.push(rest[i]);
    names.push(rest[i + 1]);
  }
  const resourceGroupId = `/subscriptions/${s[1]}/resourceGroups/${s[3]}`;
  const id = `${resourceGroupId}/providers/${s[5]}/${rest.join('/')}`;
  const parentId = rest.length > 2 ? `${resourceGroupId}/providers/${s[5]}/${rest.slice(0, -2).join('/')}` : resourceGroupId;
  return {
    id,
    subscriptionId: s[1],
    resourceGroup: s[3],
    namespace: s[5],
    type: `${s[5]}/${typeSegments.join('/')}`,
    name: names[names.length - 1],
    parentId,
    resourceGroupId,
    nested: rest.length > 2,
  };
}

/** The subscription id named by a scope, if any. */
export function subscriptionOf(scope: string): string | undefined {
  const m = /^\/subscriptions\/([^/]+)/i.exec(scope);
  return m ? m[1] : undefined;
}

/** Resource group name named by a scope, if any. */
export function resourceGroupOf(scope: string): string | undefined {
  const m = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)/i.exec(scope);
  return m ? m[1] : undefined;
}

/** True when `ancestor` is `scope` itself or contains it ("/" contains everything). */
export function isAtOrAbove(ancestor: string, scope: string): boolean {
  const a = lowerId(ancestor === '/' ? '' : ancestor);
  const s = lowerId(scope === '/' ? '' : scope);
  return s === a || s.startsWith(a + '/');
}

export function lastSegment(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}
