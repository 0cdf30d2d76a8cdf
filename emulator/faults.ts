/** Injected faults, decided per request from a seeded generator so a run can be repeated exactly. */
export interface FaultOptions {
  /** ARM's response time: every answer leaves this long after its request came, the emulator's own work included. */
  latencyMs?: number;
  throttleRate?: number;
  retryAfterSeconds?: number;
  serverErrorRate?: number;
  dropRate?: number;
  seed?: number;
}

export type FaultDecision = 'none' | 'drop' | 'throttle' | 'serverError';

/** mulberry32: tiny, fast, good enough to spread faults evenly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;

  constructor(readonly options: FaultOptions = {}) {
    this.random = mulberry32(options.seed ?? 1);
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  set latencyMs(ms: number) {
    this.options.latencyMs = ms;
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  /** One draw per request; the rates are checked in a fixed order against the same draw. */
  decide(): FaultDecision {
    const { dropRate = 0, throttleRate = 0, serverErrorRate = 0 } = this.options;
    if (dropRate + throttleRate + serverErrorRate <= 0) return 'none';
    const r = this.random();
    if (r < dropRate) return 'drop';
    if (r < dropRate + throttleRate) return 'throttle';
    if (r < dropRate + throttleRate + serverErrorRate) return 'serverError';
    return 'none';
  }
}
