/**
 * Go rewrites per rule: `X.New…FromConnectionString(cs, …)` → `X.New…(endpoint, cred, …)`; `X.New…WithSharedKey…` /
 * `azcosmos.NewClientWithKey` / `azopenai.NewClientWithKeyCredential` → the token constructor with the credential;
 * a key credential variable (`azblob.NewSharedKeyCredential`, `azcosmos.NewKeyCredential`) becomes the
 * DefaultAzureCredential itself, with every client built from it switched to the token constructor; a client-secret
 * credential becomes `azidentity.NewDefaultAzureCredential(nil)`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { functionOf, unwrap } from './document';
import type { GoRewrite } from './session';

export type GoRule = (r: GoRewrite) => boolean;

/** `New<X>With<SharedKeyCredential|SharedKey|Key>` (and `NewClientWithKeyCredential`) → `New<X>`. */
const keyConstructor = /^(New\w*?Client)With(SharedKeyCredential|SharedKey|KeyCredential|Key)$/;
const keyCredentialMakers = /^(azblob|azqueue|aztables|azdatalake|service|container|azcosmos)\.New(SharedKey|Key)Credential$/;

const tokenName: Record<string, string> = {
  NewClientFromConnectionString: 'NewClient',
  NewServiceClientFromConnectionString: 'NewServiceClient',
  NewQueueClientFromConnectionString: 'NewQueueClient',
  NewProducerClientFromConnectionString: 'NewProducerClient',
  NewConsumerClientFromConnectionString: 'NewConsumerClient',
};

/** How many path arguments (container, blob, queue name) follow the connection string: they join the endpoint URL. */
function pathArguments(callee: string): number {
  if (callee === 'container.NewClientFromConnectionString' || callee.endsWith('.NewQueueClientFromConnectionString')) return 1;
  return /^(blob|blockblob|appendblob|pageblob)\.NewClientFromConnectionString$/.test(callee) ? 2 : 0;
}

/** `(cs, opts)` → `(endpoint, cred, opts)`; `(cs, container[, blob], opts)` → `(endpoint/container[/blob], cred, opts)`. */
const fromConnectionString =
  (service: ServiceId): GoRule =>
  (r) => {
    const newName = tokenName[r.site.name];
    const [cs, ...rest] = r.args;
    const segments = rest.slice(0, pathArguments(r.site.callee));
    if (!newName || !cs || segments.length < pathArguments(r.site.callee)) return false;
    const endpoint = r.endpoint(service, cs);
    const cred = endpoint && r.credential();
    if (!endpoint || !cred) return false;
    r.rename(r.site.node, newName);
    const last = segments[segments.length - 1] ?? cs;
    r.replace({ start: cs.startIndex, end: last.endIndex }, `${segments.length > 0 ? r.joinPath(endpoint, segments) : endpoint.code}, ${cred}`);
    return true;
  };

/** Producer `(cs, hub, opts)` / consumer `(cs, hub, group, opts)` → `(fqns, hub[, group], cred, opts)`; an empty hub takes EntityPath. */
const eventHubs: GoRule = (r) => {
  const consumer = r.site.name === 'NewConsumerClientFromConnectionString';
  const [cs, hub, group] = r.args;
  const last = consumer ? group : hub;
  if (!cs || !hub || !last || !tokenName[r.site.name]) return false;
  const endpoint = r.endpoint('eventHubs', cs);
  if (!endpoint) return false;
  const emptyHub = /^(""|``)$/.test(unwrap(hub).text);
  // Without a hub argument the hub is the connection string's EntityPath, known only when the string is visible.
  if (emptyHub && !endpoint.entityPath) return false;
  const cred = r.credential();
  if (!cred) return false;
  r.rename(r.site.node, tokenName[r.site.name]!);
  r.replace(cs, endpoint.code);
  if (emptyHub) r.replace(hub, r.doc.string(endpoint.entityPath!));
  r.insert(last.endIndex, `, ${cred}`);
  return true;
};

