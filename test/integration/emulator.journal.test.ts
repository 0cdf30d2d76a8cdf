import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import type { RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, DEMO, mintToken, tokenFor } from '../../emulator/testing.js';
import { withEmulator } from './graph.harness.js';

const PROD = DEMO.subscription('Contoso Production');
const TENANT = DEMO.tenant('Contoso');
const credential = tokenFor({ oid: DEMO.developer.oid, tid: TENANT });
const msiOf = (emulator: RunningEmulator) => new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator));

describe('emulator: the request journal benchmarks replay', () => {
  it('keeps each request as sent (method, URL, body, tenant) and never its token', () =>
    withEmulator({ journal: true }, async (emulator) => {
      const msi = msiOf(emulator);
      await msi.userAssignedIdentities.get('rg-identities', 'id-orders-api');
      await msi.userAssignedIdentities.createOrUpdate('rg-identities', 'id-journaled', { location: 'eastus', tags: { team: 'a' } });
      const [read, write] = emulator.journal();
      assert.equal(emulator.journal().length, 2);
      assert.equal(read.method, 'GET');
      assert.match(read.url, /\/resourceGroups\/rg-identities\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/id-orders-api\?api-version=/);
      assert.equal(read.body, undefined);
      assert.equal(write.method, 'PUT');
      assert.deepEqual(write.body, { location: 'eastus', tags: { team: 'a' } });
      assert.equal(write.tenantId, TENANT);
      const token = mintToken({ oid: DEMO.developer.oid, tid: TENANT }).token;
      const kept = JSON.stringify(emulator.journal());
      assert.ok(!/bearer|authorization/i.test(kept) && !kept.includes(token.split('.')[1]), 'no token or header in the journal');

      emulator.resetStats();
      assert.deepEqual(emulator.journal(), []);
    }));

  it('keeps nothing unless asked', () =>
    withEmulator({}, async (emulator) => {
      await msiOf(emulator).userAssignedIdentities.get('rg-identities', 'id-orders-api');
      assert.equal(emulator.stats().total, 1);
      assert.deepEqual(emulator.journal(), []);
    }));

  it('changes its response time while running', () =>
    withEmulator({}, async (emulator) => {
      emulator.setLatency(60);
      const started = performance.now();
      await msiOf(emulator).userAssignedIdentities.get('rg-identities', 'id-orders-api');
      assert.ok(performance.now() - started >= 60);
    }));
});
