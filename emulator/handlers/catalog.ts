import type { ParsedResourceId } from '../ids.js';
import type { Caller } from '../rbac.js';
import type { Resource, Store } from '../store.js';
import { COMPUTE_TYPES } from './compute.js';
import { COSMOS_TYPES } from './cosmos.js';
import { MANAGED_IDENTITY_TYPES } from './managedIdentity.js';
import { TARGET_TYPES } from './targets.js';

/** What a write sees: the store, the subscription's tenant, the clock; no caller when a scenario is loading. */
export interface WriteEnv {
  store: Store;
  tenantId: string;
  now: number;
  caller?: Caller;
  /** Random for live writes; derived from the purpose for scenario data so ids stay stable across runs. */
  newGuid(purpose: string): string;
  /** False while a new principal is still replicating in the directory (absent when a scenario loads: all replicated). */
  principalReplicated?(principalId: string): boolean;
}

/** How one resource type behaves beyond plain JSON storage. */
export interface ResourceTypeBehaviour {
  type: string;
  /** Newest first, as GET /subscriptions/{sub}/providers/{ns} lists them. */
  apiVersions: string[];
  /** Tracked (top-level) resources need a location on PUT. */
  tracked: boolean;
  /** Microsoft.Compute and Microsoft.Web write "SystemAssigned, UserAssigned"; Microsoft.App "SystemAssigned,UserAssigned". */
  identity?: 'spaced' | 'compact';
  /** Which writes are long-running, and how the first response looks. */
  lro?: { put?: 'created201' | 'accepted202'; patch?: 'ok200' | 'accepted202'; delete?: boolean };
  /** False for types whose properties carry no provisioningState (identities, federated credentials, SQL role entries). */
  provisioningState?: boolean;
  validate?(env: WriteEnv, body: Record<string, unknown>, existing: Resource | undefined, id: ParsedResourceId): void;
  /** A long-running PUT the service accepts (202) after validate, then fails: the operation's error; nothing is written. */
  asyncFailure?(env: WriteEnv, body: Record<string, unknown>): { code: string; message: string } | undefined;
  /** Fills server-side properties (principal ids, endpoints) after a PUT or PATCH is applied. */
  decorate?(env: WriteEnv, resource: Resource, existing: Resource | undefined, id: ParsedResourceId): void;
  onDelete?(env: WriteEnv, resource: Resource): void;
}

export const ALL_TYPES: readonly ResourceTypeBehaviour[] = [...MANAGED_IDENTITY_TYPES, ...COMPUTE_TYPES, ...TARGET_TYPES, ...COSMOS_TYPES];

const BY_TYPE = new Map(ALL_TYPES.map((b) => [b.type.toLowerCase(), b]));

export const LOCATIONS = ['East US', 'East US 2', 'West US 2', 'West US 3', 'Central US', 'North Europe', 'West Europe', 'UK South', 'Sweden Central', 'Southeast Asia', 'Australia East', 'Japan East'];

export function behaviourOf(type: string): ResourceTypeBehaviour | undefined {
  return BY_TYPE.get(type.toLowerCase());
}

/** Canonical spelling of a type from the catalog, or the type as the caller wrote it. */
export function canonicalType(type: string): string {
  return behaviourOf(type)?.type ?? type;
}
