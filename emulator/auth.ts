import { errors } from './errors.js';
import type { Caller } from './rbac.js';
import type { Store } from './store.js';

interface TokenClaims {
  oid?: string;
  tid?: string;
  upn?: string;
  name?: string;
  exp?: number;
}

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

/** Reads the unsigned JWT (signature not checked) and answers 401 the way ARM does when it cannot. */
export function authenticate(store: Store, authorization: string | undefined, nowMs: number): Caller {
  if (!authorization) throw errors.missingAuthorization();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw errors.invalidToken();
  const parts = match[1].split('.');
  if (parts.length !== 3) throw errors.invalidToken();
  let claims: TokenClaims;
  try {
    decodeSegment(parts[0]);
    claims = decodeSegment(parts[1]) as TokenClaims;
  } catch {
    throw errors.invalidToken();
  }
  if (!claims || typeof claims !== 'object' || typeof claims.tid !== 'string') throw errors.invalidToken();
  if (typeof claims.exp === 'number' && claims.exp * 1000 < nowMs) throw errors.expiredToken();
  const tenant = store.tenant(claims.tid);
  if (tenant?.signInError) throw errors.invalidToken(tenant.signInError);
  const known = claims.oid ? store.principal(claims.oid) : undefined;
  const principal = known ?? store.principal(store.defaultUserId);
  const objectId = principal?.id ?? claims.oid ?? store.defaultUserId;
  return { objectId, tenantId: claims.tid, clientName: principal?.userPrincipalName ?? claims.upn ?? objectId };
}
