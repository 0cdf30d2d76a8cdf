import { DescribedNode } from './describedNode';

/** Identities of one resource group or location (keyless.tree.groupBy). */
export class IdentityGroupNode extends DescribedNode<'identityGroup'> {
  static readonly contextValue = 'keyless.identityGroup';
  get subscription() { return this.description.subscription; }
  get identities() { return this.description.identities; }
}
