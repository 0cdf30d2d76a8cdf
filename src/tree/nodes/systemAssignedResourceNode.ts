import { DescribedNode } from './describedNode';

/** A resource with its system-assigned identity on; expands to that identity's role assignments. */
export class SystemAssignedResourceNode extends DescribedNode<'systemAssignedResource'> {
  static readonly contextValue = 'keyless.systemAssignedResource';
  get holder() { return this.description.holder; }
  get subscription() { return this.description.subscription; }
}
