import type { CodeRule } from './model';

export const cosmosKey: CodeRule = {
  kind: 'code',
  id: 'cosmos-key',
  service: 'cosmosDb',
  title: 'Cosmos DB client built from an account key or connection string',
  severity: 'warning',
  message:
    'This Cosmos DB client authenticates with the account key. Use the account endpoint with DefaultAzureCredential (JavaScript: aadCredentials) and a Cosmos DB data role assignment.',
  patterns: [
    { languages: ['typescript', 'javascript', 'csharp'], construct: ['CosmosClient'], when: 'noCredential' },
    { languages: ['csharp'], construct: ['CosmosClientBuilder'], when: 'noCredential' },
    { languages: ['python'], call: ['CosmosClient.from_connection_string'] },
    { languages: ['python'], call: ['CosmosClient'], when: 'noCredential' },
    { languages: ['java'], call: ['key'], receiver: ['CosmosClientBuilder'] },
    { languages: ['go'], call: ['azcosmos.NewClientWithKey', 'azcosmos.NewClientFromConnectionString', 'azcosmos.NewKeyCredential'] },
  ],
};
