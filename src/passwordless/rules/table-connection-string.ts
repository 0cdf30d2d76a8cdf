import type { CodeRule } from './model';

export const tableConnectionString: CodeRule = {
  kind: 'code',
  id: 'table-connection-string',
  service: 'table',
  title: 'Table Storage client built from a connection string or account key',
  severity: 'warning',
  message:
    'This Table Storage client authenticates with a connection string or account key. Use the table endpoint (https://<account>.table.core.windows.net) with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript'], call: ['TableClient.fromConnectionString', 'TableServiceClient.fromConnectionString'] },
    { languages: ['typescript', 'javascript'], construct: ['TableClient', 'TableServiceClient'], when: 'noCredential' },
    { languages: ['python'], call: ['TableClient.from_connection_string', 'TableServiceClient.from_connection_string'] },
    { languages: ['csharp'], construct: ['TableClient', 'TableServiceClient'], when: 'noCredential' },
    { languages: ['java'], call: ['connectionString'], receiver: ['TableClientBuilder', 'TableServiceClientBuilder'] },
    { languages: ['go'], call: ['aztables.NewServiceClientFromConnectionString', 'aztables.NewServiceClientWithSharedKey', 'aztables.NewClientWithSharedKey'] },
  ],
};
