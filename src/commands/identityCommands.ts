import { assignIdentity } from './assignIdentity';
import type { CommandHandler } from './context';
import { createIdentity } from './createIdentity';
import { deleteIdentity } from './deleteIdentity';
import { addFederatedCredential, deleteFederatedCredential } from './federatedCredential';
import { grantAccess } from './grantAccess';
import { grantMe } from './grantMe';
import { revokeRoleAssignment } from './revokeRoleAssignment';
import { disableSystemIdentity, enableSystemIdentity } from './systemIdentity';
import { unassignIdentity } from './unassignIdentity';

/** The identity writes (issue 5); every id is listed in the manifest with its menus. */
export const identityCommands: Record<string, CommandHandler> = {
  'keyless.createIdentity': createIdentity,
  'keyless.deleteIdentity': deleteIdentity,
  'keyless.assignIdentity': assignIdentity,
  'keyless.unassignIdentity': unassignIdentity,
  'keyless.enableSystemIdentity': enableSystemIdentity,
  'keyless.disableSystemIdentity': disableSystemIdentity,
  'keyless.grantAccess': grantAccess,
  'keyless.grantMe': grantMe,
  'keyless.revokeRoleAssignment': revokeRoleAssignment,
  'keyless.addFederatedCredential': addFederatedCredential,
  'keyless.deleteFederatedCredential': deleteFederatedCredential,
};
