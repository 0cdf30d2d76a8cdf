import { isCloudName, type CloudName } from './clouds';

/** The cloud-related settings as the user wrote them (undefined = not set anywhere). */
export interface CloudSettings {
  cloud?: string;
  emulatorEndpoint?: string;
  emulatorCaPath?: string;
}

export interface CloudSelection {
  name: CloudName;
  /** Present for the Emulator cloud: where it listens and the PEM file of its CA (may be absent: system trust). */
  emulator?: { endpoint: string; caPath?: string };
}

/**
 * Decides the cloud: an explicit keyless.cloud setting wins; otherwise KEYLESS_ARM_ENDPOINT (or an emulator endpoint
 * setting) selects the Emulator, so tests and the demo take the production code path; otherwise Azure (global).
 * Emulator settings override the environment variables field by field.
 */
export function selectCloud(settings: CloudSettings, env: NodeJS.ProcessEnv): CloudSelection {
  const endpoint = nonEmpty(settings.emulatorEndpoint) ?? nonEmpty(env.KEYLESS_ARM_ENDPOINT);
  const caPath = nonEmpty(settings.emulatorCaPath) ?? nonEmpty(env.KEYLESS_ARM_CA);
  const explicit = nonEmpty(settings.cloud);
  if (explicit !== undefined && !isCloudName(explicit)) {
    throw new Error(`Unknown cloud "${explicit}" in keyless.cloud; expected one of AzureCloud, AzureChinaCloud, AzureUSGovernment, Emulator.`);
  }
  const name: CloudName = explicit ?? (endpoint ? 'Emulator' : 'AzureCloud');
  if (name !== 'Emulator') return { name };
  if (!endpoint) {
    throw new Error('The Emulator cloud is selected but has no endpoint: set keyless.emulator.endpoint or KEYLESS_ARM_ENDPOINT.');
  }
  return { name, emulator: { endpoint, ...(caPath ? { caPath } : {}) } };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
