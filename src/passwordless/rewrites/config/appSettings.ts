/**
 * appsettings*.json (and local.settings.json outside `Values`): the secret property goes (with a section it leaves
 * empty) and the endpoint the rewritten code reads is added at the top level under its environment name
 * ("AZURE_STORAGEBLOB_RESOURCEENDPOINT": "https://…") — .NET configuration reads environment variables and top-level
 * appsettings keys under the same name, so the value set here locally is the one the hosted app gets from its
 * settings. User-assigned: "AZURE_CLIENT_ID": "" to fill in.
 */
import type { Fix } from '../model';
import { CLIENT_ID_ENV } from '../settings';
import { clientIdSetting, configFix, endpointSetting, shown, userAssigned, type ConfigContext } from './context';
import { envFor } from './derive';
import { addRootProperty, editBetween, has, jsonTree, keyPathAt, removeProperty, valueAt } from './json';

export function rewriteAppSettings(ctx: ConfigContext): Fix | undefined {
  const { text } = ctx.input;
  const env = envFor(ctx.replacement);
  const root = jsonTree(text);
  if (!env || root?.type !== 'object') return undefined;
  const path = keyPathAt(root, ctx.setting.start);
  if (!path) return undefined;
  const existing = valueAt(root, [env]);
  if (existing !== undefined && existing !== ctx.replacement.endpoint) return undefined;
  let result = removeProperty(text, path);
  if (existing === undefined) result = addRootProperty(result, env, ctx.replacement.endpoint);
  if (userAssigned(ctx) && !has(root, [CLIENT_ID_ENV])) result = addRootProperty(result, CLIENT_ID_ENV, '');
  const name = path.join(':');
  const what = existing === undefined ? `Replace ${name} with ${env}: ${shown(ctx.replacement.endpoint)}` : `Remove ${name} (${env} is already set)`;
  const title = userAssigned(ctx) ? `${what} and use a user-assigned identity (${CLIENT_ID_ENV})` : what;
  return configFix(ctx, title, editBetween(text, result), [endpointSetting(env, ctx), ...(userAssigned(ctx) ? [clientIdSetting] : [])]);
}
