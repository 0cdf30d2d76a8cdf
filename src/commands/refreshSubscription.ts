import { descriptionOf, subscriptionOf } from '../tree/nodeTargets';
import type { CommandHandler } from './context';

/** Reloads one subscription's identities (inline on a subscription, and Retry on an error row or from its click). */
export const refreshSubscription: CommandHandler = ({ tree }, arg) => {
  const subscription = subscriptionOf(arg);
  if (subscription) return tree.invalidateSubscription(subscription.subscriptionId);
  const d = descriptionOf(arg);
  const id = d?.kind === 'error' ? d.retry.arguments?.[0] : arg;
  if (typeof id === 'string' && id) return tree.invalidateSubscription(id);
  tree.refresh();
};
