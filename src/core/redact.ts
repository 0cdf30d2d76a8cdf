const JWT = /\beyJ[\w-]+\.[\w-]*\.[\w-]*/g;
const BEARER = /\b(Bearer|access_token["']?\s*[:=]\s*["']?)\s*[\w.~+/-]{16,}=*/gi;

/** Removes anything that looks like a token from text meant for logs, messages or snapshots. */
export function redactSecrets(text: string): string {
  return text.replace(JWT, '<redacted token>').replace(BEARER, (_m, prefix: string) => `${prefix} <redacted>`);
}
