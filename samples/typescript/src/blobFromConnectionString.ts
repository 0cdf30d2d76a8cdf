import { BlobServiceClient } from '@azure/storage-blob';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const connectionString =
  'DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net';

export async function listInvoices(): Promise<string[]> {
  const service = BlobServiceClient.fromConnectionString(connectionString);
  const container = service.getContainerClient('invoices');
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat()) names.push(blob.name);
  return names;
}
