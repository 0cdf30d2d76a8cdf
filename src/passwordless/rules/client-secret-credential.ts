import type { CodeRule } from './model';

export const clientSecretCredential: CodeRule = {
  kind: 'code',
  id: 'client-secret-credential',
  service: 'clientSecret',
  title: 'Client-secret credential',
  severity: 'warning',
  message:
    'This credential signs in with an app registration client secret. Use DefaultAzureCredential: a managed identity in Azure (AZURE_CLIENT_ID for a user-assigned one), your own sign-in locally.',
  patterns: [
    { languages: ['typescript', 'javascript', 'csharp'], construct: ['ClientSecretCredential'] },
    { languages: ['python'], call: ['ClientSecretCredential'] },
    { languages: ['java'], construct: ['ClientSecretCredentialBuilder'] },
    { languages: ['go'], call: ['azidentity.NewClientSecretCredential'] },
  ],
};
