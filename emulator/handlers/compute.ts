import type { ResourceTypeBehaviour } from './catalog.js';

/** Compute resources that carry managed identities; writes to VMs, scale sets and container apps are long-running. */
/** VMs and scale sets: long-running writes, spaced spelling, and a stable id of their own (vmId / uniqueId). */
function computeType(type: string, idProperty: string): ResourceTypeBehaviour {
  return {
    type,
    apiVersions: ['2024-11-01', '2024-07-01', '2024-03-01', '2023-09-01', '2023-07-01', '2023-03-01'],
    tracked: true,
    identity: 'spaced',
    lro: { put: 'created201', patch: 'ok200', delete: true },
    decorate(env, resource, existing) {
      const id = (existing?.properties?.[idProperty] as string | undefined) ?? env.newGuid(`${resource.id}#${idProperty}`);
      resource.properties = { ...resource.properties, [idProperty]: id };
    },
  };
}

export const COMPUTE_TYPES: ResourceTypeBehaviour[] = [
  computeType('Microsoft.Compute/virtualMachines', 'vmId'),
  computeType('Microsoft.Compute/virtualMachineScaleSets', 'uniqueId'),
  {
    type: 'Microsoft.Web/sites',
    apiVersions: ['2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01', '2022-03-01'],
    tracked: true,
    identity: 'spaced',
    decorate(_env, resource) {
      resource.kind ??= 'app';
      const host = `${resource.name.toLowerCase()}.azurewebsites.net`;
      resource.properties = { state: 'Running', enabledHostNames: [host, `${resource.name.toLowerCase()}.scm.azurewebsites.net`], ...resource.properties, defaultHostName: host };
    },
  },
  {
    type: 'Microsoft.Web/serverfarms',
    apiVersions: ['2024-04-01', '2023-12-01', '2023-01-01', '2022-09-01'],
    tracked: true,
  },
  {
    type: 'Microsoft.App/containerApps',
    apiVersions: ['2025-01-01', '2024-03-01', '2023-05-01', '2022-10-01'],
    tracked: true,
    identity: 'compact',
    lro: { put: 'created201', patch: 'accepted202', delete: true },
    decorate(_env, resource) {
      const region = (resource.location ?? 'eastus').toLowerCase().replace(/\s+/g, '');
      const fqdn = `${resource.name.toLowerCase()}.happyfield-1a2b3c4d.${region}.azurecontainerapps.io`;
      resource.properties = { runningStatus: 'Running', ...resource.properties, latestRevisionFqdn: fqdn };
    },
  },
  {
    type: 'Microsoft.App/managedEnvironments',
    apiVersions: ['2025-01-01', '2024-03-01', '2023-05-01'],
    tracked: true,
    lro: { put: 'created201', delete: true },
  },
];
