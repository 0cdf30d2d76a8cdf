import { configLanguages } from '../languages';
import type { ConfigKeyRule } from './model';

export const configCosmosKey: ConfigKeyRule = {
  kind: 'config-key',
  id: 'config-cosmos-key',
  service: 'cosmosDb',
  title: 'Cosmos DB key setting',
  severity: 'error',
  languages: configLanguages,
  // COSMOS_KEY, CosmosDb:PrimaryKey, spring.cloud.azure.cosmos.key
  keyPattern: /cosmos[a-z0-9]{0,40}key$/,
  noun: 'a Cosmos DB key',
};
