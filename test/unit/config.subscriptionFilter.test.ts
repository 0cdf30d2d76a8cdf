import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applySubscriptionFilter, chooseFilter } from '../../src/core/subscriptionFilter';

const subs = [
  { tenantId: 'T1', subscriptionId: 'S1', displayName: 'one' },
  { tenantId: 't1', subscriptionId: 's2', displayName: 'two' },
  { tenantId: 't2', subscriptionId: 's3', displayName: 'three' },
];

describe('subscription filter', () => {
  it("uses Keyless's own selection when it has one, even if Azure Resources has another", () => {
    assert.deepEqual(chooseFilter(['t1/s1'], ['t2/s3']), { source: 'keyless', entries: ['t1/s1'] });
  });

  it("falls back to the Azure Resources extension's selection when Keyless has none", () => {
    assert.deepEqual(chooseFilter([], ['t2/s3']), { source: 'azureResources', entries: ['t2/s3'] });
    assert.deepEqual(chooseFilter(undefined, undefined), { source: 'none', entries: [] });
  });

  it('keeps only selected subscriptions, comparing tenant and subscription ids case-insensitively', () => {
    assert.deepEqual(applySubscriptionFilter(subs, ['t1/s1', 'T2/S3']).map((s) => s.displayName), ['one', 'three']);
  });

  it('does not match a subscription selected under another tenant', () => {
    assert.deepEqual(applySubscriptionFilter(subs, ['t2/s1']), []);
  });

  it('shows every subscription when nothing is selected', () => {
    assert.equal(applySubscriptionFilter(subs, []).length, 3);
  });
});
