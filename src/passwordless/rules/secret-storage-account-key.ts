import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

export const secretStorageAccountKey: SecretRule = {
  kind: 'secret',
  id: 'secret-storage-account-key',
  service: 'blob',
  title: 'Storage account key in a connection string',
  severity: 'error',
  languages: allLanguages,
  anchors: ['AccountKey='],
  detect: (doc, offset, anchor) =>
    connectionSecretAt(doc, offset, anchor, {
      service: 'blob',
      noun: 'Storage account key',
      advice: 'Rotate the key and use the account endpoint with DefaultAzureCredential.',
      excludes: ['accountendpoint=', 'documents.azure.com'],
      base64MinLength: 40,
    }),
};
