import type { EmulatorState } from './context.js';

/**
 * Directory replication of new principals. A managed identity's service principal is created with the identity,
 * but for a while (seconds to about a minute in real Azure) services that look it up in the directory do not find
 * it yet: ARM role assignments without principalType fail 400 PrincipalNotFound, and Cosmos DB SQL role assignments
 * (which have no principalType hint) are accepted and then fail asynchronously with 400 BadRequest.
 */
export interface ReplicationSettings {
  /** How long a new principal stays invisible to directory lookups (default 0: at once). */
  principalNotFoundWindowMs?: number;
  /**
   * ARM role assignments with principalType skip the lookup, so they succeed inside the window (Microsoft's
   * documented fix; default true). False models the ARM paths that still fail with PrincipalNotFound.
   */
  principalTypeBypassesReplication?: boolean;
}

/** True when the principal exists and has left the replication window. */
export function isReplicated(state: EmulatorState, principalId: string): boolean {
  const principal = state.store.principal(principalId);
  return !!principal && state.now() - principal.createdAt >= state.principalNotFoundWindowMs;
}
