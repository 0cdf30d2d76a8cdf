import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { sharedAccessKey } from '../fixtures/passwordless/model';

// FAKE keys (the fixtures' shapes). Event Hubs and Service Bus connection strings look alike: both hosts are
// <namespace>.servicebus.windows.net; what the file says around the string tells which service it is for.
const connection = (namespace: string) => `Endpoint=sb://${namespace}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${sharedAccessKey}`;
const services = async (text: string, fileName: string) => (await scanDocument({ text, fileName })).map((f) => `${f.ruleId} ${f.service}`);

describe('Event Hubs or Service Bus shared access keys', () => {
  it('reads the section a JSON setting sits in', async () => {
    const text = `{\n  "EventHubs": {\n    "ConnectionString": "${connection('telemetry')};EntityPath=readings"\n  },\n  "Orders": {\n    "ConnectionString": "${connection('orders')}"\n  }\n}\n`;
    assert.deepEqual(await services(text, 'appsettings.json'), ['secret-event-hubs-key eventHubs', 'secret-service-bus-key serviceBus']);
  });

  it('lets a line that names its service decide over the line above it', async () => {
    const text = `EVENTHUB_CONNECTION=${connection('telemetry')}\nSERVICEBUS_CONNECTION=${connection('orders')}\n`;
    assert.deepEqual(await services(text, '.env'), ['secret-event-hubs-key eventHubs', 'secret-service-bus-key serviceBus']);
  });

  it('takes a key for Service Bus when nothing nearby names a service (the host is shared)', async () => {
    const text = `# three lines up: Event Hubs\n\n\nCONNECTION=${connection('shared')}\n`;
    assert.deepEqual(await services(text, '.env'), ['secret-service-bus-key serviceBus']);
  });
});
