import { ServiceBusClient } from '@azure/service-bus';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const connectionString =
  'Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OBFBdQABT28Z6QOEAIV9VJC5kpVmUzr9oJ7/beay9GE=';

export async function publishOrder(order: { id: string; total: number }): Promise<void> {
  const client = new ServiceBusClient(connectionString);
  const sender = client.createSender('orders');
  try {
    await sender.sendMessages({ body: order, messageId: order.id });
  } finally {
    await client.close();
  }
}
