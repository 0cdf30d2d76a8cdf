import { DescribedNode } from './describedNode';

/** "Federated credentials (n)" of an identity. */
export class FederatedCredentialsGroupNode extends DescribedNode<'federatedCredentialsGroup'> {
  static readonly contextValue = 'keyless.federatedCredentialsGroup';
  get identity() { return this.description.identity; }
}
