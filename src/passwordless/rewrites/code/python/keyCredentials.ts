/**
 * Key and client-secret credentials: a client constructed with a key (BlobServiceClient, CosmosClient, SecretClient…)
 * gets a token credential in the credential argument's place; a ClientSecretCredential or AzureNamedKeyCredential is
 * itself replaced by DefaultAzureCredential (a token credential every client that took them also accepts).
 */
import type { PyRewrite } from './session';

/** Client constructors and the position of their `credential` parameter (the SDKs' own signatures). */
const credentialPosition: Record<string, number> = {
  BlobServiceClient: 1,
  ContainerClient: 2,
  BlobClient: 4,
  CosmosClient: 1,
  SecretClient: 1,
  KeyClient: 1,
  CertificateClient: 1,
};

export function rewriteClientCredential(rewrite: PyRewrite, async: boolean): boolean {
  const name = rewrite.callee.text.split('.').pop() ?? '';
  const position = Object.hasOwn(credentialPosition, name) ? credentialPosition[name] : undefined;
  if (position === undefined || rewrite.hasSplat('list')) return false;
  const existing = rewrite.argument('credential', position);
  // Already a token credential under a name the scanner does not recognise: nothing to rewrite.
  if (existing?.value.type === 'identifier' && rewrite.holdsTokenCredential(existing.value.text)) return false;
  const credential = rewrite.credential(async);
  if (!credential) return false;
  if (existing) rewrite.replace(existing.value, credential);
  else if (rewrite.args.length === 0) return false;
  else rewrite.appendArguments([`credential=${credential}`]);
  return true;
}

/** ClientSecretCredential(tenant, client, secret) → DefaultAzureCredential(), keeping a sovereign cloud's authority. */
export function rewriteClientSecretCredential(rewrite: PyRewrite): boolean {
  const className = rewrite.callee.text.split('.').pop() ?? '';
  const module = rewrite.doc.moduleOf(className) ?? rewrite.doc.moduleOf(rewrite.callee.text.split('.')[0] ?? '');
  const async = module !== undefined && /\.aio$/.test(module);
  const authority = rewrite.argument('authority');
  const replacement = rewrite.newCredential(async, authority ? [authority.node.text] : []);
  if (!replacement) return false;
  rewrite.replace(rewrite.call, replacement);
  return true;
}

/** AzureNamedKeyCredential(name, key) → DefaultAzureCredential(); async when the file's Azure clients are all async. */
export function rewriteNamedKeyCredential(rewrite: PyRewrite): boolean {
  const flavours = new Set<'sync' | 'async'>();
  for (const statement of rewrite.doc.imports()) {
    const module = statement.childForFieldName('module_name')?.text ?? '';
    if (!module.startsWith('azure.') || /^azure\.(core|identity)(\.|$)/.test(module)) continue;
    flavours.add(/\.aio(\.|$)/.test(module) ? 'async' : 'sync');
  }
  // Both kinds of client in one file: which one takes this credential is not knowable from the import alone.
  if (flavours.size > 1) return false;
  const replacement = rewrite.newCredential(flavours.has('async'));
  if (!replacement) return false;
  rewrite.replace(rewrite.call, replacement);
  return true;
}
