/**
 * Spring Cloud Azure (application.properties / application.yml): the secret property becomes its credential-free
 * sibling under the same prefix — `…servicebus.connection-string` → `…servicebus.namespace=<ns>`, `…eventhubs.…` the
 * same (+ `event-hub-name` from EntityPath), `…storage.blob.connection-string` / `account-key` → `…storage.blob.endpoint`,
 * `…appconfiguration.stores[0].connection-string` → `….endpoint`, `…cosmos.key` → `…cosmos.endpoint`. Without a key
 * or connection string Spring Cloud Azure authenticates with DefaultAzureCredential. Only `spring.cloud.azure.*`
 * properties are rewritten: other names belong to the application, whose code decides what they mean.
 * User-assigned: `credential.managed-identity-enabled=true` and `credential.client-id=${AZURE_CLIENT_ID}`
 * (global in .properties, per service in YAML where the global block may not exist).
 */
import type { Fix, SettingRef, TextEdit } from '../model';
import { CLIENT_ID_ENV } from '../settings';
import { clientIdSetting, configFix, shown, userAssigned, type ConfigContext } from './context';
import type { Replacement } from './derive';
import { deleteLine, eolOf, keyStartOf, lineAt, valueEndWithQuote } from './lines';

interface SpringTarget {
  /** The property's name prefix (everything before its last segment). */
  prefix: string;
  /** The new last segment and its value. */
  properties: Array<[string, string]>;
}

const springRoot = 'spring.cloud.azure.';

function springTarget(name: string, r: Replacement): SpringTarget | undefined {
  const dot = name.lastIndexOf('.');
  const prefix = name.slice(0, dot);
  const last = name.slice(dot + 1).toLowerCase();
  if (!name.startsWith(springRoot) || !['connection-string', 'account-key', 'key', 'sas-token'].includes(last)) return undefined;
  const section = prefix.slice(springRoot.length).toLowerCase();
  if ((section === 'servicebus' && r.service === 'serviceBus') || (section === 'eventhubs' && r.service === 'eventHubs')) {
    if (!r.name) return undefined;
    const properties: Array<[string, string]> = [['namespace', r.name]];
    if (r.entityPath) properties.push(['event-hub-name', r.entityPath]);
    return { prefix, properties };
  }
  const storage = /^storage\.(blob|queue)$/.exec(section)?.[1] as 'blob' | 'queue' | undefined;
  if (storage && r.storage) return { prefix, properties: [['endpoint', r.storage[storage]]] };
  if (/^appconfiguration\.stores(\[\d+\])?$/.test(section) && r.service === 'appConfiguration') return { prefix, properties: [['endpoint', r.endpoint]] };
  if (section === 'cosmos' && r.service === 'cosmosDb') return { prefix, properties: [['endpoint', r.endpoint]] };
  return undefined;
}

export function rewriteSpring(ctx: ConfigContext): Fix | undefined {
  const { text, language } = ctx.input;
  const { setting } = ctx;
  const target = springTarget(setting.name, ctx.replacement);
  if (!target) return undefined;
  const byName = new Map(ctx.settings.map((s) => [s.name, s.value]));
  const full = target.properties.map(([key, value]) => [`${target.prefix}.${key}`, value] as const);
  if (full.some(([name, value]) => byName.has(name) && byName.get(name) !== value)) return undefined;
  const missing = target.properties.filter(([key]) => !byName.has(`${target.prefix}.${key}`));
  const yaml = language === 'yaml';
  const line = lineAt(text, setting.start);
  const keyStart = keyStartOf(text, line);
  const keyToken = text.slice(keyStart, line.end).split(/[ \t]*[:=]/)[0]!;
  const lastSegment = setting.name.slice(setting.name.lastIndexOf('.') + 1);
  if (!keyToken.endsWith(lastSegment)) return undefined;
  const keyHead = keyToken.slice(0, keyToken.length - lastSegment.length);
  const eol = eolOf(text);
  const indent = ' '.repeat(keyStart - line.start);
  const sep = yaml ? ': ' : '=';
  // YAML sets the identity per service, and App Configuration stores take no credential of their own there.
  if (yaml && userAssigned(ctx) && target.prefix.includes('.appconfiguration.')) return undefined;
  const credential = userAssigned(ctx) ? credentialLines(ctx, target.prefix, yaml ? keyHead : undefined) : [];
  const edits: TextEdit[] = [];
  const lineStartOf = (l: string) => `${yaml ? indent : ''}${l}`;
  if (missing.length === 0) {
    if (credential.length > 0) edits.push({ start: line.start, end: line.end, newText: credential.map(lineStartOf).join(eol) });
    else edits.push(deleteLine(text, line));
  } else {
    const [first, ...rest] = missing.map(([key, value]) => `${keyHead}${key}${sep}${value}`);
    edits.push({ start: keyStart, end: valueEndWithQuote(text, setting.start, setting.end), newText: first! });
    // Further lines go after the line's end, so a trailing comment stays with the first.
    const more = [...rest, ...credential].map(lineStartOf);
    if (more.length > 0) edits.push({ start: line.end, end: line.end, newText: more.map((l) => `${eol}${l}`).join('') });
  }
  const written = missing.length ? missing.map(([key, value]) => `${target.prefix}.${key}=${shown(value)}`).join(', ') : undefined;
  const what = written ? `Replace ${setting.name} with ${written}` : `Remove ${setting.name} (${target.prefix}.${target.properties[0]![0]} is already set)`;
  const title = userAssigned(ctx) ? `${what} and use a user-assigned identity (${CLIENT_ID_ENV})` : what;
  const settings: SettingRef[] = userAssigned(ctx) ? [clientIdSetting] : [];
  return configFix(ctx, title, edits, settings);
}

/**
 * The user-assigned identity's properties, unless the file sets a credential there already. YAML (yamlKeyHead
 * defined): beside the service's keys — nested, or dotted when the service key itself is written dotted.
 */
function credentialLines(ctx: ConfigContext, prefix: string, yamlKeyHead: string | undefined): string[] {
  const clientId = `\${${CLIENT_ID_ENV}}`;
  if (yamlKeyHead !== undefined) {
    if (ctx.settings.some((s) => s.name.startsWith(`${prefix}.credential.`))) return [];
    if (yamlKeyHead) return [`${yamlKeyHead}credential.managed-identity-enabled: true`, `${yamlKeyHead}credential.client-id: ${clientId}`];
    return ['credential:', '  managed-identity-enabled: true', `  client-id: ${clientId}`];
  }
  const global = `${springRoot}credential.`;
  if (ctx.settings.some((s) => s.name.startsWith(global))) return [];
  return [`${global}managed-identity-enabled=true`, `${global}client-id=${clientId}`];
}
