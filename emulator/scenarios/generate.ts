import type { ScenarioData } from './load.js';
import { stableGuid } from './load.js';

/**
 * A scenario for scale: N subscriptions × M identities, each subscription with a workload group (VM, web app,
 * container app, storage, key vault, service bus), identities attached to the workloads, a data role per identity and
 * a federated credential on every fifth identity. The default user owns every subscription.
 */
export interface GenerateOptions {
  subscriptions: number;
  identitiesPerSubscription: number;
  /** Tenants the subscriptions are spread over (default 1). */
  tenants?: number;
  /** Changes every generated GUID (default "scale"). */
  seed?: string;
}

const DATA_ROLES = ['Storage Blob Data Contributor', 'Key Vault Secrets User', 'Azure Service Bus Data Sender', 'Storage Queue Data Message Processor', 'Azure Service Bus Data Receiver'];

export function generateScenario(options: GenerateOptions): ScenarioData {
  const seed = options.seed ?? 'scale';
  const tenantCount = Math.max(1, options.tenants ?? 1);
  const defaultUser = stableGuid(`${seed}|user`);
  const tenants = Array.from({ length: tenantCount }, (_, t) => ({
    tenantId: stableGuid(`${seed}|tenant|${t}`),
    displayName: `Scale Tenant ${t + 1}`,
    defaultDomain: `scale${t + 1}.onmicrosoft.com`,
  }));
  const data: ScenarioData = {
    name: `generated ${options.subscriptions}x${options.identitiesPerSubscription}`,
    defaultUser,
    users: [{ objectId: defaultUser, displayName: 'Scale Tester', userPrincipalName: 'scale.tester@scale1.onmicrosoft.com', tenants: tenants.map((t) => t.tenantId) }],
    tenants,
    subscriptions: [],
    resourceGroups: [],
    resources: [],
    roleAssignments: [],
  };
  for (let s = 0; s < options.subscriptions; s++) {
    const subscriptionId = stableGuid(`${seed}|sub|${s}`);
    const sub = `/subscriptions/${subscriptionId}`;
    const n = String(s + 1).padStart(3, '0');
    data.subscriptions.push({ subscriptionId, tenantId: tenants[s % tenantCount].tenantId, displayName: `Scale Subscription ${n}`, state: 'Enabled' });
    data.roleAssignments.push({ scope: sub, role: 'Owner', principalId: defaultUser, principalType: 'User' });
    const identitiesRg = `${sub}/resourceGroups/rg-identities-${n}`;
    const appRg = `${sub}/resourceGroups/rg-app-${n}`;
    data.resourceGroups.push({ subscriptionId, name: `rg-identities-${n}`, location: 'eastus' }, { subscriptionId, name: `rg-app-${n}`, location: 'eastus' });
    const storage = `${appRg}/providers/Microsoft.Storage/storageAccounts/stscale${n}`;
    const vault = `${appRg}/providers/Microsoft.KeyVault/vaults/kv-scale-${n}`;
    const bus = `${appRg}/providers/Microsoft.ServiceBus/namespaces/sb-scale-${n}`;
    data.resources.push({ id: storage, location: 'eastus' }, { id: vault, location: 'eastus' }, { id: bus, location: 'eastus' });
    const targets = [storage, vault, bus, storage, bus];
    const identityIds: string[] = [];
    for (let i = 0; i < options.identitiesPerSubscription; i++) {
      const id = `${identitiesRg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-scale-${n}-${String(i + 1).padStart(3, '0')}`;
      identityIds.push(id);
      data.resources.push({ id, location: 'eastus', tags: { workload: `w${i % 7}` } });
      if (i % 5 === 0) {
        data.resources.push({ id: `${id}/federatedIdentityCredentials/github-main`, properties: { issuer: 'https://token.actions.githubusercontent.com', subject: `repo:contoso/scale-${n}:ref:refs/heads/main`, audiences: ['api://AzureADTokenExchange'] } });
      }
      data.roleAssignments.push({ scope: targets[i % targets.length], role: DATA_ROLES[i % DATA_ROLES.length], principal: id, principalType: 'ServicePrincipal' });
    }
    const attach = (count: number) => Object.fromEntries(identityIds.slice(0, count).map((id) => [id, {}]));
    const hasIdentities = identityIds.length > 0;
    const both = hasIdentities ? { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: attach(3) } : { type: 'SystemAssigned' };
    data.resources.push(
      { id: `${appRg}/providers/Microsoft.Compute/virtualMachines/vm-scale-${n}`, location: 'eastus', identity: both, properties: { hardwareProfile: { vmSize: 'Standard_B2s' } } },
      { id: `${appRg}/providers/Microsoft.Web/sites/app-scale-${n}`, location: 'eastus', kind: 'app,linux', identity: { type: 'SystemAssigned' } },
      { id: `${appRg}/providers/Microsoft.App/containerApps/ca-scale-${n}`, location: 'eastus', identity: hasIdentities ? { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: attach(2) } : { type: 'SystemAssigned' } },
    );
    data.roleAssignments.push({ scope: vault, role: 'Key Vault Secrets User', principal: `${appRg}/providers/Microsoft.Web/sites/app-scale-${n}`, principalType: 'ServicePrincipal' });
  }
  return data;
}
