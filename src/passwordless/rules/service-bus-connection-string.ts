import type { CodeRule } from './model';

export const serviceBusConnectionString: CodeRule = {
  kind: 'code',
  id: 'service-bus-connection-string',
  service: 'serviceBus',
  title: 'Service Bus client built from a connection string',
  severity: 'warning',
  message:
    'This Service Bus client authenticates with a shared access key. Use the namespace host name (<namespace>.servicebus.windows.net) with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript', 'csharp'], construct: ['ServiceBusClient', 'ServiceBusAdministrationClient'], when: 'noCredential' },
    { languages: ['python'], call: ['ServiceBusClient.from_connection_string', 'ServiceBusAdministrationClient.from_connection_string'] },
    { languages: ['java'], call: ['connectionString'], receiver: ['ServiceBusClientBuilder', 'ServiceBusAdministrationClientBuilder'] },
    { languages: ['go'], call: ['azservicebus.NewClientFromConnectionString', 'admin.NewClientFromConnectionString'] },
  ],
};
