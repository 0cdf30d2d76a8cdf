import { describeScope } from '../core/identities/scopeDescription';
import { roleThatGrants } from '../core/permissions';
import { describeAzureError } from './errors';

/**
 * ARM write errors in words: the code, the scope, and what to do. Falls back to describeAzureError's
 * "<code>: <message>" for codes without specific advice.
 */
interface RestErrorLike {
  code?: string;
  statusCode?: number;
  message?: string;
}

export function explainArmError(error: unknown): string {
  const e = (error ?? {}) as RestErrorLike;
  const message = e.message ?? '';
  const action = /perform action '([^']+)'/.exec(message)?.[1];
  const scope = /over scope '([^']+)'/.exec(message)?.[1];
  switch (e.code) {
    case 'AuthorizationFailed':
      if (action && scope) return `AuthorizationFailed: you may not perform '${action}' on ${describeScope(scope)}. Ask for the ${roleThatGrants(action)} role there.`;
      break;
    case 'LinkedAuthorizationFailed': {
      const linked = /linked scope\(s\) '([^']+)'/.exec(message)?.[1] ?? /linked .*?scope '([^']+)'/.exec(message)?.[1];
      return `LinkedAuthorizationFailed: attaching a user-assigned identity also needs 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action' on the identity${linked ? ` (${describeScope(linked)})` : ''}. Ask for the Managed Identity Operator role on it.`;
    }
    case 'DenyAssignmentAuthorizationFailed': {
      const denyName = /deny assignment with name '([^']+)'/.exec(message)?.[1];
      const denyScope = /at scope '([^']+)'\.?$/.exec(message.trim())?.[1];
      const blocked = /perform action '([^']+)' on scope '([^']+)'/.exec(message);
      return `DenyAssignmentAuthorizationFailed: your roles allow ${blocked ? `'${blocked[1]}' on ${describeScope(blocked[2])}` : 'this'}, but the deny assignment${denyName ? ` '${denyName}'` : ''}${denyScope ? ` on ${describeScope(denyScope)}` : ''} blocks it. No role lifts a deny assignment: ask whoever manages it (a managed application, Databricks workspace or deployment stack) to exclude you or remove it.`;
    }
    case 'PrincipalNotReplicated':
      return message;
    case 'RoleAssignmentExists':
      return 'RoleAssignmentExists: the principal already has this role at this scope.';
    case 'PrincipalNotFound':
      return 'PrincipalNotFound: the identity has not reached the directory yet (replication can take a minute). Try again shortly.';
    case 'ResourceNotFound':
    case 'ResourceGroupNotFound':
      return `${e.code}: ${firstLine(message)} Refresh the Keyless view: it may have been deleted.`;
    case 'InvalidResourceName':
    case 'InvalidIdentityValues':
    case 'InvalidIdentityType':
      return `${e.code}: ${firstLine(message)}`;
  }
  return describeAzureError(error);
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].trim();
}
