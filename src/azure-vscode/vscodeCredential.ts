import * as vscode from 'vscode';
import type { AccessToken } from '@azure/core-auth';
import type { AzureCloud, CloudName } from '../azure/clouds';
import { SignInRequiredError, type CredentialFactory } from '../azure/credentials';

/** VS Code's built-in provider for the public cloud; sovereign clouds use its sibling, configured by its own setting. */
export function authProviderId(cloud: CloudName): 'microsoft' | 'microsoft-sovereign-cloud' {
  return cloud === 'AzureChinaCloud' || cloud === 'AzureUSGovernment' ? 'microsoft-sovereign-cloud' : 'microsoft';
}

/** The scopes VS Code's Microsoft provider understands: the ARM .default scope plus VSCODE_TENANT:<id> for a tenant. */
function sessionScopes(cloud: AzureCloud, tenantId?: string, scopes: readonly string[] = [cloud.credentialScope]): string[] {
  return tenantId ? [...scopes, `VSCODE_TENANT:${tenantId}`] : [...scopes];
}

export function getVsCodeSession(
  cloud: AzureCloud,
  tenantId: string | undefined,
  options: vscode.AuthenticationGetSessionOptions,
): Thenable<vscode.AuthenticationSession | undefined> {
  return vscode.authentication.getSession(authProviderId(cloud.name), sessionScopes(cloud, tenantId), options);
}

/** Expiry from the token's exp claim, so the SDK's token cache refreshes in time; 5 minutes when it cannot be read. */
function expiresOn(accessToken: string): number {
  try {
    const exp = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // Opaque token: fall through.
  }
  return Date.now() + 5 * 60_000;
}

/**
 * Credentials over VS Code's Microsoft sign-in, silent: never prompts while the tree loads. A tenant without a
 * session fails with SignInRequiredError, which the tree shows as that tenant's node with a sign-in action.
 */
export function createVsCodeCredentialFactory(cloud: AzureCloud): CredentialFactory {
  return (tenantId) => ({
    async getToken(scopes): Promise<AccessToken> {
      const wanted = [scopes].flat();
      const session = await vscode.authentication.getSession(authProviderId(cloud.name), sessionScopes(cloud, tenantId, wanted), {
        silent: true,
      });
      if (!session) {
        throw new SignInRequiredError(
          tenantId ? `You are not signed in to tenant ${tenantId} (it may require multi-factor authentication).` : 'You are not signed in to Azure.',
          tenantId,
        );
      }
      return { token: session.accessToken, expiresOnTimestamp: expiresOn(session.accessToken) };
    },
  });
}
