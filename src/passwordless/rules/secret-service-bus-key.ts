import { connectionSecretAt } from '../scanner/connectionSecret';
import type { SecretDocument } from '../scanner/secretDocument';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

const eventHubs = /event[-_ ]?hubs?/i;
/** "ServiceBus" as a name, not in the namespace host (…servicebus.windows.net) that both services share. */
const serviceBus = /service[-_ ]?bus(?!\.)/i;

/**
 * Both services share the SharedAccessKey format. The string's own line decides when it names either service (Event
 * Hubs first: an Event Hubs namespace's host often says so); else the nearer of the two lines above that names one
 * (`"EventHubs": {` over `"ConnectionString": …`); else Service Bus.
 */
export function isEventHubsKey(doc: SecretDocument, offset: number): boolean {
  const line = doc.lineAround(offset);
  if (eventHubs.test(line)) return true;
  if (serviceBus.test(line)) return false;
  for (const above of doc.linesAbove(offset, 2)) {
    if (eventHubs.test(above)) return true;
    if (serviceBus.test(above)) return false;
  }
  return false;
}

export const secretServiceBusKey: SecretRule = {
  kind: 'secret',
  id: 'secret-service-bus-key',
  service: 'serviceBus',
  title: 'Service Bus shared access key',
  severity: 'error',
  languages: allLanguages,
  anchors: ['SharedAccessKey='],
  detect: (doc, offset, anchor) =>
    isEventHubsKey(doc, offset)
      ? undefined
      : connectionSecretAt(doc, offset, anchor, {
          service: 'serviceBus',
          noun: 'Service Bus shared access key',
          advice: 'Rotate the key and use the namespace host name with DefaultAzureCredential.',
          base64MinLength: 20,
        }),
};
