import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { cloudFor, createAzureAccess, createEmulatorCredentialFactory, type AzureAccess } from '../../src/azure/index';

const WOODGROVE = 'c4d8e2f6-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

describe('Azure access against the emulator demo scenario', () => {
  let emulator: RunningEmulator;
  let access: AzureAccess;

  before(async () => {
    emulator = await startEmulator({ scenario: 'demo' });
    const cloud = await cloudFor('Emulator', { endpoint: emulator.url, ca: emulator.ca });
    access = createAzureAccess({ cloud, credentialFactory: createEmulatorCredentialFactory() });
  });
  after(async () => {
    access?.dispose();
    await emulator?.stop();
  });

  it('lists the Contoso and Fabrikam subscriptions and reports Woodgrove as a failed tenant with its reason', async () => {
    const listing = await access.listSubscriptions();
    assert.deepEqual(
      listing.subscriptions.map((s) => [s.displayName, s.tenantName]),
      [
        ['Contoso Development', 'Contoso'],
        ['Contoso Production', 'Contoso'],
        ['Fabrikam Sandbox', 'Fabrikam'],
      ],
    );
    assert.equal(listing.failedTenants.length, 1);
    const [woodgrove] = listing.failedTenants;
    assert.equal(woodgrove.tenantId, WOODGROVE);
    assert.equal(woodgrove.displayName, 'Woodgrove');
    assert.equal(woodgrove.signInRequired, true);
    assert.match(woodgrove.reason, /^AADSTS50076: .*multi-factor authentication/);
  });

  it('lists every tenant the account belongs to, Woodgrove included', async () => {
    const names = (await access.listTenants()).map((t) => t.displayName).sort();
    assert.deepEqual(names, ['Contoso', 'Fabrikam', 'Woodgrove']);
  });

  it('builds each subscription client once and reaches the subscription with its tenant credential', async () => {
    const { subscriptions } = await access.listSubscriptions();
    const production = subscriptions.find((s) => s.displayName === 'Contoso Production')!;
    const first = await access.msiClient(production);
    assert.equal(await access.msiClient(production), first);
    const identities = [];
    for await (const identity of first.userAssignedIdentities.listBySubscription()) identities.push(identity);
    assert.ok(identities.length > 0, 'Contoso Production has user-assigned identities in the demo');
    const groups = [];
    for await (const group of (await access.resourcesClient(production)).resourceGroups.list()) groups.push(group.name);
    assert.ok(groups.length > 0);
  });
});
