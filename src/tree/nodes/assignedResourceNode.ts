import { DescribedNode } from './describedNode';

/** A resource that uses the identity above it. */
export class AssignedResourceNode extends DescribedNode<'assignedResource'> {
  static readonly contextValue = 'keyless.assignedResource';
  get holder() { return this.description.holder; }
  get identity() { return this.description.identity; }
}
