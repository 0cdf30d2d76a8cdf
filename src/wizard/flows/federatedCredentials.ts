import { createFederatedCredential, deleteFederatedCredential, listFederatedCredentials } from '../../azure/identityWrites';
import { githubSubject, GITHUB_ISSUER, kubernetesSubject, suggestCredentialName, validateGitHubRepository, validateKubernetesName, type GitHubEntity } from '../../core/federatedSubjects';
import type { FederatedCredential } from '../../core/identities/model';
import { DEFAULT_AUDIENCE, MAX_FEDERATED_CREDENTIALS, validateAudience, validateFederatedCredentialName, validateIssuer, validateSubject, type Verdict } from '../../core/validators';
import type { PromptStep } from '../wizard';
import { identityStep, permissionStep, runFlow, subscriptionStep, type FlowEnv, type FlowResult, type WithIdentity } from './common';

/** Add federated credential: preset (GitHub Actions, Kubernetes, other) → its fields → name → audience. */
export interface FederatedContext extends WithIdentity {
  existing?: FederatedCredential[];
  preset?: 'github' | 'kubernetes' | 'other';
  repository?: string;
  entity?: GitHubEntity;
  issuer?: string;
  namespace?: string;
  subject?: string;
  name?: string;
  audience?: string;
  credential?: FederatedCredential;
}

const err = (message: string | undefined): Verdict => (message ? { severity: 'error', message } : undefined);

/** Azure's rules plus "unique issuer + subject" against the identity's existing credentials. */
function subjectVerdict(c: FederatedContext, subject: string): Verdict {
  const own = validateSubject(subject);
  if (own) return own;
  const clash = c.existing?.find((f) => f.issuer === c.issuer && f.subject === subject);
  return clash ? err(`Credential ${clash.name} already trusts this issuer and subject.`) : undefined;
}

function step(shouldPrompt: (c: FederatedContext) => boolean, prompt: PromptStep<FederatedContext>['prompt']): PromptStep<FederatedContext> {
  return { shouldPrompt, prompt };
}

function federatedSteps(env: FlowEnv): PromptStep<FederatedContext>[] {
  return [
    subscriptionStep(env),
    identityStep(env, 'Which identity should trust the external workload?'),
    step((c) => !c.preset, async (c, ui, position) => {
      c.existing ??= await listFederatedCredentials(env.access, c.subscription!, c.identity!);
      if (c.existing.length >= MAX_FEDERATED_CREDENTIALS) {
        throw new Error(`${c.identity!.name} already has ${MAX_FEDERATED_CREDENTIALS} federated credentials, the most Azure allows; delete one first.`);
      }
      c.preset = await ui.showQuickPick([
        { label: 'GitHub Actions', description: 'deploy from a workflow', data: 'github' as const, picked: true },
        { label: 'Kubernetes', description: 'a service account of a cluster (AKS or other)', data: 'kubernetes' as const },
        { label: 'Other issuer', description: 'any OpenID Connect issuer', data: 'other' as const },
      ], { ...position, placeHolder: 'Where does the workload run?' });
      c.issuer = c.preset === 'github' ? GITHUB_ISSUER : undefined;
    }),
    step((c) => c.preset === 'github' && !c.repository, async (c, ui, position) => {
      c.repository = await ui.showInputBox({ ...position, prompt: 'GitHub organization/repository', placeHolder: 'contoso/orders-api', validate: (v) => err(validateGitHubRepository(v)) });
    }),
    step((c) => c.preset === 'github' && !c.entity, async (c, ui, position) => {
      c.entity = await ui.showQuickPick([
        { label: 'Branch', data: 'branch' as const, picked: true },
        { label: 'Environment', data: 'environment' as const },
        { label: 'Tag', data: 'tag' as const },
        { label: 'Pull request', data: 'pullRequest' as const },
      ], { ...position, placeHolder: 'Which workflow runs may sign in?' });
      if (c.entity === 'pullRequest') c.subject = githubSubject(c.repository!, 'pullRequest');
    }),
    step((c) => c.preset === 'github' && !c.subject, async (c, ui, position) => {
      const value = await ui.showInputBox({
        ...position,
        prompt: `${c.entity === 'branch' ? 'Branch' : c.entity === 'tag' ? 'Tag' : 'Environment'} name`,
        value: c.entity === 'branch' ? 'main' : undefined,
        validate: (v) => (v.trim() ? subjectVerdict(c, githubSubject(c.repository!, c.entity!, v)) : err('Enter a name.')),
      });
      c.subject = githubSubject(c.repository!, c.entity!, value);
    }),
    step((c) => c.preset !== 'github' && !c.issuer, async (c, ui, position) => {
      c.issuer = await ui.showInputBox({
        ...position,
        prompt: c.preset === 'kubernetes' ? "The cluster's OIDC issuer URL (AKS: az aks show --query oidcIssuerProfile.issuerUrl)" : 'Issuer URL',
        validate: validateIssuer,
      });
    }),
    step((c) => c.preset === 'kubernetes' && !c.namespace, async (c, ui, position) => {
      c.namespace = await ui.showInputBox({ ...position, prompt: 'Kubernetes namespace', value: 'default', validate: (v) => err(validateKubernetesName(v, 'namespace')) });
    }),
    step((c) => c.preset === 'kubernetes' && !c.subject, async (c, ui, position) => {
      const account = await ui.showInputBox({
        ...position,
        prompt: 'Service account name',
        validate: (v) => err(validateKubernetesName(v, 'service account')) ?? subjectVerdict(c, kubernetesSubject(c.namespace!, v)),
      });
      c.subject = kubernetesSubject(c.namespace!, account);
    }),
    step((c) => c.preset === 'other' && !c.subject, async (c, ui, position) => {
      c.subject = await ui.showInputBox({ ...position, prompt: 'Subject identifier (exactly as the token carries it; no wildcards)', validate: (v) => subjectVerdict(c, v) });
    }),
    step((c) => !c.name, async (c, ui, position) => {
      c.name = await ui.showInputBox({
        ...position,
        prompt: 'Name of the federated credential',
        value: suggestCredentialName(c.subject!),
        validate: (v) => validateFederatedCredentialName(v) ?? (c.existing?.some((f) => f.name.toLowerCase() === v.toLowerCase()) ? err(`A credential named ${v} already exists.`) : undefined),
      });
    }),
    step((c) => !c.audience, async (c, ui, position) => {
      c.audience = await ui.showInputBox({ ...position, prompt: 'Audience (keep the default unless the issuer needs another)', value: DEFAULT_AUDIENCE, validate: validateAudience });
    }),
  ];
}

