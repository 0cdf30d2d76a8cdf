import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

/** Both services share the SharedAccessKey format; a line that speaks of event hubs decides. */
export const eventHubContext = /event[-_ ]?hubs?/i;

export const secretServiceBusKey: SecretRule = {
  kind: 'secret',
  id: 'secret-service-bus-key',
  service: 'serviceBus',
  title: 'Service Bus shared access key',
  severity: 'error',
  languages: allLanguages,
  anchors: ['SharedAccessKey='],
  detect: (doc, offset, anchor) =>
    eventHubContext.test(doc.lineAround(offset))
      ? undefined
      : connectionSecretAt(doc, offset, anchor, {
          service: 'serviceBus',
          noun: 'Service Bus shared access key',
          advice: 'Rotate the key and use the namespace host name with DefaultAzureCredential.',
          base64MinLength: 20,
        }),
};
