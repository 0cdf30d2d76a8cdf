import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

export const secretAppConfiguration: SecretRule = {
  kind: 'secret',
  id: 'secret-app-configuration',
  service: 'appConfiguration',
  title: 'App Configuration access key',
  severity: 'error',
  languages: allLanguages,
  anchors: ['Secret='],
  detect: (doc, offset, anchor) =>
    connectionSecretAt(doc, offset, anchor, {
      service: 'appConfiguration',
      noun: 'App Configuration access key',
      advice: 'Regenerate the key and use the store endpoint with DefaultAzureCredential.',
      requires: ['.azconfig.io'],
      base64MinLength: 20,
    }),
};
