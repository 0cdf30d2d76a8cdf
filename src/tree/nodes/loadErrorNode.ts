import { DescribedNode } from './describedNode';

/** Rows that could not load, with the reason in words; clicking (or the inline Retry) loads them again. */
export class LoadErrorNode extends DescribedNode<'error'> {
  static readonly contextValue = 'keyless.loadError';
  get reason() { return this.description.reason; }
  get retry() { return this.description.retry; }
}
