import type { AzureAccess } from './access';

/** Who is signed in to a tenant, read from the ARM token's claims (never logged). */
export interface SignedInPrincipal {
  objectId: string;
  name?: string;
}

export async function signedInPrincipal(access: AzureAccess, tenantId: string): Promise<SignedInPrincipal> {
  const token = await access.credential(tenantId).getToken(access.cloud.credentialScope);
  const payload = token?.token.split('.')[1];
  let claims: { oid?: string; name?: string; upn?: string; unique_name?: string } = {};
  try {
    claims = payload ? JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) : {};
  } catch {
    claims = {};
  }
  if (!claims.oid) throw new Error('Could not tell who is signed in (the access token has no object id). Sign in again.');
  return { objectId: claims.oid, name: claims.upn ?? claims.unique_name ?? claims.name };
}
