/** Azure portal links per cloud; the local emulator has no portal. */
const PORTALS: Record<string, string> = {
  AzureCloud: 'https://portal.azure.com',
  AzureChinaCloud: 'https://portal.azure.cn',
  AzureUSGovernment: 'https://portal.azure.us',
};

/** The portal page of a resource (or subscription) id, in its tenant's directory; undefined when the cloud has no portal. */
export function portalUrl(cloudName: string, resourceId: string, tenantId?: string): string | undefined {
  const portal = PORTALS[cloudName];
  if (!portal) return undefined;
  const id = resourceId.startsWith('/') ? resourceId : `/${resourceId}`;
  return `${portal}/#${tenantId ? `@${tenantId}` : ''}/resource${id}/overview`;
}

/** The line a developer pastes into .env / app settings so DefaultAzureCredential picks this identity. */
export function clientIdEnvironmentLine(clientId: string): string {
  return `AZURE_CLIENT_ID=${clientId}`;
}
