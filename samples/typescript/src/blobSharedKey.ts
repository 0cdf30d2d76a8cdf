import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

const account = 'stordersprod01';
// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const accountKey = 'NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ==';

export function uploadsContainer() {
  const credential = new StorageSharedKeyCredential(account, accountKey);
  const service = new BlobServiceClient(`https://${account}.blob.core.windows.net`, credential);
  return service.getContainerClient('uploads');
}
