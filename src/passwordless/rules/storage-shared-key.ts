import type { CodeRule } from './model';

export const storageSharedKey: CodeRule = {
  kind: 'code',
  id: 'storage-shared-key',
  service: 'blob',
  title: 'Storage shared-key credential',
  severity: 'warning',
  message: 'This credential signs requests with the storage account key. Pass DefaultAzureCredential to the client instead.',
  patterns: [
    { languages: ['typescript', 'javascript', 'java'], construct: ['StorageSharedKeyCredential', 'AzureNamedKeyCredential'] },
    { languages: ['csharp'], construct: ['StorageSharedKeyCredential', 'TableSharedKeyCredential', 'AzureNamedKeyCredential'] },
    { languages: ['python'], call: ['AzureNamedKeyCredential'] },
    { languages: ['go'], call: ['azblob.NewSharedKeyCredential', 'azqueue.NewSharedKeyCredential', 'aztables.NewSharedKeyCredential'] },
  ],
};
