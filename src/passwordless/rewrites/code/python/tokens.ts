/**
 * Clients that take a token rather than a credential: Azure OpenAI gets a bearer-token provider for Cognitive Services
 * in place of its API key; psycopg gets an access token for Azure Database for PostgreSQL as its password.
 */
import { tokenScopes } from '../../settings';
import type { PyRewrite } from './session';

/** AzureOpenAI(api_key=…, …) → AzureOpenAI(azure_ad_token_provider=get_bearer_token_provider(cred, scope), …). */
export function rewriteOpenAI(rewrite: PyRewrite, async: boolean): boolean {
  // Keyword-only constructor: positional arguments or **kwargs (which may hold api_key) are not a shape to rewrite.
  if (rewrite.args.some((a) => !a.keyword)) return false;
  const credential = rewrite.credential(async);
  const provider = rewrite.use(rewrite.identityModule(async), 'get_bearer_token_provider');
  if (!credential || !provider) return false;
  const argument = `azure_ad_token_provider=${provider}(${credential}, ${rewrite.doc.string(tokenScopes.cognitiveServices)})`;
  const apiKey = rewrite.argument('api_key');
  if (apiKey) rewrite.replace(apiKey.node, argument);
  else rewrite.appendArguments([argument]);
  return true;
}

/** psycopg.connect(…, password=secret) → password=<credential>.get_token(<ossrdbms scope>).token. */
export function rewritePostgresPassword(rewrite: PyRewrite): boolean {
  const password = rewrite.args.find((a) => a.keyword && /^(password|pwd)$/i.test(a.keyword));
  if (!password) return false;
  const credential = rewrite.credential(false);
  if (!credential) return false;
  rewrite.replace(password.value, `${credential}.get_token(${rewrite.doc.string(tokenScopes.ossrdbms)}).token`);
  return true;
}
