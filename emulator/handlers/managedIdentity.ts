import { ok, route, type Route } from '../context.js';
import { errors } from '../errors.js';
import { lowerId, parseResourceId } from '../ids.js';
import { requirePermission } from '../rbac.js';
import type { Resource } from '../store.js';
import type { ResourceTypeBehaviour } from './catalog.js';

/** Microsoft.ManagedIdentity: user-assigned identities, their federated credentials, system identities by scope. */
const IDENTITY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/;
const CREDENTIAL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/;
export const MAX_FEDERATED_CREDENTIALS = 20;
const MSI_API_VERSIONS = ['2024-11-30', '2023-07-31-preview', '2023-01-31', '2022-01-31-preview', '2018-11-30'];

const userAssignedIdentities: ResourceTypeBehaviour = {
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  apiVersions: MSI_API_VERSIONS,
  tracked: true,
  provisioningState: false,
  validate(_env, _body, existing, id) {
    if (!existing && !IDENTITY_NAME.test(id.name)) {
      throw errors.badRequest('InvalidResourceName', `Resource name ${id.name} is invalid. The name can be between 3 and 128 characters long and can only contain letters, numbers, hyphens and underscores, and must start with a letter or number.`);
    }
  },
  decorate(env, resource, existing) {
    const previous = existing?.properties as { principalId?: string; clientId?: string } | undefined;
    const principalId = previous?.principalId ?? env.newGuid(`${resource.id}#principal`);
    const clientId = previous?.clientId ?? env.newGuid(`${resource.id}#client`);
    const isolationScope = (resource.properties?.isolationScope as string | undefined) ?? 'None';
    resource.properties = { isolationScope, tenantId: env.tenantId, principalId, clientId };
    if (!existing) env.store.addPrincipal({ id: principalId, appId: clientId, type: 'ServicePrincipal', displayName: resource.name, tenantId: env.tenantId, createdAt: env.now });
  },
  onDelete(env, resource) {
    const principalId = resource.properties?.principalId as string | undefined;
    if (principalId) env.store.removePrincipal(principalId);
  },
};

const federatedIdentityCredentials: ResourceTypeBehaviour = {
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
  apiVersions: MSI_API_VERSIONS,
  tracked: false,
  provisioningState: false,
  validate(env, body, existing, id) {
    if (!CREDENTIAL_NAME.test(id.name)) {
      throw errors.badRequest('BadRequest', `Federated identity credential name '${id.name}' is invalid. The name must be 3-120 characters long, start with a letter or number, and contain only letters, numbers, hyphens and underscores.`);
    }
    const props = body.properties as { issuer?: unknown; subject?: unknown; audiences?: unknown } | undefined;
    if (!props || typeof props !== 'object' || Object.keys(props).length === 0) {
      throw errors.badRequest('BadRequest', 'The federated identity credential request has empty properties.');
    }
    const { issuer, subject, audiences } = props;
    if (typeof issuer !== 'string' || !/^https:\/\/\S+$/i.test(issuer) || issuer.length > 600) {
      throw errors.badRequest('BadRequest', "The federated identity credential 'issuer' must be an HTTPS URL of at most 600 characters.");
    }
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > 600) {
      throw errors.badRequest('BadRequest', "The federated identity credential 'subject' must be between 1 and 600 characters.");
    }
    if (issuer.includes('*') || subject.includes('*')) {
      throw errors.badRequest('BadRequest', "Wildcard characters are not supported in the federated identity credential 'issuer' or 'subject'.");
    }
    if (!Array.isArray(audiences) || audiences.length !== 1 || typeof audiences[0] !== 'string' || !audiences[0]) {
      throw errors.badRequest('BadRequest', 'The federated identity credential must have exactly one audience.');
    }
    const siblings = env.store.childrenOf(id.parentId).filter((c) => lowerId(c.id) !== lowerId(id.id));
    const clash = siblings.find((c) => {
      const p = c.properties as { issuer: string; subject: string };
      return p.issuer === issuer && p.subject === subject;
    });
    if (clash) {
      throw errors.badRequest('BadRequest', `Issuer and subject combination already exists for this Managed Identity (federated identity credential '${clash.name}').`);
    }
    if (!existing && siblings.length >= MAX_FEDERATED_CREDENTIALS) {
      throw errors.badRequest('BadRequest', `Too many federated identity credentials: a managed identity can have at most ${MAX_FEDERATED_CREDENTIALS}.`);
    }
  },
  decorate(_env, resource) {
    const { issuer, subject, audiences } = resource.properties as { issuer: string; subject: string; audiences: string[] };
    resource.properties = { issuer, subject, audiences };
  },
};

export const MANAGED_IDENTITY_TYPES: ResourceTypeBehaviour[] = [userAssignedIdentities, federatedIdentityCredentials];

/** GET {scope}/providers/Microsoft.ManagedIdentity/identities/default: the system-assigned identity of a resource. */
function systemAssignedIdentity(ctx: Parameters<Route['handler']>[0]): ReturnType<Route['handler']> {
  const scope = ctx.params.scope;
  const parsed = parseResourceId(scope);
  const resource: Resource | undefined = parsed ? ctx.state.store.resource(scope) : undefined;
  if (!parsed || !resource) {
    const rg = parsed?.resourceGroup ?? '';
    throw errors.resourceNotFound(parsed?.type ?? 'Microsoft.ManagedIdentity/identities', parsed?.name ?? 'default', rg);
  }
  requirePermission(ctx.state.store, ctx.caller, 'Microsoft.ManagedIdentity/identities/read', resource.id);
  const principalId = resource.identity?.principalId;
  const principal = principalId ? ctx.state.store.principal(principalId) : undefined;
  if (!principalId || !principal) {
    throw errors.resourceNotFound('Microsoft.ManagedIdentity/identities', 'default', parsed.resourceGroup);
  }
  return ok({
    id: `${resource.id}/providers/Microsoft.ManagedIdentity/identities/default`,
    name: 'default',
    type: 'Microsoft.ManagedIdentity/identities',
    location: resource.location,
    tags: resource.tags ?? {},
    properties: { tenantId: principal.tenantId, principalId, clientId: principal.appId, clientSecretUrl: `https://control-${(resource.location ?? 'eastus').replace(/\s+/g, '').toLowerCase()}.identity.azure.net/subscriptions/${parsed.subscriptionId}/resourcegroups/${parsed.resourceGroup}/providers/${parsed.type}/${parsed.name}/credentials/v2/systemassigned?arpid=${principalId}` },
  });
}

export const managedIdentityRoutes: Route[] = [
  route('GET', '{*scope}/providers/Microsoft.ManagedIdentity/identities/default', 'systemAssignedIdentities.getByScope', systemAssignedIdentity),
];
