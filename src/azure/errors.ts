/** Turns Azure and sign-in errors into words a user can act on; never echoes tokens. */
import { redactSecrets } from '../core/redact';

export { redactSecrets };

interface RestErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
}

/** The sentence an Entra ID error (AADSTS…) leads with, without trace/correlation ids and timestamps. */
function entraReason(message: string): string | undefined {
  const match = /AADSTS\d+:[^\r\n]*/.exec(message);
  if (!match) return undefined;
  return match[0].replace(/\s*Trace ID:.*$/i, '').trim();
}

/** A short reason in words: the Entra message if there is one, else "<code>: <message>" as ARM returned it. */
export function describeAzureError(error: unknown): string {
  if (!error || typeof error !== 'object') return redactSecrets(String(error));
  const e = error as RestErrorLike;
  const message = e.message ?? String(error);
  const reason = entraReason(message);
  if (reason) return redactSecrets(reason);
  const firstLine = message.split(/\r?\n/)[0].trim();
  const text = e.code && !firstLine.startsWith(e.code) ? `${e.code}: ${firstLine}` : firstLine;
  return redactSecrets(text || e.name || 'Unknown error');
}

/** True when the error means the account must sign in (again) to reach a tenant, as opposed to a service fault. */
export function isSignInError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as RestErrorLike;
  if (e.name === 'SignInRequiredError' || e.name === 'AuthenticationRequiredError' || e.name === 'CredentialUnavailableError') return true;
  if (e.statusCode === 401) return true;
  return /AADSTS\d+|InvalidAuthenticationToken|ExpiredAuthenticationToken/.test(e.message ?? '') ||
    ['InvalidAuthenticationToken', 'InvalidAuthenticationTokenTenant', 'ExpiredAuthenticationToken', 'AuthenticationFailed'].includes(e.code ?? '');
}
