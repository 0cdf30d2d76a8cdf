import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { errors } from '../errors.js';
import { isAllowed } from '../rbac.js';
import { isReplicated } from '../replication.js';
import type { Subscription } from '../store.js';
import type { WriteEnv } from './catalog.js';

/** The subscription must exist and the token must come from its tenant (else ARM's 404 / 401). */
export function requireSubscription(ctx: RequestContext, subscriptionId: string): Subscription {
  const subscription = ctx.state.store.subscription(subscriptionId);
  if (!subscription) throw errors.subscriptionNotFound(subscriptionId);
  if (subscription.tenantId.toLowerCase() !== ctx.caller.tenantId.toLowerCase()) throw errors.wrongTenant(ctx.caller.tenantId, subscription.tenantId);
  return subscription;
}

export function writeEnvFor(ctx: RequestContext, subscription: Subscription): WriteEnv {
  return {
    store: ctx.state.store, tenantId: subscription.tenantId, now: ctx.state.now(), caller: ctx.caller, newGuid: () => randomUUID(),
    principalReplicated: (principalId) => isReplicated(ctx.state, principalId),
  };
}

/**
 * What a list may show: everything when the caller may read at the list's scope, otherwise only the items it may
 * read one by one; with nothing readable at all ARM answers 403 rather than an empty list.
 */
export function visibleTo<T extends { id: string }>(ctx: RequestContext, action: string, scope: string, items: T[], readAction: (item: T) => string): T[] {
  const store = ctx.state.store;
  if (isAllowed(store, ctx.caller.objectId, action, scope)) return items;
  const visible = items.filter((item) => isAllowed(store, ctx.caller.objectId, readAction(item), item.id));
  const hasAnyAccessBelow = store.roleAssignmentsOf(ctx.caller.objectId).some((a) => a.scope.toLowerCase().startsWith(scope.toLowerCase() + '/'));
  if (visible.length === 0 && !hasAnyAccessBelow) throw errors.authorizationFailed(ctx.caller.clientName, ctx.caller.objectId, action, scope);
  return visible;
}
