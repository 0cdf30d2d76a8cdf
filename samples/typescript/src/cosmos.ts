import { CosmosClient } from '@azure/cosmos';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const cosmos = new CosmosClient({
  endpoint: 'https://cosmos-orders-prod.documents.azure.com:443/',
  key: 'KvMdu4+rq/hQ/K/fReEOV9U6HBX+Cka8qdyw8biG5ZwzKTb7sKN9fBWI/nT7/N0s6G0BD47vLpq2IuxgRJxl6w==',
});

export async function readProduct(id: string) {
  const { resource } = await cosmos.database('catalog').container('products').item(id, id).read();
  return resource;
}
