// The only file that imports Azure SDK runtime code. The build emits it as its own file (dist/assets/azure-sdk.js),
// required on the first Azure call, so activation never parses the SDK (see scripts/build.mjs, bench/activation).
export { AuthorizationManagementClient } from '@azure/arm-authorization';
export { ManagedServiceIdentityClient } from '@azure/arm-msi';
export { ResourceManagementClient } from '@azure/arm-resources';
export { SubscriptionClient } from '@azure/arm-resources-subscriptions';
export { AzureCliCredential, AzureDeveloperCliCredential } from '@azure/identity';
// Generic ARM requests (permissions at any scope, Container Apps identity, Cosmos SQL role assignments) and their LROs.
export { ServiceClient } from '@azure/core-client';
export { createHttpPoller } from '@azure/core-lro';
export { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
