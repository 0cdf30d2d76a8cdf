/**
 * local.settings.json `Values`: a connection string becomes the identity-based connection the Functions runtime
 * understands, under the same prefix and in the same place: <PREFIX>__fullyQualifiedNamespace (Service Bus, Event
 * Hubs), <PREFIX>__accountEndpoint (Cosmos DB), <PREFIX>__blobServiceUri + __queueServiceUri (storage; a blob trigger
 * needs both), AzureWebJobsStorage__accountName (host storage). Services without a Functions binding, and bare keys,
 * become the endpoint variable the rewritten code reads.
 *
 * User-assigned identity: the file is the same — local runs sign in as the developer, and <PREFIX>__credential /
 * __clientId must NOT be set locally — so the fix names them as settings for the hosted Function App instead.
 */
import type { Fix, SettingRef, TextEdit } from '../model';
import { CLIENT_ID_ENV, serviceEndpoints } from '../settings';
import { configFix, shown, userAssigned, type ConfigContext } from './context';
import type { Replacement } from './derive';
import { editBetween, jsonTree, keyPathAt, removeProperty } from './json';
import { rewriteAppSettings } from './appSettings';
import { eolOf } from './lines';

export function rewriteLocalSettings(ctx: ConfigContext): Fix | undefined {
  const { text } = ctx.input;
  const root = jsonTree(text);
  const path = root && keyPathAt(root, ctx.setting.start);
  if (!root || !path) return undefined;
  if (path.length !== 2 || path[0] !== 'Values') return rewriteAppSettings(ctx);
  const [, prefix] = path as [string, string];
  const pairs = identityPairs(prefix, ctx.replacement);
  if (!pairs) return undefined;
  const values = root.children?.find((p) => p.children?.[0]?.value === 'Values')?.children?.[1];
  const existing = new Map((values?.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1]?.value as unknown]));
  if (pairs.some(([name, value]) => existing.has(name) && existing.get(name) !== value)) return undefined;
  const missing = pairs.filter(([name]) => !existing.has(name));
  const property = values?.children?.find((p) => p.children?.[0]?.value === prefix);
  if (!property) return undefined;
  let edits: TextEdit[];
  if (missing.length === 0) {
    edits = editBetween(text, removeProperty(text, path));
  } else {
    const lineStart = text.lastIndexOf('\n', property.offset - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, property.offset))![0];
    const newText = missing.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`).join(`,${eolOf(text)}${indent}`);
    edits = [{ start: property.offset, end: property.offset + property.length, newText }];
  }
  const written = pairs.map(([name, value]) => `${name}=${shown(value)}`).join(', ');
  const settings: SettingRef[] = pairs.map(([name, value]) => ({ name, value, description: describe(name, ctx.replacement) }));
  if (!userAssigned(ctx)) return configFix(ctx, `Use an identity-based connection: ${written}`, edits, settings);
  const hosted = hostedUserAssigned(prefix, pairs);
  const title = `Use an identity-based connection (${written}); for a user-assigned identity set ${hosted.map((s) => s.name).join(' and ')} in the Function App only`;
  return configFix(ctx, title, edits, [...settings, ...hosted]);
}

/** The identity-based settings replacing one connection-string setting, in order. */
function identityPairs(prefix: string, r: Replacement): Array<[string, string]> | undefined {
  if (r.source === 'value' && r.storage) {
    const s = r.storage;
    if (prefix === 'AzureWebJobsStorage') {
      return s.standard ? [[`${prefix}__accountName`, s.account]] : [[`${prefix}__blobServiceUri`, s.blob], [`${prefix}__queueServiceUri`, s.queue], [`${prefix}__tableServiceUri`, s.table]];
    }
    if (r.service === 'queue') return [[`${prefix}__queueServiceUri`, s.queue]];
    if (r.service === 'table') return [[`${prefix}__tableServiceUri`, s.table]];
    return [[`${prefix}__blobServiceUri`, s.blob], [`${prefix}__queueServiceUri`, s.queue]];
  }
  const endpoint = serviceEndpoints[r.service];
  if (!endpoint) return undefined;
  if (r.source === 'value' && endpoint.functionsSuffix) return [[`${prefix}__${endpoint.functionsSuffix}`, r.endpoint]];
  return [[endpoint.env, r.endpoint]];
}

/** What the hosted app needs for a user-assigned identity (never local: there the developer's sign-in is used). */
function hostedUserAssigned(prefix: string, pairs: Array<[string, string]>): SettingRef[] {
  if (!pairs.some(([name]) => name.startsWith(`${prefix}__`))) return [{ name: CLIENT_ID_ENV, description: "the user-assigned managed identity's client ID (hosted app setting only)" }];
  return [
    { name: `${prefix}__credential`, value: 'managedidentity', description: 'hosted app setting only; not set locally' },
    { name: `${prefix}__clientId`, description: "the user-assigned managed identity's client ID (hosted app setting only)" },
  ];
}

function describe(name: string, r: Replacement): string {
  if (name.endsWith('__accountName')) return 'the storage account name';
  const storage = /__(blob|queue|table)ServiceUri$/.exec(name)?.[1] as 'blob' | 'queue' | 'table' | undefined;
  return serviceEndpoints[storage ?? r.service]?.description ?? 'the service endpoint';
}
