import type { AccessToken, TokenCredential } from '@azure/core-auth';

/**
 * Gives the credential that signs requests for one tenant; `undefined` means the account's home tenant.
 * The only way the Azure layer learns who the user is — VS Code sessions, the Azure CLI and the Emulator all fit.
 */
export type CredentialFactory = (tenantId?: string) => TokenCredential;

/** Thrown by a credential when the account has no usable sign-in for a tenant (MFA, consent, not signed in). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(
    message: string,
    readonly tenantId?: string,
  ) {
    super(message);
  }
}

/** A fixed developer object id; the emulator treats an unknown oid as its scenario's default user. */
const EMULATOR_DEFAULT_OID = 'a11ce000-0000-4000-8000-00000000de70';

/** The tenant placeholder used when no tenant is asked for, as Microsoft Entra does. */
const HOME_TENANT = 'organizations';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Signs in to the local ARM emulator by minting the unsigned JWT its contract describes (alg "none"); the
 * emulator never checks signatures. tid is the tenant asked for, so per-tenant failures behave as in Azure.
 */
export function createEmulatorCredentialFactory(options: { oid?: string; name?: string } = {}): CredentialFactory {
  const oid = options.oid ?? EMULATOR_DEFAULT_OID;
  return (tenantId) => ({
    async getToken(scopes): Promise<AccessToken> {
      const scope = Array.isArray(scopes) ? scopes[0] : scopes;
      const now = Math.floor(Date.now() / 1000);
      const exp = now + 3600;
      const payload = {
        oid,
        tid: tenantId ?? HOME_TENANT,
        name: options.name ?? 'Keyless Developer',
        aud: scope.replace(/\/\.default$/, ''),
        iat: now,
        exp,
      };
      return { token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`, expiresOnTimestamp: exp * 1000 };
    },
  });
}

export type CliKind = 'azureCli' | 'azureDeveloperCli';

/**
 * The Azure CLI (`az login`) or Azure Developer CLI (`azd auth login`) account, through @azure/identity, which is
 * loaded on the first token request so activation never pays for it. One credential per tenant, reused.
 */
export function createCliCredentialFactory(kind: CliKind): CredentialFactory {
  const byTenant = new Map<string, TokenCredential>();
  return (tenantId) => {
    const key = tenantId ?? '';
    let credential = byTenant.get(key);
    if (!credential) {
      let inner: Promise<TokenCredential> | undefined;
      const load = async () => {
        const identity = await import('./sdk');
        const options = tenantId ? { tenantId } : {};
        return kind === 'azureCli'
          ? new identity.AzureCliCredential(options)
          : new identity.AzureDeveloperCliCredential(options);
      };
      credential = {
        async getToken(scopes, options) {
          inner ??= load();
          try {
            return await (await inner).getToken(scopes, options);
          } catch (error) {
            throw new SignInRequiredError(cliSignInHint(kind, tenantId, error), tenantId);
          }
        },
      };
      byTenant.set(key, credential);
    }
    return credential;
  };
}

function cliSignInHint(kind: CliKind, tenantId: string | undefined, error: unknown): string {
  const tenant = tenantId ? ` --tenant ${tenantId}` : '';
  const command = kind === 'azureCli' ? `az login${tenant}` : `azd auth login${tenantId ? ` --tenant-id ${tenantId}` : ''}`;
  const reason = error instanceof Error ? firstLine(error.message) : String(error);
  return `${reason} Run \`${command}\` in a terminal, then refresh.`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0].trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
