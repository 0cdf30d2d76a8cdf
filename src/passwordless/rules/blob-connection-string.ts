import type { CodeRule } from './model';

export const blobConnectionString: CodeRule = {
  kind: 'code',
  id: 'blob-connection-string',
  service: 'blob',
  title: 'Blob Storage client built from a connection string or account key',
  severity: 'warning',
  message:
    'This Blob Storage client authenticates with an account key or connection string. Use the account URL (https://<account>.blob.core.windows.net) with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript'], call: ['BlobServiceClient.fromConnectionString'] },
    // new ContainerClient(cs, container) and the blob clients' (cs, container, blob) overloads.
    {
      languages: ['typescript', 'javascript'],
      construct: ['BlobServiceClient', 'ContainerClient', 'BlobClient', 'BlockBlobClient', 'AppendBlobClient', 'PageBlobClient'],
      when: 'noCredential',
    },
    { languages: ['python'], call: ['BlobServiceClient.from_connection_string', 'ContainerClient.from_connection_string', 'BlobClient.from_connection_string'] },
    { languages: ['python'], call: ['BlobServiceClient', 'ContainerClient', 'BlobClient'], when: 'noCredential' },
    { languages: ['csharp'], construct: ['BlobServiceClient', 'BlobContainerClient', 'BlobClient'], when: 'noCredential' },
    { languages: ['java'], call: ['connectionString'], receiver: ['BlobServiceClientBuilder', 'BlobContainerClientBuilder', 'BlobClientBuilder'] },
    {
      languages: ['go'],
      call: [
        'azblob.NewClientFromConnectionString',
        'azblob.NewClientWithSharedKeyCredential',
        // azblob's sub-packages have their own connection-string constructors.
        'service.NewClientFromConnectionString',
        'container.NewClientFromConnectionString',
        'blob.NewClientFromConnectionString',
        'blockblob.NewClientFromConnectionString',
        'appendblob.NewClientFromConnectionString',
        'pageblob.NewClientFromConnectionString',
      ],
    },
  ],
};
