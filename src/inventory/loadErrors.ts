import { describeAzureError, isSignInError } from '../azure/errors';

interface ErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
}

/**
 * Why a subscription's inventory could not load, in words a user can act on; the ARM code stays in brackets for
 * support. Only called once the SDK pipeline's own retries (429, 5xx, dropped connections) are spent.
 */
export function describeLoadError(error: unknown): string {
  const e = (error && typeof error === 'object' ? error : {}) as ErrorLike;
  const code = e.code ? ` (${e.code})` : '';
  if (e.statusCode === 403 || e.code === 'AuthorizationFailed') return `You need Reader on this subscription${code}`;
  if (isSignInError(error)) return `Sign-in required for this tenant: ${describeAzureError(error)}`;
  if (e.statusCode === 404) return `The subscription was not found; it may have been moved or cancelled${code}`;
  if (e.statusCode === 429) return `Azure is throttling requests; retry in a moment${code}`;
  if (e.statusCode !== undefined && e.statusCode >= 500) return `Azure Resource Manager is unavailable (HTTP ${e.statusCode}); retry${code}`;
  if (e.name === 'AbortError') return 'Loading was cancelled';
  if (e.code === 'REQUEST_SEND_ERROR' || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up/i.test(String((error as Error)?.message))) {
    return 'The connection to Azure Resource Manager was lost; retry';
  }
  return describeAzureError(error);
}
