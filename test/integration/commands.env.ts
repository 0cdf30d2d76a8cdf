// Shared setup for the commands integration tests: the demo emulator, an AzureAccess signed in as a demo user, and
// flows driven by scripted answers. Not a test file itself (no .test.ts suffix).
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index';
import { DEMO } from '../../emulator/testing';
import { cloudFor, createAzureAccess, createEmulatorCredentialFactory, type AzureAccess } from '../../src/azure/index';
import type { FlowEnv, FlowSubscription } from '../../src/wizard/flows/common';
import { ScriptedUserInput, type ScriptedAnswer } from '../../src/wizard/scriptedUserInput';

export const CONTOSO = DEMO.tenant('Contoso');
export const PROD = DEMO.subscription('Contoso Production');
export const PROD_SUB: FlowSubscription = { subscriptionId: PROD, tenantId: CONTOSO, displayName: 'Contoso Production' };
export const RG_IDS = `/subscriptions/${PROD}/resourceGroups/rg-identities`;
export const RG_APP = `/subscriptions/${PROD}/resourceGroups/rg-orders-prod`;
export const IDENTITY = (name: string) => `${RG_IDS}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
export const VM = `${RG_APP}/providers/Microsoft.Compute/virtualMachines/vm-orders-01`;
export const VMSS = `${RG_APP}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-orders`;
export const WEB = `${RG_APP}/providers/Microsoft.Web/sites/app-orders-web`;
export const CONTAINER_APP = `${RG_APP}/providers/Microsoft.App/containerApps/ca-orders-api`;
export const STORAGE = `${RG_APP}/providers/Microsoft.Storage/storageAccounts/stordersprod01`;
export const COSMOS = `${RG_APP}/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-orders-prod`;

export interface CommandsHarness {
  emulator: RunningEmulator;
  access(user?: string): AzureAccess;
  env(answers: ScriptedAnswer[], user?: string): FlowEnv & { ui: ScriptedUserInput };
  /** Write requests (PUT/PATCH/DELETE) the emulator has answered since the last resetStats(). */
  writes(): Record<string, number>;
  stop(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<CommandsHarness> {
  const emulator = await startEmulator({ scenario: 'demo', ...options });
  const cloud = await cloudFor('Emulator', { endpoint: emulator.url, ca: emulator.ca });
  const accesses = new Map<string, AzureAccess>();
  const access = (user = 'Alex Developer') => {
    let found = accesses.get(user);
    if (!found) {
      found = createAzureAccess({ cloud, credentialFactory: createEmulatorCredentialFactory({ oid: DEMO.user(user).oid, name: user }) });
      accesses.set(user, found);
    }
    return found;
  };
  return {
    emulator,
    access,
    env: (answers, user) => ({ access: access(user), ui: new ScriptedUserInput(answers), tuning: { intervalInMs: 1, retryDelaysMs: [50, 100, 200, 400, 800, 1600] } }),
    writes() {
      const byOperation = emulator.stats().byOperation;
      return Object.fromEntries(Object.entries(byOperation).filter(([op]) => /^(PUT|PATCH|DELETE) /.test(op)));
    },
    async stop() {
      for (const a of accesses.values()) a.dispose();
      await emulator.stop();
    },
  };
}
