import { EventHubProducerClient } from '@azure/event-hubs';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const connectionString =
  'Endpoint=sb://evh-orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM=;EntityPath=telemetry';

export async function sendTelemetry(readings: Array<{ deviceId: string; celsius: number }>): Promise<void> {
  const producer = new EventHubProducerClient(connectionString, 'telemetry');
  const batch = await producer.createBatch();
  for (const reading of readings) batch.tryAdd({ body: reading });
  await producer.sendBatch(batch);
  await producer.close();
}
