/**
 * Java rewrites per rule. Builders keep their chain and only the secret-bearing call changes:
 * `.connectionString(cs)` → `.endpoint(url).credential(cred)` (Service Bus `.credential(fqns, cred)`, Event Hubs
 * `.credential(fqns, hub, cred)`), Cosmos `.key(k)` → `.credential(cred)`, a key or client-secret credential argument →
 * the credential; credential objects built from secrets become DefaultAzureCredentialBuilder chains.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../../core/roles';
import { unwrap } from './document';
import type { JavaRewrite } from './session';

export type JavaRule = (r: JavaRewrite) => boolean;

/** `.connectionString(cs)` → `.endpoint(url).credential(cred)`. */
const endpointAndCredential =
  (service: ServiceId): JavaRule =>
  (r) => {
    const [cs] = r.args;
    if (r.site.name !== 'connectionString' || r.args.length !== 1 || !cs) return false;
    const endpoint = r.endpoint(service, cs);
    if (!endpoint) return false;
    r.replaceCall(`endpoint(${endpoint.code})${r.chainDot}credential(${r.credential()})`);
    return true;
  };

const serviceBus: JavaRule = (r) => {
  const [cs] = r.args;
  if (r.site.name !== 'connectionString' || r.args.length !== 1 || !cs) return false;
  const endpoint = r.endpoint('serviceBus', cs);
  if (!endpoint) return false;
  r.replaceCall(`credential(${endpoint.code}, ${r.credential()})`);
  return true;
};

/** The argument of a `.eventHubName(x)` call in the same builder chain, when x is a literal or a plain name. */
function chainedHubName(site: Node): string | undefined {
  let top = site;
  while (top.parent?.type === 'method_invocation' && top.parent.childForFieldName('object')?.startIndex === top.startIndex) top = top.parent;
  for (let call: Node | null = top; call?.type === 'method_invocation'; call = call.childForFieldName('object')) {
    if (call.childForFieldName('name')?.text !== 'eventHubName') continue;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const hub = args.length === 1 ? args[0] : undefined;
    if (hub && (hub.type === 'string_literal' || hub.type === 'identifier')) return hub.text;
  }
  return undefined;
}

/** `.connectionString(cs, hub)` or `.connectionString(cs)` (hub from EntityPath or `.eventHubName(…)`) → `.credential(fqns, hub, cred)`. */
const eventHubs: JavaRule = (r) => {
  const [cs, hub] = r.args;
  if (r.site.name !== 'connectionString' || !cs || r.args.length > 2) return false;
  const endpoint = r.endpoint('eventHubs', cs);
  if (!endpoint) return false;
  const hubCode = hub?.text ?? (endpoint.entityPath !== undefined ? r.doc.string(endpoint.entityPath) : chainedHubName(r.site.node));
  if (!hubCode) return false;
  r.replaceCall(`credential(${endpoint.code}, ${hubCode}, ${r.credential()})`);
  return true;
};

/** Cosmos `.key(k)` → `.credential(cred)`; the endpoint is already in the chain. */
const cosmos: JavaRule = (r) => {
  if (r.site.name !== 'key' || r.args.length !== 1) return false;
  r.replaceCall(`credential(${r.credential()})`);
  return true;
};

/** `.credential(new AzureKeyCredential(k))` or `.credential(secretCredential)` → `.credential(cred)`. */
const credentialArgument: JavaRule = (r) => {
  const [arg] = r.args;
  if (r.site.name !== 'credential' || r.args.length !== 1 || !arg) return false;
  const declared = unwrap(arg).type === 'identifier' ? r.doc.declarationOf(unwrap(arg)) : undefined;
  const built = declared?.value ? builtFromSecret(declared.value) : undefined;
  // A variable holding a client-secret or shared-key credential: rewrite where it is built, so every user gets it.
  if (declared && built) return rewriteBuilt(r, built);
  r.replace(arg, r.credential(arg));
  return true;
};

/** The outermost `new ClientSecretCredentialBuilder()….build()` or `new StorageSharedKeyCredential(…)` at this value. */
function builtFromSecret(value: Node): Node | undefined {
  const inner = unwrap(value);
  if (inner.type === 'object_creation_expression') return /^(StorageSharedKeyCredential|AzureNamedKeyCredential)$/.test(inner.childForFieldName('type')?.text ?? '') ? inner : undefined;
  let base: Node | null = inner;
  while (base?.type === 'method_invocation') base = base.childForFieldName('object');
  return base?.type === 'object_creation_expression' && base.childForFieldName('type')?.text === 'ClientSecretCredentialBuilder' ? inner : undefined;
}

/** The declared return type of the method around a node. */
function returnTypeOf(node: Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'method_declaration') return current.childForFieldName('type')?.text;
    if (current.type === 'lambda_expression' || current.type === 'class_body') return undefined;
  }
  return undefined;
}

/**
 * Uses a token credential can take over: arguments of `.credential(…)`-like calls, receivers of getToken, and returns
 * from a method declared to return a TokenCredential.
 */
function acceptsTokenCredential(use: Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'return_statement') return returnTypeOf(parent) === 'TokenCredential';
  if (parent?.type === 'argument_list') return /^(credential|tokenCredential)$/.test(parent.parent?.childForFieldName('name')?.text ?? '');
  return parent?.type === 'method_invocation' && parent.childForFieldName('object')?.startIndex === use.startIndex && /^getToken(Sync)?$/.test(parent.childForFieldName('name')?.text ?? '');
}

/** Replace a credential built from secrets with DefaultAzureCredential where it stands: an argument, a variable or a field. */
function rewriteBuilt(r: JavaRewrite, built: Node): boolean {
  const parent = built.parent;
  if (parent?.type === 'argument_list' || parent?.type === 'return_statement') {
    if (!acceptsTokenCredential(built)) return false;
    r.replace(built, r.credential(built));
    return true;
  }
  if (parent?.type !== 'variable_declarator' || parent.childForFieldName('value')?.startIndex !== built.startIndex) return false;
  const declaration = r.doc.declarationAt(parent);
  if (!declaration || !r.doc.usesOf(declaration).every(acceptsTokenCredential)) return false;
  r.retype(declaration.type);
  r.replace(built, r.newCredential());
  return true;
}

/** `new ClientSecretCredentialBuilder()…build()` → `new DefaultAzureCredentialBuilder().build()`. */
const clientSecretCredential: JavaRule = (r) => {
  let top = r.site.node;
  while (top.parent?.type === 'method_invocation' && top.parent.childForFieldName('object')?.startIndex === top.startIndex) top = top.parent;
  if (top.type !== 'method_invocation' || top.childForFieldName('name')?.text !== 'build') return false;
  return rewriteBuilt(r, top);
};

/** `new StorageSharedKeyCredential(account, key)` / `new AzureNamedKeyCredential(…)` → DefaultAzureCredential. */
const sharedKey: JavaRule = (r) => rewriteBuilt(r, r.site.node);

export const javaRules: Record<string, JavaRule> = {
  'blob-connection-string': endpointAndCredential('blob'),
  'queue-connection-string': endpointAndCredential('queue'),
  'table-connection-string': endpointAndCredential('table'),
  'app-configuration-connection-string': endpointAndCredential('appConfiguration'),
  'service-bus-connection-string': serviceBus,
  'event-hubs-connection-string': eventHubs,
  'cosmos-key': cosmos,
  'openai-api-key': credentialArgument,
  'key-vault-client-secret': credentialArgument,
  'client-secret-credential': clientSecretCredential,
  'storage-shared-key': sharedKey,
};
