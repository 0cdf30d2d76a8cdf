import type { CommandHandler } from './context';
import { copyAsEnvironment, copyClientId, copyPrincipalId, copyResourceId } from './copy';
import { openInPortal } from './openInPortal';
import { refreshSubscription } from './refreshSubscription';

/** The identities tree's inline and context actions. */
export const treeCommands: Record<string, CommandHandler> = {
  'keyless.copyClientId': copyClientId,
  'keyless.copyPrincipalId': copyPrincipalId,
  'keyless.copyResourceId': copyResourceId,
  'keyless.copyAsEnvironment': copyAsEnvironment,
  'keyless.openInPortal': openInPortal,
  'keyless.refreshSubscription': refreshSubscription,
};
