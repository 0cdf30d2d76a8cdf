import { AppConfigurationClient } from '@azure/app-configuration';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const client = new AppConfigurationClient(
  'Endpoint=https://appcs-orders-prod.azconfig.io;Id=Xq7u-l0-s0:Rk2vYp8wQm4nTz6aB1cD;Secret=cds4prriYKyZe8zrtKP0hYKlR1Cx6moNHq4F5AmXllY=',
);

export async function featureFlag(name: string): Promise<string | undefined> {
  const setting = await client.getConfigurationSetting({ key: `.appconfig.featureflag/${name}` });
  return setting.value;
}
