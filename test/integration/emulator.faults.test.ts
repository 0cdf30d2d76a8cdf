import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { RestError } from '@azure/core-rest-pipeline';
import { startEmulator, type FaultOptions } from '../../emulator/index.js';
import { clientOptionsFor, DEMO, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const credential = tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Contoso') });
const GET = 'GET userAssignedIdentities.get';

/** Ten identity reads through the real SDK pipeline (its default retry policy) against an emulator with faults. */
async function readTenTimes(faults: FaultOptions) {
  const emulator = await startEmulator({ faults });
  try {
    const msi = new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator, { retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 5 } }));
    for (let i = 0; i < 10; i++) assert.equal((await msi.userAssignedIdentities.get('rg-identities', 'id-orders-api')).name, 'id-orders-api');
    return emulator.stats().byOperation[GET];
  } finally {
    await emulator.stop();
  }
}

describe('emulator: injected faults the SDK must ride out', () => {
  it('answers 429 with Retry-After, which the SDK retries until every read succeeds', async () => {
    const requests = await readTenTimes({ throttleRate: 0.3, retryAfterSeconds: 0, seed: 7 });
    assert.ok(requests > 10, `expected retried requests beyond the 10 reads, got ${requests}`);
  });

  it('answers 503, which the SDK retries with backoff until every read succeeds', async () => {
    const requests = await readTenTimes({ serverErrorRate: 0.3, seed: 11 });
    assert.ok(requests > 10, `expected retried requests beyond the 10 reads, got ${requests}`);
  });

  it('drops connections, which the SDK retries as network errors', async () => {
    const requests = await readTenTimes({ dropRate: 0.2, seed: 5 });
    assert.ok(requests > 10, `expected retried requests beyond the 10 reads, got ${requests}`);
  });

  it('surfaces a 429 with its code once the SDK’s retries are spent', async () => {
    const emulator = await startEmulator({ faults: { throttleRate: 1, retryAfterSeconds: 0 } });
    try {
      const msi = new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator));
      await assert.rejects(msi.userAssignedIdentities.get('rg-identities', 'id-orders-api'), (error: unknown) => {
        assert.ok(error instanceof RestError);
        assert.equal(error.statusCode, 429);
        assert.equal(error.code, 'TooManyRequests');
        return true;
      });
      assert.equal(emulator.stats().byOperation[GET], 4, 'one try and three retries');
    } finally {
      await emulator.stop();
    }
  });

  it('adds the configured latency to every request', async () => {
    const emulator = await startEmulator({ faults: { latencyMs: 40 } });
    try {
      const msi = new ManagedServiceIdentityClient(credential, PROD, clientOptionsFor(emulator));
      const started = process.hrtime.bigint();
      await msi.userAssignedIdentities.get('rg-identities', 'id-orders-api');
      assert.ok(Number(process.hrtime.bigint() - started) / 1e6 >= 40);
    } finally {
      await emulator.stop();
    }
  });
});
