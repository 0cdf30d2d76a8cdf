/**
 * Key Vault and OpenAI clients (the key or client-secret credential argument becomes a token credential), the
 * credential constructions themselves, and the SQL (mssql/tedious) and PostgreSQL (pg) connection configs.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { CLIENT_ID_ENV, tokenScopes } from '../../settings';
import { appendEntries, entriesOf, removeEntry, replaceEntry, type Entry } from './objects';
import { identityPackage } from './session';
import type { RuleRewrite } from './storageAndMessaging';

const keyVault: RuleRewrite = (r) => r.replaceCredentialArgument(1);

/** The secret-bearing credential itself becomes DefaultAzureCredential (never a reused variable: it may be this one). */
const credentialItself: RuleRewrite = (r) => {
  r.replace(r.site.node, r.newCredential());
  return true;
};

/** `new AzureOpenAI({ apiKey, … })` → `{ azureADTokenProvider: getBearerTokenProvider(credential, scope), … }`. */
const openAI: RuleRewrite = (r) => {
  if (r.site.name !== 'AzureOpenAI') return r.replaceCredentialArgument(1);
  const [options] = r.args;
  if (options?.type !== 'object') return false;
  const credential = r.credential();
  const provider = `azureADTokenProvider: ${r.imports.use(identityPackage.name, 'getBearerTokenProvider')}(${credential}, ${r.doc.string(tokenScopes.cognitiveServices)})`;
  const apiKey = entriesOf(options).find((e) => e.key === 'apiKey');
  if (apiKey) r.replace(apiKey.node, provider);
  else r.push(appendEntries(options, [provider], r.doc.text));
  return true;
};

const passwordKeys = new Set(['password', 'pwd']);
const userKeys = new Set(['user', 'userName', 'username', 'uid']);

interface PasswordAt {
  /** Entries from the config object down to the object holding the password ([] when the config holds it). */
  path: Entry[];
  holder: Node;
  entry: Entry;
}

function passwordIn(object: Node, path: Entry[] = []): PasswordAt | undefined {
  if (path.length > 3 || object.type !== 'object') return undefined;
  const entries = entriesOf(object);
  const entry = entries.find((e) => passwordKeys.has(e.key.toLowerCase()));
  if (entry) return { path, holder: object, entry };
  for (const e of entries) {
    const found = e.value ? passwordIn(e.value, [...path, e]) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * mssql `{ user, password }` and tedious `authentication: { type: "default", options: { userName, password } }` →
 * `authentication: { type: "azure-active-directory-default", options: { clientId? } }` and `options: { encrypt: true }`.
 */
const sql: RuleRewrite = (r) => {
  const config = r.args.find((a) => a.type === 'object');
  const found = config ? passwordIn(config) : undefined;
  if (!config || !found) return false;
  const text = r.doc.text;
  const top = entriesOf(config);
  const clientId = r.input.options.identity === 'userAssigned' ? ` clientId: ${r.doc.envRead(CLIENT_ID_ENV, false)} ` : '';
  const authentication = `{ type: ${r.doc.string('azure-active-directory-default')}, options: {${clientId}} }`;
  const options = top.find((e) => e.key === 'options');
  const extra: string[] = [];
  if (options?.value?.type === 'object') {
    if (!entriesOf(options.value).some((e) => e.key === 'encrypt')) r.push(appendEntries(options.value, ['encrypt: true'], text));
  } else if (!options) extra.push('options: { encrypt: true }');
  const [first] = found.path;
  if (!first) {
    if (top.some((e) => e.key === 'authentication')) return false;
    for (const e of top) if (userKeys.has(e.key) && e !== found.entry) r.push(removeEntry(config, e));
    r.push(replaceEntry(config, found.entry, [`authentication: ${authentication}`, ...extra], text));
    return true;
  }
  if (first.key !== 'authentication' || !first.value) return false;
  r.replace(first.value, authentication);
  if (extra.length > 0) r.push(appendEntries(config, extra, text));
  return true;
};

/** pg `password: secret` → `password: async () => (await credential.getToken(scope)).token` (a fresh token per connection). */
const postgres: RuleRewrite = (r) => {
  const config = r.args.find((a) => a.type === 'object');
  const found = config ? passwordIn(config) : undefined;
  if (!found || found.path.length > 0) return false;
  r.replace(found.entry.node, `password: async () => (await ${r.credential()}.getToken(${r.doc.string(tokenScopes.ossrdbms)})).token`);
  return true;
};

export const credentialsAndDataRewrites: Record<string, RuleRewrite> = {
  'key-vault-client-secret': keyVault,
  'client-secret-credential': credentialItself,
  'storage-shared-key': credentialItself,
  'openai-api-key': openAI,
  'sql-password': sql,
  'postgresql-password': postgres,
};
