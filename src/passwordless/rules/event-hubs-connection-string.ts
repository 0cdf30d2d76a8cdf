import type { CodeRule } from './model';

export const eventHubsConnectionString: CodeRule = {
  kind: 'code',
  id: 'event-hubs-connection-string',
  service: 'eventHubs',
  title: 'Event Hubs client built from a connection string',
  severity: 'warning',
  message:
    'This Event Hubs client authenticates with a shared access key. Use the namespace host name (<namespace>.servicebus.windows.net) and the hub name with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript'], construct: ['EventHubProducerClient', 'EventHubConsumerClient'], when: 'noCredential' },
    { languages: ['python'], call: ['EventHubProducerClient.from_connection_string', 'EventHubConsumerClient.from_connection_string'] },
    {
      languages: ['csharp'],
      construct: ['EventHubProducerClient', 'EventHubConsumerClient', 'EventProcessorClient', 'EventHubBufferedProducerClient'],
      when: 'noCredential',
    },
    { languages: ['java'], call: ['connectionString'], receiver: ['EventHubClientBuilder', 'EventProcessorClientBuilder'] },
    { languages: ['go'], call: ['azeventhubs.NewProducerClientFromConnectionString', 'azeventhubs.NewConsumerClientFromConnectionString'] },
  ],
};
