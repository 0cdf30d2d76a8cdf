import { DescribedNode } from './describedNode';

/** "Assigned to (n)": the resources using an identity, across the loaded subscriptions of its tenant. */
export class AssignedToGroupNode extends DescribedNode<'assignedToGroup'> {
  static readonly contextValue = 'keyless.assignedToGroup';
  get identity() { return this.description.identity; }
  get subscription() { return this.description.subscription; }
}
