import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

export const secretCosmosAccountKey: SecretRule = {
  kind: 'secret',
  id: 'secret-cosmos-account-key',
  service: 'cosmosDb',
  title: 'Cosmos DB account key in a connection string',
  severity: 'error',
  languages: allLanguages,
  anchors: ['AccountKey='],
  detect: (doc, offset, anchor) =>
    connectionSecretAt(doc, offset, anchor, {
      service: 'cosmosDb',
      noun: 'Cosmos DB account key',
      advice: 'Rotate the key and use the account endpoint with DefaultAzureCredential and a Cosmos DB data role.',
      requires: ['accountendpoint='],
      base64MinLength: 40,
    }),
};
