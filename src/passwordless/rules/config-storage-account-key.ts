import { configLanguages } from '../languages';
import type { ConfigKeyRule } from './model';

export const configStorageAccountKey: ConfigKeyRule = {
  kind: 'config-key',
  id: 'config-storage-account-key',
  service: 'blob',
  title: 'Storage account key setting',
  severity: 'error',
  languages: configLanguages,
  // AZURE_STORAGE_KEY, StorageAccountKey, spring.cloud.azure.storage.blob.account-key
  keyPattern: /(accountkey|storagekey|storageaccesskey)$/,
  noun: 'a storage account key',
};
