/** Subject strings the common workload identity issuers put in their tokens, built exactly as they send them. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export type GitHubEntity = 'branch' | 'tag' | 'environment' | 'pullRequest';

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export function validateGitHubRepository(value: string): string | undefined {
  return REPOSITORY.test(value) ? undefined : 'Write the repository as organization/repository, e.g. contoso/orders-api.';
}

export function githubSubject(repository: string, entity: GitHubEntity, value = ''): string {
  switch (entity) {
    case 'branch':
      return `repo:${repository}:ref:refs/heads/${value}`;
    case 'tag':
      return `repo:${repository}:ref:refs/tags/${value}`;
    case 'environment':
      return `repo:${repository}:environment:${value}`;
    case 'pullRequest':
      return `repo:${repository}:pull_request`;
  }
}

/** Kubernetes names (namespace, service account): DNS labels / subdomains, lower case. */
export function validateKubernetesName(value: string, what: string): string | undefined {
  return /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value) ? undefined : `The ${what} must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.`;
}

export function kubernetesSubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/** A name suggestion the validators accept: "github-contoso-orders-api-main". */
export function suggestCredentialName(subject: string): string {
  const base = subject.replace(/^repo:/, 'github-').replace(/^system:serviceaccount:/, 'k8s-').replace(/ref:refs\/(heads|tags)\//, '').replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const trimmed = base.slice(0, 120).replace(/-$/, '');
  return /^[a-zA-Z0-9]/.test(trimmed) && trimmed.length >= 3 ? trimmed : `federated-${trimmed}`.slice(0, 120);
}
