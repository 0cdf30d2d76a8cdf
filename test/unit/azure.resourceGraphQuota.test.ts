import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GraphQuota } from '../../src/azure/resourceGraph';

describe('GraphQuota (Resource Graph’s per-user query quota)', () => {
  it('lets queries go until the answers say the quota is spent, then waits for the window to reset', async () => {
    const quota = new GraphQuota();
    await quota.take(); // nothing known yet: go
    quota.update({ 'x-ms-user-quota-remaining': '1', 'x-ms-user-quota-resets-after': '00:00:00.080' });
    const started = Date.now();
    await quota.take(); // the one left
    assert.ok(Date.now() - started < 40);
    await quota.take(); // none left: waits for the reset
    assert.ok(Date.now() - started >= 70, `waited ${Date.now() - started} ms`);
  });

  it('after a 429 waits the window the headers name, or ARG’s documented 5 s when they name none', () => {
    const quota = new GraphQuota(() => 1_000);
    assert.equal(quota.exhausted({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:03' }), 3_000);
    assert.equal(new GraphQuota(() => 1_000).exhausted({}), 5_000);
  });

  it('stops waiting when the load is cancelled', async () => {
    const quota = new GraphQuota();
    quota.update({ 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:01:00' });
    const controller = new AbortController();
    const waiting = quota.take(controller.signal);
    controller.abort(new Error('Refreshed.'));
    await assert.rejects(waiting, /Refreshed/);
  });
});