export async function addFederatedCredentialFlow(env: FlowEnv, context: FederatedContext = {}): Promise<FlowResult & { credential: FederatedCredential }> {
  const c = await runFlow(env, 'Add Federated Credential', context, federatedSteps(env), [
    permissionStep<FederatedContext>(env, (c) => `add a federated credential to ${c.identity!.name}`, (c) => [
      { action: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write', scope: c.identity!.id },
    ]),
    {
      priority: 30,
      describe: (c) => `add federated credential ${c.name} to ${c.identity!.name}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report(`Adding ${c.name}…`);
        c.credential = await createFederatedCredential(env.access, c.subscription!, c.identity!, { name: c.name!, issuer: c.issuer!, subject: c.subject!, audience: c.audience! });
      },
    },
  ]);
  return { subscriptionIds: [c.subscription!.subscriptionId], revealId: c.identity!.id, credential: c.credential! };
}

export const DELETE_CREDENTIAL = 'Delete Federated Credential';

export async function deleteFederatedCredentialFlow(env: FlowEnv, context: WithIdentity & { credential?: FederatedCredential } = {}): Promise<FlowResult> {
  const c = await runFlow(env, 'Delete Federated Credential', context, [
    subscriptionStep(env),
    identityStep(env, 'Whose federated credential?'),
    {
      shouldPrompt: (c) => !c.credential,
      async prompt(c, ui, position) {
        const items = listFederatedCredentials(env.access, c.subscription!, c.identity!).then((l) => l.map((f) => ({ label: f.name, description: f.subject, detail: f.issuer, data: f })));
        c.credential = await ui.showQuickPick(items, { ...position, placeHolder: 'Select the credential to delete', noItemsMessage: 'This identity has no federated credentials' });
      },
    },
    {
      shouldPrompt: () => true,
      async prompt(c, ui) {
        await ui.showWarningMessage(`Delete federated credential ${c.credential!.name} of ${c.identity!.name}?`, { detail: `Workloads signing in as ${c.credential!.subject} (issuer ${c.credential!.issuer}) can no longer get tokens for this identity.` }, DELETE_CREDENTIAL);
      },
    },
  ], [
    permissionStep(env, (c) => `delete a federated credential of ${c.identity!.name}`, (c) => [
      { action: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/delete', scope: c.identity!.id },
    ]),
    {
      priority: 30,
      describe: (c) => `delete federated credential ${c.credential!.name}`,
      shouldExecute: () => true,
      async execute(c, progress) {
        progress.report(`Deleting ${c.credential!.name}…`);
        await deleteFederatedCredential(env.access, c.subscription!, c.identity!, c.credential!.name);
      },
    },
  ]);
  return { subscriptionIds: [c.subscription!.subscriptionId], revealId: c.identity!.id };
}
