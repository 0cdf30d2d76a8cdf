import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { AzureSession } from '../../../src/azure-vscode/session';
import { Config } from '../../../src/config';
import { createLog } from '../../../src/log';
import { IdentitiesTreeProvider } from '../../../src/tree/identitiesTreeProvider';
import { emulatorEndpoint, emulatorStats, served } from '../support/emulator';
import { activateKeyless, labelOf, MemoryMemento } from '../support/keyless';

describe('The identities tree against the Emulator cloud', () => {
  const log = createLog('Keyless e2e');
  const config = new Config();
  let session: AzureSession;
  let tree: IdentitiesTreeProvider;

  before(async () => {
    await activateKeyless();
    session = new AzureSession(config, log, new MemoryMemento());
    await session.restore();
    tree = new IdentitiesTreeProvider(session, config, log);
  });

  it('selects the Emulator cloud from KEYLESS_ARM_ENDPOINT and KEYLESS_ARM_CA', () => {
    const { url, caPath } = emulatorEndpoint();
    assert.deepEqual(config.cloudSelection(), { name: 'Emulator', emulator: { endpoint: url, caPath } });
    assert.equal(session.signedIn, true);
  });

  it('lists the demo subscriptions, and the MFA-blocked Woodgrove tenant as a failure', async () => {
    const labels = (await tree.getChildren()).map((node) => labelOf(tree.getTreeItem(node)));
    for (const name of ['Contoso Production', 'Contoso Development', 'Fabrikam Sandbox']) {
      assert.ok(labels.includes(name), `"${name}" missing from ${JSON.stringify(labels)}`);
    }
    assert.ok(labels.some((label) => label.startsWith('Woodgrove')), `no Woodgrove row in ${JSON.stringify(labels)}`);
    assert.equal(labels.length, 4);
  });

  it('fetches the listing from the emulator again after a refresh', async () => {
    const before = await emulatorStats();
    session.reset('test refresh');
    await tree.getChildren();
    const after = await emulatorStats();
    assert.ok(served(before, after, 'GET tenants.list') >= 1, `tenants.list not served: ${JSON.stringify(after.byOperation)}`);
    assert.ok(served(before, after, 'GET subscriptions.list') >= 1, 'subscriptions.list not served');
  });
});
