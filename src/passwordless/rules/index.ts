/** The rule catalogue: every rule file, in priority order (earlier rules win when two report the same range). */
import { appConfigurationConnectionString } from './app-configuration-connection-string';
import { blobConnectionString } from './blob-connection-string';
import { clientSecretCredential } from './client-secret-credential';
import { configClientSecret } from './config-client-secret';
import { configCosmosKey } from './config-cosmos-key';
import { configOpenAIApiKey } from './config-openai-api-key';
import { configStorageAccountKey } from './config-storage-account-key';
import { cosmosKey } from './cosmos-key';
import { eventHubsConnectionString } from './event-hubs-connection-string';
import { keyVaultClientSecret } from './key-vault-client-secret';
import type { CodeRule, ConfigKeyRule, Rule, SecretRule } from './model';
import { openAIApiKey } from './openai-api-key';
import { postgresqlPassword } from './postgresql-password';
import { queueConnectionString } from './queue-connection-string';
import { secretAccountKeyLiteral } from './secret-account-key-literal';
import { secretAppConfiguration } from './secret-app-configuration';
import { secretCosmosAccountKey } from './secret-cosmos-account-key';
import { secretEntraClientSecret } from './secret-entra-client-secret';
import { secretEventHubsKey } from './secret-event-hubs-key';
import { secretPostgresqlPassword } from './secret-postgresql-password';
import { secretServiceBusKey } from './secret-service-bus-key';
import { secretSqlPassword } from './secret-sql-password';
import { secretStorageAccountKey } from './secret-storage-account-key';
import { secretStorageSas } from './secret-storage-sas';
import { serviceBusConnectionString } from './service-bus-connection-string';
import { sqlPassword } from './sql-password';
import { storageSharedKey } from './storage-shared-key';
import { tableConnectionString } from './table-connection-string';

export const codeRules: readonly CodeRule[] = [
  blobConnectionString,
  queueConnectionString,
  tableConnectionString,
  serviceBusConnectionString,
  eventHubsConnectionString,
  cosmosKey,
  appConfigurationConnectionString,
  keyVaultClientSecret,
  openAIApiKey,
  sqlPassword,
  postgresqlPassword,
  storageSharedKey,
  clientSecretCredential,
];

export const secretRules: readonly SecretRule[] = [
  secretStorageAccountKey,
  secretCosmosAccountKey,
  secretServiceBusKey,
  secretEventHubsKey,
  secretStorageSas,
  secretAppConfiguration,
  secretSqlPassword,
  secretPostgresqlPassword,
  secretEntraClientSecret,
  secretAccountKeyLiteral,
];

// Service-specific names first: "Cosmos:AccountKey" is a Cosmos DB key, though it ends like a storage account key's.
export const configKeyRules: readonly ConfigKeyRule[] = [configCosmosKey, configOpenAIApiKey, configStorageAccountKey, configClientSecret];

export const allRules: readonly Rule[] = [...codeRules, ...secretRules, ...configKeyRules];

export function ruleLanguages(rule: Rule): string[] {
  return rule.kind === 'code' ? [...new Set(rule.patterns.flatMap((p) => p.languages))] : [...rule.languages];
}
