import { DescribedNode } from './describedNode';

/** "System-assigned (n)": resources of the subscription with a system-assigned identity. */
export class SystemAssignedGroupNode extends DescribedNode<'systemAssignedGroup'> {
  static readonly contextValue = 'keyless.systemAssignedGroup';
  get subscription() { return this.description.subscription; }
}