/** `x, err := azblob.NewSharedKeyCredential(a, k)` → `x, err := azidentity.NewDefaultAzureCredential(nil)`, and every client built from x takes the token constructor. */
function keyCredentialVariable(r: GoRewrite, call: Node): boolean {
  const statement = call.parent?.parent;
  const left = statement?.type === 'short_var_declaration' ? statement.childForFieldName('left')?.namedChildren : undefined;
  const variable = left?.[0];
  if (!statement || !variable || variable.text === '_' || statement.childForFieldName('right')?.namedChildren.length !== 1) return false;
  const body = functionOf(statement)?.childForFieldName('body') ?? undefined;
  const uses = r.doc.usesOf({ name: variable.text, kind: 'local', statement, names: left!.length, body });
  const clients = uses.map((use) => (use.parent?.type === 'argument_list' ? use.parent.parent : null));
  if (clients.length === 0 || clients.some((c) => !c || !keyConstructor.test(c.childForFieldName('function')?.childForFieldName('field')?.text ?? ''))) return false;
  r.replace(call, 'azidentity.NewDefaultAzureCredential(nil)');
  for (const client of clients) r.rename(client!, client!.childForFieldName('function')!.childForFieldName('field')!.text.replace(keyConstructor, '$1'));
  return true;
}

/** A client built with a key credential: from a key credential variable, rewrite that variable; else pass a token credential. */
const withKeyCredential: GoRule = (r) => {
  const key = r.args[1];
  const name = r.site.name;
  if (!key || !keyConstructor.test(name)) return false;
  const declared = unwrap(key).type === 'identifier' ? r.doc.declarationOf(unwrap(key)) : undefined;
  // `key, err := azblob.NewSharedKeyCredential(…)` pairs two names with one call: the call is the statement's only value.
  const value = declared?.kind === 'local' ? (declared.value ?? declared.statement.childForFieldName('right')?.namedChildren[0]) : undefined;
  const maker = value?.type === 'call_expression' ? value : undefined;
  if (maker && keyCredentialMakers.test(maker.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '')) return keyCredentialVariable(r, maker);
  const cred = r.credential();
  if (!cred) return false;
  r.rename(r.site.node, name.replace(keyConstructor, '$1'));
  r.replace(key, cred);
  return true;
};

const keyCredential: GoRule = (r) => keyCredentialVariable(r, r.site.node);

const clientSecretType = '*azidentity.ClientSecretCredential';

/**
 * `azidentity.NewClientSecretCredential(tenant, client, secret, opts)` → `azidentity.NewDefaultAzureCredential(nil)`;
 * the function's own `*azidentity.ClientSecretCredential` results and locals are retyped. A credential stored into a
 * field or struct (whose type this file may not show) has no safe rewrite.
 */
const clientSecret: GoRule = (r) => {
  const statement = r.site.node.parent?.parent;
  const variable = statement?.type === 'short_var_declaration' ? statement.childForFieldName('left')?.namedChildren[0] : undefined;
  if (variable && variable.text !== '_') {
    const body = functionOf(statement!)?.childForFieldName('body') ?? undefined;
    const uses = r.doc.usesOf({ name: variable.text, kind: 'local', statement: statement!, names: 2, body });
    if (uses.some((use) => use.parent?.type === 'literal_element' || use.parent?.type === 'keyed_element' || use.parent?.parent?.type === 'assignment_statement')) return false;
  }
  r.replace(r.site.node, 'azidentity.NewDefaultAzureCredential(nil)');
  const fn = functionOf(r.site.node);
  const parameters = fn?.childForFieldName('parameters');
  for (const type of fn?.descendantsOfType('pointer_type') ?? []) {
    if (!type || type.text.replace(/\s+/g, '') !== clientSecretType || (parameters && type.startIndex >= parameters.startIndex && type.endIndex <= parameters.endIndex)) continue;
    r.replace(type, '*azidentity.DefaultAzureCredential');
  }
  return true;
};

/** Blob and table rules match both connection-string and shared-key constructors. */
const storage =
  (service: ServiceId): GoRule =>
  (r) =>
    keyConstructor.test(r.site.name) ? withKeyCredential(r) : fromConnectionString(service)(r);

export const goRules: Record<string, GoRule> = {
  'blob-connection-string': storage('blob'),
  'queue-connection-string': storage('queue'),
  'table-connection-string': storage('table'),
  'service-bus-connection-string': fromConnectionString('serviceBus'),
  'event-hubs-connection-string': eventHubs,
  'app-configuration-connection-string': fromConnectionString('appConfiguration'),
  'cosmos-key': (r) => (r.site.name === 'NewKeyCredential' ? keyCredential(r) : storage('cosmosDb')(r)),
  'openai-api-key': withKeyCredential,
  'storage-shared-key': keyCredential,
  'client-secret-credential': clientSecret,
};
