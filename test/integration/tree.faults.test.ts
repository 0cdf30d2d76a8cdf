import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulator, type FaultOptions } from '../../emulator/index';
import { generateScenario } from '../../emulator/scenarios/generate';
import { expandSubscription, treeFor, type Row } from './tree.harness';

const SCENARIO = generateScenario({ subscriptions: 3, identitiesPerSubscription: 6, seed: 'faults' });
const FAULTS: FaultOptions = { throttleRate: 0.2, retryAfterSeconds: 0, serverErrorRate: 0.1, dropRate: 0.05 };
/** The SDK pipeline's own retries (3), with delays shortened so twenty runs stay fast. */
const RETRIES = { retryDelayInMs: 1, maxRetryDelayInMs: 4 };

async function wholeTree(faults?: FaultOptions): Promise<Row[]> {
  const emulator = await startEmulator({ scenario: SCENARIO, pageSize: 2, ...(faults ? { faults } : {}) });
  const tree = await treeFor(emulator, { retryOptions: RETRIES });
  try {
    const subscriptions = await Promise.all(tree.subscriptions.map(async (s) => ({ label: s.displayName, icon: 'key', contextValue: 'keyless.subscription', children: await expandSubscription(tree, s.displayName) })));
    // A tenant whose subscriptions could not be listed is one row, as in the view (clicking it lists it again).
    const tenants = tree.failedTenants.map((t) => ({ label: `${t.displayName}: ${t.reason}`, icon: 'warning', contextValue: 'keyless.failedTenant', command: 'keyless.signInToTenant' }));
    return [...tenants, ...subscriptions];
  } finally {
    tree.dispose();
    await emulator.stop();
  }
}

const isRetryable = (row: Row) =>
  (row.contextValue === 'keyless.loadError' && row.command === 'keyless.refreshSubscription') ||
  (row.contextValue === 'keyless.failedTenant' && row.command === 'keyless.signInToTenant');

/**
 * True when `actual` equals `expected`, except where a list was replaced by a retryable error row, or a join says it
 * is incomplete and leads with error rows — never a silently shorter list.
 */
function sameOrRetryable(expected: Row[], actual: Row[]): boolean {
  // Rows that could not load lead the list, each with Retry (the whole list, or a subscription a join is missing).
  let lead = 0;
  while (lead < actual.length && isRetryable(actual[lead])) lead++;
  if (lead > 0 && lead === actual.length) return true;
  const rest = actual.slice(lead);
  if (expected.length !== rest.length) return false;
  return expected.every((e, i) => {
    const a = rest[i];
    const withoutCount = (label: string) => label.split(' (')[0];
    // A join over a tenant with a failed subscription says so (its count may be short, its rows lead with errors).
    if (a.description?.startsWith('incomplete')) return withoutCount(a.label) === withoutCount(e.label) && (a.children ?? []).some(isRetryable);
    // The count could not load; expanding the group asks again: its rows are then the list or a retryable error.
    if (a.description === 'could not load') return a.label === withoutCount(e.label) && sameOrRetryable(e.children ?? [], a.children ?? []);
    return e.label === a.label && e.description === a.description && e.icon === a.icon && e.contextValue === a.contextValue && sameOrRetryable(e.children ?? [], a.children ?? []);
  });
}

/** The first row where the trees part, for the failure message. */
function firstDifference(expected: Row[], actual: Row[], path = ''): string {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a || e.label !== a.label || e.description !== a.description) return `${path}: expected ${JSON.stringify(e?.label)}, got ${JSON.stringify(a?.label)} ${JSON.stringify(a?.description)}`;
    const inner = firstDifference(e.children ?? [], a.children ?? [], `${path}/${e.label}`);
    if (inner) return inner;
  }
  return '';
}

describe('the identities tree under injected faults', () => {
  it('converges to the fault-free tree, or shows retryable error rows, in 20 of 20 seeded runs', async (t) => {
    const expected = await wholeTree();
    let identical = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const actual = await wholeTree({ ...FAULTS, seed });
      assert.ok(sameOrRetryable(expected, actual), `seed ${seed} shows a different tree:\n${firstDifference(expected, actual)}`);
      if (JSON.stringify(actual) === JSON.stringify(expected)) identical++;
    }
    t.diagnostic(`${identical} of 20 runs identical to the fault-free tree; the rest showed retryable error rows`);
    assert.ok(identical > 0, 'the SDK retries should ride out most faults');
  });

  it('turns a subscription whose retries are spent into a retryable error row, never a short list', async () => {
    const emulator = await startEmulator({ scenario: SCENARIO, pageSize: 2 });
    const tree = await treeFor(emulator, { retryOptions: RETRIES });
    try {
      await tree.inventory.tenantSettled(tree.subscriptions[0].tenantId);
      await emulator.stop(); // every request now fails to connect
      tree.inventory.refresh();
      const rows = await expandSubscription(tree, tree.subscriptions[0].displayName);
      assert.equal(rows.length, 1);
      assert.ok(isRetryable(rows[0]), JSON.stringify(rows));
      assert.match(rows[0].label, /^Could not load identities — /);
    } finally {
      tree.dispose();
    }
  });
});
