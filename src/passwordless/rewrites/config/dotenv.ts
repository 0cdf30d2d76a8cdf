/**
 * .env: the secret's line becomes the endpoint variable the rewritten code reads (AZURE_STORAGEBLOB_RESOURCEENDPOINT=…),
 * in the same place and quoting; `export ` and a trailing comment stay. When that variable is already set to the same
 * endpoint the secret line just goes; set to another endpoint, there is no fix (two resources, one name).
 * User-assigned: an empty AZURE_CLIENT_ID= to fill in, unless the file already names one.
 */
import type { Fix, TextEdit } from '../model';
import { CLIENT_ID_ENV } from '../settings';
import { clientIdSetting, configFix, endpointSetting, shown, userAssigned, type ConfigContext } from './context';
import { envFor } from './derive';
import { deleteLine, eolOf, keyStartOf, lineAt, quoteOf, valueEndWithQuote } from './lines';

export function rewriteDotenv(ctx: ConfigContext): Fix | undefined {
  const { text } = ctx.input;
  const { setting, replacement } = ctx;
  const env = envFor(replacement);
  if (!env) return undefined;
  const existing = ctx.settings.find((s) => s.name === env && s !== setting);
  if (existing && existing.value !== replacement.endpoint) return undefined;
  const line = lineAt(text, setting.start);
  const eol = eolOf(text);
  const addClientId = userAssigned(ctx) && !new RegExp(`^[ \\t]*(?:export[ \\t]+)?${CLIENT_ID_ENV}[ \\t]*=`, 'm').test(text);
  const edits: TextEdit[] = [];
  if (existing) {
    edits.push(addClientId ? { start: line.start, end: line.end, newText: `${CLIENT_ID_ENV}=` } : deleteLine(text, line));
  } else {
    const quote = quoteOf(text, setting.start, setting.end);
    const end = valueEndWithQuote(text, setting.start, setting.end);
    edits.push({ start: keyStartOf(text, line), end, newText: `${env}=${quote}${replacement.endpoint}${quote}` });
    if (addClientId) edits.push({ start: line.end, end: line.end, newText: `${eol}${CLIENT_ID_ENV}=` });
  }
  const what = existing ? `Remove ${setting.name} (${env} is already set)` : `Replace ${setting.name} with ${env}=${shown(replacement.endpoint)}`;
  const title = userAssigned(ctx) ? `${what} and use a user-assigned identity (${CLIENT_ID_ENV})` : what;
  return configFix(ctx, title, edits, [endpointSetting(env, ctx), ...(userAssigned(ctx) ? [clientIdSetting] : [])]);
}
