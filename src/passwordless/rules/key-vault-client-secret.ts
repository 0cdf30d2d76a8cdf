import type { CodeRule } from './model';

// Go is not claimed: its clients always take a credential variable, so azidentity.NewClientSecretCredential is the finding there.
export const keyVaultClientSecret: CodeRule = {
  kind: 'code',
  id: 'key-vault-client-secret',
  service: 'keyVault',
  title: 'Key Vault client without a token credential',
  severity: 'warning',
  message: 'This Key Vault client signs in with a client secret. Use DefaultAzureCredential (a managed identity in Azure, your own sign-in locally).',
  patterns: [
    { languages: ['typescript', 'javascript', 'csharp'], construct: ['SecretClient', 'KeyClient', 'CertificateClient'], when: 'noCredentialOrVariable' },
    { languages: ['python'], call: ['SecretClient', 'KeyClient', 'CertificateClient'], when: 'noCredentialOrVariable' },
    { languages: ['java'], call: ['credential'], receiver: ['SecretClientBuilder', 'KeyClientBuilder', 'CertificateClientBuilder'], when: 'noCredentialOrVariable' },
  ],
};
