import { configLanguages } from '../languages';
import type { ConfigKeyRule } from './model';

export const configClientSecret: ConfigKeyRule = {
  kind: 'config-key',
  id: 'config-client-secret',
  service: 'clientSecret',
  title: 'Microsoft Entra client secret setting',
  severity: 'error',
  languages: configLanguages,
  // AZURE_CLIENT_SECRET, AzureAd:ClientSecret, spring.cloud.azure.credential.client-secret
  keyPattern: /clientsecret$/,
  noun: 'a client secret',
};
