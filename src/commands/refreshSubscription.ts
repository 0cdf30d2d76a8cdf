import { LoadErrorNode } from '../tree/nodes/loadErrorNode';
import { SubscriptionNode } from '../tree/nodes/subscriptionNode';
import type { CommandHandler } from './context';

/** Reloads one subscription's identities (inline on a subscription, and Retry on an error row). */
export const refreshSubscription: CommandHandler = ({ tree }, arg) => {
  if (arg instanceof SubscriptionNode) return tree.invalidateSubscription(arg.subscription.subscriptionId);
  if (arg instanceof LoadErrorNode) {
    const [subscriptionId] = arg.retry.arguments ?? [];
    if (typeof subscriptionId === 'string') return tree.invalidateSubscription(subscriptionId);
    return tree.refresh();
  }
  if (typeof arg === 'string' && arg) return tree.invalidateSubscription(arg);
  tree.refresh();
};
