import type { IdentityHolder, RoleAssignment, SubscriptionSnapshot, UserAssignedIdentity } from './model';
import { normalizeId } from './resourceId';

/**
 * Joins what was loaded per subscription into the questions the tree asks: which resources use an identity (across
 * every loaded subscription, since a VM in one subscription may use an identity from another) and which role
 * assignments a principal holds anywhere loaded. Replacing a subscription's snapshot re-derives the joins, so a
 * refresh never leaves stale entries behind.
 */
export class IdentityIndex {
  private readonly snapshots = new Map<string, SubscriptionSnapshot>();
  private holdersByIdentity?: Map<string, IdentityHolder[]>;
  private assignmentsByPrincipal?: Map<string, RoleAssignment[]>;

  put(snapshot: SubscriptionSnapshot): void {
    this.snapshots.set(snapshot.subscriptionId.toLowerCase(), snapshot);
    this.invalidate();
  }

  remove(subscriptionId: string): void {
    this.snapshots.delete(subscriptionId.toLowerCase());
    this.invalidate();
  }

  clear(): void {
    this.snapshots.clear();
    this.invalidate();
  }

  has(subscriptionId: string): boolean {
    return this.snapshots.has(subscriptionId.toLowerCase());
  }

  identities(subscriptionId: string): UserAssignedIdentity[] {
    return this.snapshots.get(subscriptionId.toLowerCase())?.identities ?? [];
  }

  assignedTo(identityId: string): IdentityHolder[] {
    this.holdersByIdentity ??= this.joinHolders();
    return this.holdersByIdentity.get(normalizeId(identityId)) ?? [];
  }

  roleAssignmentsOf(principalId: string): RoleAssignment[] {
    this.assignmentsByPrincipal ??= this.joinAssignments();
    return this.assignmentsByPrincipal.get(principalId.toLowerCase()) ?? [];
  }

  private invalidate(): void {
    this.holdersByIdentity = undefined;
    this.assignmentsByPrincipal = undefined;
  }

  private joinHolders(): Map<string, IdentityHolder[]> {
    const map = new Map<string, IdentityHolder[]>();
    for (const snapshot of this.snapshots.values()) {
      for (const holder of snapshot.holders) {
        for (const id of holder.userAssignedIdentityIds) push(map, normalizeId(id), holder);
      }
    }
    return map;
  }

  private joinAssignments(): Map<string, RoleAssignment[]> {
    // Assignments inherited from a management group appear in every subscription's list: keep each id once. Only
    // those (ids outside the snapshot's subscription) are keyed, not the tens of thousands inside it.
    const seen = new Set<string>();
    const map = new Map<string, RoleAssignment[]>();
    for (const snapshot of this.snapshots.values()) {
      const own = `/subscriptions/${snapshot.subscriptionId.toLowerCase()}/`;
      for (const assignment of snapshot.roleAssignments) {
        if (!startsWithIgnoreCase(assignment.id, own)) {
          const key = normalizeId(assignment.id);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        push(map, assignment.principalId.toLowerCase(), assignment);
      }
    }
    return map;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function startsWithIgnoreCase(text: string, lowerPrefix: string): boolean {
  return text.startsWith(lowerPrefix) || text.slice(0, lowerPrefix.length).toLowerCase() === lowerPrefix;
}
