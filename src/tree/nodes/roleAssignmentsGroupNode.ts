import { DescribedNode } from './describedNode';

/** "Role assignments (n)" of an identity. */
export class RoleAssignmentsGroupNode extends DescribedNode<'roleAssignmentsGroup'> {
  static readonly contextValue = 'keyless.roleAssignmentsGroup';
  get identity() { return this.description.identity; }
  get principalId() { return this.description.principalId; }
  get subscription() { return this.description.subscription; }
}
