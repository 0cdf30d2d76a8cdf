import { DescribedNode } from './describedNode';

/** A user-assigned identity; expands to Assigned to, Role assignments and Federated credentials. */
export class IdentityNode extends DescribedNode<'identity'> {
  static readonly contextValue = 'keyless.identity';
  get identity() { return this.description.identity; }
  get subscription() { return this.description.subscription; }
}
