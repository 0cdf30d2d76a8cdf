/** The Azure clouds Keyless can sign in to, reduced to what ARM clients and sign-in need. Never imports vscode. */

export const CLOUD_NAMES = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Emulator'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export interface AzureCloud {
  name: CloudName;
  /** ARM endpoint without a trailing slash, e.g. "https://management.azure.com". */
  resourceManagerEndpoint: string;
  /** The token scope every ARM client asks for: `${resourceManagerEndpoint}/.default`. */
  credentialScope: string;
  /** Microsoft Entra authority host, e.g. "https://login.microsoftonline.com". Absent for the Emulator. */
  authorityHost?: string;
  /** PEM of the certificate authority to trust for this cloud only (the Emulator's self-signed CA). */
  ca?: string;
}

export interface EmulatorEndpoint {
  endpoint: string;
  /** PEM text of the emulator's CA certificate. */
  ca: string;
}

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && (CLOUD_NAMES as readonly string[]).includes(value);
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function describe(name: CloudName, resourceManager: string, authority?: string, ca?: string): AzureCloud {
  const resourceManagerEndpoint = withoutTrailingSlash(resourceManager);
  return {
    name,
    resourceManagerEndpoint,
    credentialScope: `${resourceManagerEndpoint}/.default`,
    ...(authority ? { authorityHost: withoutTrailingSlash(authority) } : {}),
    ...(ca ? { ca } : {}),
  };
}

/**
 * Endpoints of a cloud: the public and sovereign clouds come from @azure/ms-rest-azure-env (a few KiB, loaded here
 * on first use), the Emulator from its endpoint and CA.
 */
export async function cloudFor(name: CloudName, emulator?: EmulatorEndpoint): Promise<AzureCloud> {
  if (name === 'Emulator') {
    if (!emulator?.endpoint) {
      throw new Error('The Emulator cloud needs an endpoint: set keyless.emulator.endpoint or KEYLESS_ARM_ENDPOINT.');
    }
    const url = new URL(emulator.endpoint);
    if (url.protocol !== 'https:') throw new Error(`The emulator endpoint must use https (got ${url.protocol}).`);
    return describe('Emulator', url.origin, undefined, emulator.ca);
  }
  const { Environment } = await import('@azure/ms-rest-azure-env');
  const environment = {
    AzureCloud: Environment.AzureCloud,
    AzureChinaCloud: Environment.ChinaCloud,
    AzureUSGovernment: Environment.USGovernment,
  }[name];
  return describe(name, environment.resourceManagerEndpointUrl, environment.activeDirectoryEndpointUrl);
}

/** For input boxes and settings: undefined when the URL can serve as an emulator endpoint, else what is wrong. */
export function validateEmulatorEndpoint(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter a URL such as https://127.0.0.1:4443';
  }
  if (url.protocol !== 'https:') return 'The emulator must be reached over https (Azure SDKs refuse to send tokens over http).';
  if (!url.port && url.hostname === '127.0.0.1') return 'Add the port the emulator listens on.';
  return undefined;
}
