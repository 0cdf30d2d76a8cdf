import { DescribedNode } from './describedNode';

/** A federated credential: name, issuer and subject. */
export class FederatedCredentialNode extends DescribedNode<'federatedCredential'> {
  static readonly contextValue = 'keyless.federatedCredential';
  get credential() { return this.description.credential; }
  get identity() { return this.description.identity; }
}
