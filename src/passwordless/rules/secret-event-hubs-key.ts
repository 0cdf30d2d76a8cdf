import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';
import { isEventHubsKey } from './secret-service-bus-key';

export const secretEventHubsKey: SecretRule = {
  kind: 'secret',
  id: 'secret-event-hubs-key',
  service: 'eventHubs',
  title: 'Event Hubs shared access key',
  severity: 'error',
  languages: allLanguages,
  anchors: ['SharedAccessKey='],
  detect: (doc, offset, anchor) =>
    isEventHubsKey(doc, offset)
      ? connectionSecretAt(doc, offset, anchor, {
          service: 'eventHubs',
          noun: 'Event Hubs shared access key',
          advice: 'Rotate the key and use the namespace host name and hub name with DefaultAzureCredential.',
          base64MinLength: 20,
        })
      : undefined,
};
