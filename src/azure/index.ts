// The Azure layer's public surface. Never imports vscode; nothing outside src/azure constructs SDK clients.
export { createAzureAccess, type AzureAccess, type AzureAccessOptions, type SubscriptionRef } from './access';
export type { ArmClient, AuthorizationClient, MsiClient, ResourcesClient, SubscriptionClient } from './clients';
export { CLOUD_NAMES, cloudFor, isCloudName, type AzureCloud, type CloudName, type EmulatorEndpoint } from './clouds';
export { selectCloud, type CloudSelection, type CloudSettings } from './cloudSelection';
export {
  createCliCredentialFactory,
  createEmulatorCredentialFactory,
  SignInRequiredError,
  type CliKind,
  type CredentialFactory,
} from './credentials';
export { describeAzureError, isSignInError, redactSecrets } from './errors';
export type { AzureSubscription, AzureTenant, FailedTenant, SubscriptionListing } from './tenants';
export { createInventoryReader } from './inventoryReader';
