import * as vscode from 'vscode';
import { applySubscriptionFilter, subscriptionFilterKey } from '../core/subscriptionFilter';
import { UserCancelledError, type CommandHandler } from './context';

/** Multi-select quick pick over every subscription; the choice goes to keyless.selectedSubscriptions. */
export const selectSubscriptions: CommandHandler = async ({ session, config }) => {
  if (!session.signedIn) await session.signIn();
  const { subscriptions } = await session.listSubscriptions();
  if (subscriptions.length === 0) {
    void vscode.window.showInformationMessage('This account has no Azure subscriptions to select in this cloud.');
    return;
  }
  const shown = new Set(applySubscriptionFilter(subscriptions, config.subscriptionFilter().entries).map(subscriptionFilterKey));
  const items = subscriptions.map((s) => ({
    label: s.displayName,
    description: s.tenantName ?? s.tenantId,
    detail: s.subscriptionId,
    picked: shown.has(subscriptionFilterKey(s)),
    entry: `${s.tenantId}/${s.subscriptionId}`,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Select Subscriptions',
    placeHolder: 'Subscriptions shown in the Keyless view',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) throw new UserCancelledError();
  await config.setSelectedSubscriptions(picked.map((p) => p.entry));
};
