import { QueueServiceClient } from '@azure/storage-queue';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const connectionString = process.env.STORAGE_CONNECTION_STRING ??
  'DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net';

export async function enqueueResize(imageName: string): Promise<void> {
  const queue = QueueServiceClient.fromConnectionString(connectionString).getQueueClient('resize-requests');
  await queue.sendMessage(Buffer.from(JSON.stringify({ imageName })).toString('base64'));
}
