/** ARM's error body: {"error":{"code","message","target"?,"details"?}}; every handler throws these. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly target?: string,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; target?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) } };
  }
}

export function armError(status: number, code: string, message: string, headers?: Record<string, string>): ArmError {
  return new ArmError(status, code, message, headers);
}

const NOT_FOUND_HELP = 'For more details please go to https://aka.ms/ARMResourceNotFoundFix';

export const errors = {
  missingAuthorization: () =>
    armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      'WWW-Authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
    }),
  invalidToken: (message = 'The access token is invalid.') =>
    armError(401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."',
    }),
  expiredToken: () =>
    armError(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.', {
      'WWW-Authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token has expired."',
    }),
  wrongTenant: (tokenTenant: string, subscriptionTenant: string) =>
    armError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. It must match the tenant 'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${subscriptionTenant}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
      { 'WWW-Authenticate': `Bearer authorization_uri="https://login.windows.net/${subscriptionTenant}", error="invalid_token", error_description="The access token is from the wrong issuer."` },
    ),
  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    armError(
      403,
      'AuthorizationFailed',
      `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  linkedAuthorizationFailed: (client: string, objectId: string, action: string, scope: string, linkedAction: string, linkedScope: string) =>
    armError(
      403,
      'LinkedAuthorizationFailed',
      `The client '${client}' with object id '${objectId}' has permission to perform action '${action}' on scope '${scope}'; however, it does not have permission to perform action(s) '${linkedAction}' on the linked scope(s) '${linkedScope}' (respectively) or the linked scope(s) are invalid.`,
    ),
  denyAssignmentAuthorizationFailed: (client: string, objectId: string, action: string, scope: string, denyName: string, denyId: string, denyScope: string) =>
    armError(
      403,
      'DenyAssignmentAuthorizationFailed',
      `The client '${client}' with object id '${objectId}' has permission to perform action '${action}' on scope '${scope}'; however, the access is denied because of the deny assignment with name '${denyName}' and Id '${denyId.replace(/-/g, '')}' at scope '${denyScope}'.`,
    ),
  subscriptionNotFound: (subscriptionId: string) =>
    armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  resourceGroupNotFound: (name: string) =>
    armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`),
  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    armError(404, 'ResourceNotFound', `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ${NOT_FOUND_HELP}`),
  parentResourceNotFound: (parent: string) =>
    armError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`),
  missingApiVersion: () =>
    armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests."),
  invalidRequestContent: (detail: string) =>
    armError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`),
  locationRequired: () =>
    armError(400, 'LocationRequired', 'The location property is required for this definition.'),
  noRoute: (method: string, path: string) =>
    armError(404, 'NoRegisteredProviderFound', `No registered resource provider found for path '${path}' and method '${method}'.`),
  throttled: (retryAfterSeconds: number) =>
    armError(429, 'TooManyRequests', 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits', { 'Retry-After': String(retryAfterSeconds) }),
  serviceUnavailable: () =>
    armError(503, 'ServiceUnavailable', 'The server is currently unable to handle the request due to a temporary overloading or maintenance of the server. Please try again later.'),
  badRequest: (code: string, message: string) => armError(400, code, message),
};
