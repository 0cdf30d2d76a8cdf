import {
  createIdentity,
  createResourceGroup,
  getIdentity,
  listLocations,
  listResourceGroups,
  resourceGroupExists,
  type LocationSummary,
} from '../../azure/identityWrites';
import type { UserAssignedIdentity } from '../../core/identities/model';
import { parseTags, validateIdentityName, validateResourceGroupName, validateTags } from '../../core/validators';
import type { PickEntry } from '../userInput';
import type { PromptStep } from '../wizard';
import { permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type FlowSubscription, type WithSubscription } from './common';

/** Create identity: subscription → resource group (or a new one with its location) → location → name → tags. */
export interface CreateIdentityContext extends WithSubscription {
  group?: { name: string; location?: string; isNew: boolean };
  location?: string;
  name?: string;
  tags?: Record<string, string>;
  created?: UserAssignedIdentity;
}

const NEW_GROUP = Symbol('new resource group');

function locationItems(locations: LocationSummary[], preferred?: string, note = "resource group's location"): PickEntry<string>[] {
  const first = locations.filter((l) => l.name === preferred);
  const rest = locations.filter((l) => l.name !== preferred);
  return [...first, ...rest].map((l) => ({
    label: l.displayName,
    description: l.name === preferred ? `${l.name} (${note})` : l.name,
    data: l.name,
    picked: l.name === preferred,
  }));
}

function createIdentitySteps(env: FlowEnv): PromptStep<CreateIdentityContext>[] {
  let locations: Promise<LocationSummary[]> | undefined;
  const loadLocations = (s: FlowSubscription) => (locations ??= listLocations(env.access, s));
  return [
    subscriptionStep(env),
    {
      shouldPrompt: (c) => !c.group,
      async prompt(c, ui, position) {
        const items = listResourceGroups(env.access, c.subscription!).then((groups): PickEntry<typeof NEW_GROUP | { name: string; location: string }>[] => [
          { label: '$(add) Create new resource group…', data: NEW_GROUP },
          ...groups.map((g) => ({ label: g.name, description: g.location, data: g })),
        ]);
        const picked = await ui.showQuickPick(items, { ...position, placeHolder: 'Select a resource group for the identity' });
        c.group = picked === NEW_GROUP ? { name: '', isNew: true } : { ...picked, isNew: false };
      },
    },
    {
      shouldPrompt: (c) => !!c.group?.isNew && !c.group.name,
      async prompt(c, ui, position) {
        const name = await ui.showInputBox({
          ...position,
          prompt: 'Name of the new resource group',
          validate: async (value) =>
            validateResourceGroupName(value) ??
            ((await resourceGroupExists(env.access, c.subscription!, value)) ? { severity: 'error', message: `A resource group named ${value} already exists.` } : undefined),
        });
        c.group = { ...c.group!, name };
      },
    },
    {
      shouldPrompt: (c) => !!c.group?.isNew && !c.group.location,
      async prompt(c, ui, position) {
        const location = await ui.showQuickPick(loadLocations(c.subscription!).then((l) => locationItems(l)), { ...position, placeHolder: `Location of resource group ${c.group!.name}` });
        c.group = { ...c.group!, location };
      },
    },
    {
      shouldPrompt: (c) => !c.location,
      async prompt(c, ui, position) {
        const items = loadLocations(c.subscription!).then((l) => locationItems(l, c.group?.location));
        c.location = await ui.showQuickPick(items, { ...position, placeHolder: 'Location of the identity' });
      },
    },
    {
      shouldPrompt: (c) => !c.name,
      async prompt(c, ui, position) {
        c.name = await ui.showInputBox({
          ...position,
          prompt: 'Name of the managed identity (3–128 letters, digits, - and _; at most 24 to assign it to VMs)',
          validate: async (value) => {
            const verdict = validateIdentityName(value);
            if (verdict?.severity === 'error' || c.group?.isNew) return verdict;
            const existing = await getIdentity(env.access, c.subscription!, c.group!.name, value);
            return existing ? { severity: 'error', message: `An identity named ${value} already exists in ${c.group!.name}.` } : verdict;
          },
        });
      },
    },
    {
      shouldPrompt: (c) => c.tags === undefined,
      async prompt(c, ui, position) {
        const text = await ui.showInputBox({ ...position, prompt: 'Tags (optional): name=value, separated by commas', placeHolder: 'env=dev, app=orders', validate: validateTags });
        const parsed = parseTags(text);
        c.tags = 'tags' in parsed ? parsed.tags : {};
      },
    },
  ];
}

export async function createIdentityFlow(env: FlowEnv, context: CreateIdentityContext = {}): Promise<FlowResult & { identity: UserAssignedIdentity }> {
  const c = await runFlow(env, 'Create Managed Identity', context, createIdentitySteps(env), [
    permissionStep<CreateIdentityContext>(env, (c) => `create identity ${c.name} in ${c.group!.name}`, (c) => {
      const subscriptionScope = `/subscriptions/${c.subscription!.subscriptionId}`;
      const groupScope = `${subscriptionScope}/resourceGroups/${c.group!.name}`;
      return c.group!.isNew
        ? [
            { action: 'Microsoft.Resources/subscriptions/resourceGroups/write', scope: subscriptionScope },
            { action: 'Microsoft.ManagedIdentity/userAssignedIdentities/write', scope: subscriptionScope },
          ]
        : [{ action: 'Microsoft.ManagedIdentity/userAssignedIdentities/write', scope: groupScope }];
    }),
    {
      priority: 20,
      describe: (c) => `create resource group ${c.group!.name} in ${c.group!.location}`,
      shouldExecute: (c) => !!c.group?.isNew,
      async execute(c, progress) {
        progress.report(`Creating resource group ${c.group!.name}…`);
        await createResourceGroup(env.access, c.subscription!, { name: c.group!.name, location: c.group!.location! });
      },
    },
    {
      priority: 30,
      describe: (c) => `create identity ${c.name} in ${c.group!.name}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report(`Creating ${c.name}…`);
        // Checked free again right before the write: the name may have been taken since it was typed.
        if (!c.group!.isNew && (await getIdentity(env.access, c.subscription!, c.group!.name, c.name!))) {
          throw new Error(`An identity named ${c.name} already exists in ${c.group!.name}; nothing was created.`);
        }
        c.created = await createIdentity(env.access, c.subscription!, { resourceGroup: c.group!.name, name: c.name!, location: c.location!, tags: c.tags });
      },
    },
  ]);
  return { identity: c.created!, subscriptionIds: [c.subscription!.subscriptionId], revealId: c.created!.id };
}
