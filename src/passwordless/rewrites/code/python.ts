/**
 * The Python rewriter: turns one secret-based construction into its credential-free form (catalog: Python), with
 * `from azure.identity import DefaultAzureCredential` (`azure.identity.aio` for async clients) added once and the
 * endpoint taken from a visible connection string or read from its Service Connector setting.
 */
import type { Fix, RewriteInput } from '../model';
import { rewriteAtSite } from './atSite';
import { isConnectionFactory, rewriteConnectionFactory } from './python/connectionClients';
import { PyDocument } from './python/document';
import { rewriteClientCredential, rewriteClientSecretCredential, rewriteNamedKeyCredential } from './python/keyCredentials';
import { PyRewrite } from './python/session';
import { rewriteOpenAI, rewritePostgresPassword } from './python/tokens';

type PythonRewrite = (rewrite: PyRewrite, async: boolean) => boolean;

const byRule: Record<string, PythonRewrite> = {
  'blob-connection-string': rewriteClientCredential,
  'cosmos-key': rewriteClientCredential,
  'key-vault-client-secret': rewriteClientCredential,
  'client-secret-credential': rewriteClientSecretCredential,
  'storage-shared-key': rewriteNamedKeyCredential,
  'openai-api-key': rewriteOpenAI,
  'postgresql-password': rewritePostgresPassword,
};

export async function rewritePython(input: RewriteInput): Promise<Fix | undefined> {
  if (input.language !== 'python') return undefined;
  return rewriteAtSite(
    () => PyDocument.parse(input.text),
    (doc) => {
      const call = doc.callAt(input.finding.startOffset, input.finding.endOffset);
      return call?.childForFieldName('function') ? call : undefined;
    },
    (doc, call) => {
      const rewrite = new PyRewrite(doc, call, input);
      const apply = isConnectionFactory(rewrite) ? rewriteConnectionFactory : byRule[input.finding.ruleId];
      return apply?.(rewrite, isAsyncClient(doc, rewrite.callee.text)) ? rewrite.finish() : undefined;
    },
  );
}

/** An asyncio client: imported from an `….aio` module, reached through one (`aio.BlobServiceClient`), or AsyncAzureOpenAI. */
function isAsyncClient(doc: PyDocument, callee: string): boolean {
  const segments = callee.replace(/\s+/g, '').split('.');
  if (segments.includes('aio')) return true;
  const className = segments.find((s) => /^[A-Z]/.test(s)) ?? '';
  if (className.startsWith('Async')) return true;
  const module = doc.moduleOf(className) ?? doc.moduleOf(segments[0] ?? '');
  return module !== undefined && /\.aio(\.|$)/.test(module);
}
