import { DescribedNode } from './describedNode';

/** One role assignment: role name, scope in words. */
export class RoleAssignmentNode extends DescribedNode<'roleAssignment'> {
  static readonly contextValue = 'keyless.roleAssignment';
  get assignment() { return this.description.assignment; }
  get roleName() { return this.description.roleName; }
  get principalId() { return this.description.principalId; }
  get subscription() { return this.description.subscription; }
}
