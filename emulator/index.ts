import type { AddressInfo } from 'node:net';
import { createCertificate } from './cert.js';
import type { EmulatorState } from './context.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { DEFAULT_GRAPH_QUOTA, GraphQuota, type GraphQuotaOptions } from './graph/quota.js';
import { GraphView } from './graph/tables.js';
import { LroTracker, type LroOptions } from './lro.js';
import { loadScenario, resolveScenario } from './scenarios/load.js';
import { createArmServer, RequestStats, type JournalEntry } from './server.js';
import { Store } from './store.js';

export type { FaultOptions } from './faults.js';
export type { JournalEntry } from './server.js';
export type { LroOptions } from './lro.js';
export type { GraphQuotaOptions } from './graph/quota.js';
export type { ScenarioData } from './scenarios/load.js';
export type { GenerateOptions } from './scenarios/generate.js';

export interface EmulatorOptions {
  /** "demo" | a path to a scenario JSON file | a scenario object | {generate:{subscriptions,identitiesPerSubscription,...}} */
  scenario?: string | object;
  /** nextLink paging size for every list (default 100). */
  pageSize?: number;
  faults?: FaultOptions;
  /** Default 0 (ephemeral). */
  port?: number;
  /**
   * Replication delay for new identities (default 0, or the scenario's settings): ARM role assignments fail with
   * PrincipalNotFound until it passes unless principalType is sent; Cosmos DB SQL role assignments fail regardless.
   */
  principalNotFoundWindowMs?: number;
  /** False: principalType does not help ARM role assignments inside the window either (default true). */
  principalTypeBypassesReplication?: boolean;
  /** The emulator's clock in epoch ms (tests pass a fake one to step through the replication window). */
  now?: () => number;
  /** Long-running operations: InProgress polls before Succeeded (default 1) and the Retry-After sent (default 0 s). */
  lro?: LroOptions;
  /** Azure Resource Graph queries allowed per user per window (default 15 per 5,000 ms, ARG's documented quota). */
  graphQuota?: GraphQuotaOptions;
  /** Resource Graph indexing lag: queries see the store as of the last rebuild, rebuilt once this old (default 0: current). */
  graphLagMs?: number;
  /** Keep every authenticated request (method, URL, body, tenant; never the token) for `journal()` (default false). */
  journal?: boolean;
}

export interface RunningEmulator {
  url: string;
  ca: string;
  caPath: string;
  stats(): { total: number; byOperation: Record<string, number> };
  /** Zeroes the counts and empties the journal. */
  resetStats(): void;
  /** The requests since the last reset, when started with `journal: true`; otherwise empty. */
  journal(): JournalEntry[];
  /** Changes ARM's response time from the next request on (benchmarks compare runs with and without it). */
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = new Store();
  const scenario = resolveScenario(options.scenario);
  loadScenario(store, scenario);
  const state: EmulatorState = {
    store,
    lro: new LroTracker(options.lro),
    pageSize: options.pageSize ?? 100,
    principalNotFoundWindowMs: options.principalNotFoundWindowMs ?? scenario.settings?.principalNotFoundWindowMs ?? 0,
    principalTypeBypassesReplication: options.principalTypeBypassesReplication ?? scenario.settings?.principalTypeBypassesReplication ?? true,
    graphQuota: new GraphQuota(options.graphQuota ?? DEFAULT_GRAPH_QUOTA),
    graphView: new GraphView(options.graphLagMs ?? 0),
    now: options.now ?? (() => Date.now()),
  };
  const certificate = await createCertificate();
  const stats = new RequestStats({ journal: options.journal });
  let url = '';
  const faults = new FaultInjector({ ...options.faults });
  const server = createArmServer({ key: certificate.key, cert: certificate.cert, state, faults, stats, baseUrl: () => url });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    ca: certificate.cert,
    caPath: certificate.caPath,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    journal: () => [...(stats.journal ?? [])],
    setLatency: (ms) => {
      faults.latencyMs = ms;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
