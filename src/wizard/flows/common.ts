import type { AzureAccess, SubscriptionRef } from '../../azure/access';
import { explainArmError } from '../../azure/armErrors';
import { listIdentities } from '../../azure/identityWrites';
import { requirePermissions, type RequiredPermission } from '../../azure/permissions';
import type { UserAssignedIdentity } from '../../core/identities/model';
import { resourceKind } from '../../core/identities/resourceKinds';
import type { ExecuteStep, PromptStep } from '../wizard';
import { runWizard } from '../wizard';
import type { UserInput } from '../userInput';

/** What every flow gets: Azure access, the prompts, and knobs tests turn down (poll interval, retry waits). */
export interface FlowEnv {
  access: AzureAccess;
  ui: UserInput;
  tuning?: FlowTuning;
}

export interface FlowTuning {
  /** Long-running operation poll interval when ARM sends no Retry-After. */
  intervalInMs?: number;
  /** Waits between PrincipalNotFound retries. */
  retryDelaysMs?: number[];
  /** How a retry waits (tests advance a fake clock instead). */
  sleep?: (ms: number) => Promise<void>;
}

/** A subscription as the flows need it: where to send requests, and its name for titles and messages. */
export interface FlowSubscription extends SubscriptionRef {
  displayName: string;
}

/** What changed, so the command glue can refresh those subscriptions and reveal the node. */
export interface FlowResult {
  subscriptionIds: string[];
  revealId?: string;
}

export interface WithSubscription {
  subscription?: FlowSubscription;
}

export interface WithIdentity extends WithSubscription {
  identity?: UserAssignedIdentity;
}

export function subscriptionStep<C extends WithSubscription>(env: FlowEnv): PromptStep<C> {
  return {
    shouldPrompt: (c) => !c.subscription,
    async prompt(c, ui, position) {
      const listing = env.access.listSubscriptions().then((l) =>
        l.subscriptions.map((s) => ({ label: s.displayName, description: s.tenantName ?? s.tenantId, detail: s.subscriptionId, data: s })),
      );
      const s = await ui.showQuickPick(listing, { ...position, placeHolder: 'Select a subscription', noItemsMessage: 'No subscriptions in this cloud' });
      c.subscription = { subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.displayName };
    },
  };
}

export function identityStep<C extends WithIdentity>(env: FlowEnv, placeHolder = 'Select a managed identity'): PromptStep<C> {
  return {
    shouldPrompt: (c) => !c.identity,
    async prompt(c, ui, position) {
      const items = listIdentities(env.access, c.subscription!).then((ids) =>
        ids.map((i) => ({ label: i.name, description: i.resourceGroup, detail: `Client ID ${i.clientId}`, data: i })),
      );
      c.identity = await ui.showQuickPick(items, { ...position, placeHolder, noItemsMessage: 'No user-assigned identities in this subscription' });
    },
  };
}

/** The check that runs before any write: the user's permissions at each scope, via ARM's permissions API. */
export function permissionStep<C extends WithSubscription>(env: FlowEnv, what: (c: C) => string, required: (c: C) => RequiredPermission[]): ExecuteStep<C> {
  return {
    priority: 10,
    checkOnly: true,
    describe: () => 'check your permissions',
    shouldExecute: (c) => required(c).length > 0,
    async execute(c, progress) {
      progress.report('Checking your permissions…');
      await requirePermissions(env.access, c.subscription!.tenantId, required(c), what(c));
    },
  };
}

/** Runs a flow's wizard with ARM errors explained in words. */
export function runFlow<C extends object>(env: FlowEnv, title: string, context: C, promptSteps: PromptStep<C>[], executeSteps: ExecuteStep<C>[], progressTitle?: string): Promise<C> {
  return runWizard({ title, context, ui: env.ui, promptSteps, executeSteps, progressTitle, describeError: explainArmError });
}

export function nounOf(type: string): string {
  return resourceKind(type).noun;
}
