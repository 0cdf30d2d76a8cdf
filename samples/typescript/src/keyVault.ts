import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const credential = new ClientSecretCredential(
  '3f9c2d1e-7a4b-4c8d-9e0f-1a2b3c4d5e6f',
  '5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b',
  'abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2',
);
const secrets = new SecretClient('https://kv-orders-prod.vault.azure.net', credential);

export async function smtpPassword(): Promise<string | undefined> {
  return (await secrets.getSecret('smtp-password')).value;
}
