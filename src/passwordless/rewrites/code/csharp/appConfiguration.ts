/**
 * The App Configuration provider: `AddAzureAppConfiguration(connectionString)` becomes
 * `AddAzureAppConfiguration(options => options.Connect(new Uri(endpoint), credential))`, and `options.Connect(cs)`
 * inside its options lambda becomes `options.Connect(new Uri(endpoint), credential)`.
 */
import type { CsRewrite } from './session';

export function rewriteAddAzureAppConfiguration(r: CsRewrite): boolean {
  const [connection, ...rest] = r.args;
  // (connectionString[, optional]): the Action<AzureAppConfigurationOptions> overload takes the same `optional`.
  if (!connection || connection.name || rest.length > 1 || rest.some((a) => a.name && a.name !== 'optional') || isFunction(connection.value.type)) return false;
  const endpoint = r.endpoint('appConfiguration', connection.value);
  if (!endpoint) return false;
  const parameter = ['options', 'appConfiguration', 'appConfig'].find((name) => r.doc.identifiers(name).length === 0);
  if (!parameter) return false;
  r.replace(connection.value, `${parameter} => ${parameter}.Connect(${r.uri(endpoint)}, ${r.credential()})`);
  return true;
}

export function rewriteConnect(r: CsRewrite): boolean {
  const [connection, ...rest] = r.args;
  if (!connection || rest.length > 0 || r.hasNamedArguments) return false;
  const endpoint = r.endpoint('appConfiguration', connection.value);
  if (!endpoint) return false;
  r.replaceArguments(0, 0, [r.uri(endpoint), r.credential()]);
  return true;
}

function isFunction(type: string): boolean {
  return type === 'lambda_expression' || type === 'anonymous_method_expression';
}
