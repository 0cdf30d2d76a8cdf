import type { CodeRule } from './model';

export const queueConnectionString: CodeRule = {
  kind: 'code',
  id: 'queue-connection-string',
  service: 'queue',
  title: 'Queue Storage client built from a connection string',
  severity: 'warning',
  message:
    'This Queue Storage client authenticates with a connection string. Use the queue URL (https://<account>.queue.core.windows.net/<queue>) with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript'], call: ['QueueServiceClient.fromConnectionString', 'QueueClient.fromConnectionString'] },
    { languages: ['typescript', 'javascript'], construct: ['QueueClient'], when: 'noCredential' },
    { languages: ['python'], call: ['QueueClient.from_connection_string', 'QueueServiceClient.from_connection_string'] },
    { languages: ['csharp'], construct: ['QueueClient', 'QueueServiceClient'], when: 'noCredential' },
    { languages: ['java'], call: ['connectionString'], receiver: ['QueueClientBuilder', 'QueueServiceClientBuilder'] },
    {
      languages: ['go'],
      call: [
        'azqueue.NewQueueClientFromConnectionString',
        'azqueue.NewServiceClientFromConnectionString',
        'azqueue.NewQueueClientWithSharedKeyCredential',
        'azqueue.NewServiceClientWithSharedKeyCredential',
      ],
    },
  ],
};
