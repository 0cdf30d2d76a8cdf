import { normalizeId } from './identities/resourceId';

/**
 * Managed identity changes on a compute resource as JSON merge-patch bodies, so every identity not named survives.
 * Microsoft.Compute and Microsoft.Web spell "both" as "SystemAssigned, UserAssigned"; Microsoft.App without the space.
 * Removing the last user-assigned identity must also switch the type, or ARM rejects the PATCH.
 */
export type IdentitySpelling = 'spaced' | 'compact';

export interface IdentityState {
  system: boolean;
  /** User-assigned identity ids as ARM returned them (their case is kept, for the null that removes one). */
  userAssignedIds: string[];
}

export interface IdentityPatch {
  identity: { type: string; userAssignedIdentities?: Record<string, Record<string, never> | null> };
}

export type IdentityChange =
  | { kind: 'assign'; identityId: string }
  | { kind: 'unassign'; identityId: string }
  | { kind: 'enableSystem' }
  | { kind: 'disableSystem' };

export function spellingFor(resourceType: string): IdentitySpelling {
  return resourceType.toLowerCase().startsWith('microsoft.app/') ? 'compact' : 'spaced';
}

function identityType(system: boolean, user: boolean, spelling: IdentitySpelling): string {
  if (system && user) return spelling === 'spaced' ? 'SystemAssigned, UserAssigned' : 'SystemAssigned,UserAssigned';
  return system ? 'SystemAssigned' : user ? 'UserAssigned' : 'None';
}

/** Reads ARM's identity property (any spelling, any case). */
export function parseIdentity(identity: { type?: string; userAssignedIdentities?: Record<string, unknown> } | undefined | null): IdentityState {
  const parts = (identity?.type ?? 'None').split(',').map((p) => p.trim().toLowerCase());
  const userAssignedIds = parts.includes('userassigned') ? Object.keys(identity?.userAssignedIdentities ?? {}) : [];
  return { system: parts.includes('systemassigned'), userAssignedIds };
}

function hasUserIdentity(state: IdentityState, identityId: string): boolean {
  return state.userAssignedIds.some((id) => normalizeId(id) === normalizeId(identityId));
}

/** The PATCH body for a change, or undefined when the resource is already in the wanted state (nothing to write). */
export function identityPatch(state: IdentityState, change: IdentityChange, spelling: IdentitySpelling): IdentityPatch | undefined {
  const user = state.userAssignedIds.length > 0;
  switch (change.kind) {
    case 'assign':
      if (hasUserIdentity(state, change.identityId)) return undefined;
      return { identity: { type: identityType(state.system, true, spelling), userAssignedIdentities: { [change.identityId]: {} } } };
    case 'unassign': {
      const key = state.userAssignedIds.find((id) => normalizeId(id) === normalizeId(change.identityId));
      if (!key) return undefined;
      if (state.userAssignedIds.length === 1) return { identity: { type: identityType(state.system, false, spelling) } };
      return { identity: { type: identityType(state.system, true, spelling), userAssignedIdentities: { [key]: null } } };
    }
    case 'enableSystem':
      return state.system ? undefined : { identity: { type: identityType(true, user, spelling) } };
    case 'disableSystem':
      return state.system ? { identity: { type: identityType(false, user, spelling) } } : undefined;
  }
}

/** What the resource should hold after a change: the model the property tests compare ARM's answer with. */
export function expectedState(state: IdentityState, change: IdentityChange): IdentityState {
  const without = (id: string) => state.userAssignedIds.filter((u) => normalizeId(u) !== normalizeId(id));
  switch (change.kind) {
    case 'assign':
      return hasUserIdentity(state, change.identityId) ? state : { ...state, userAssignedIds: [...state.userAssignedIds, change.identityId] };
    case 'unassign':
      return { ...state, userAssignedIds: without(change.identityId) };
    case 'enableSystem':
      return { ...state, system: true };
    case 'disableSystem':
      return { ...state, system: false };
  }
}
