/**
 * A parsed Java or Go file: its tree, the call a finding points at, string literals in the language's own quoting,
 * and what a value holds (a literal, an environment read, or a name declared with either), each language saying how
 * its literals, environment reads and declarations look.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../../rules/model';
import { callSiteOf, profiles, type CallSite } from '../../scanner/syntax';
import type { ValueSource } from './connectionEndpoint';

export interface ValueSyntax {
  /** `(x)` and casts: what matters is x. */
  unwrap(node: Node): Node;
  /** A string literal's value, or literals joined with +. */
  literalValue(node: Node): string | undefined;
  isEnvRead(node: Node): boolean;
}

export abstract class ParsedCode {
  protected constructor(
    readonly text: string,
    readonly tree: Tree,
    private readonly language: CodeRuleLanguage,
    private readonly values: ValueSyntax,
  ) {}

  /** The expression that reads an environment variable. */
  abstract envRead(name: string): string;

  /** The value a name was declared with in this file, if it was declared with one. */
  protected abstract declaredValue(identifier: Node): Node | undefined;

  dispose(): void {
    this.tree.delete();
  }

  get root(): Node {
    return this.tree.rootNode;
  }

  /** The call or construction spanning exactly start..end (a finding's range). */
  callAt(start: number, end: number): CallSite | undefined {
    for (let node: Node | null = this.root.descendantForIndex(start, end); node && node.startIndex >= start && node.endIndex <= end; node = node.parent) {
      if (node.startIndex !== start || node.endIndex !== end) continue;
      const site = callSiteOf(node, profiles[this.language]);
      if (site) return site;
    }
    return undefined;
  }

  /** A double-quoted literal: Java and Go escape the same two characters in these values. */
  string(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }

  /** A literal, an environment read, or a name declared with either in this file (followed a few names deep). */
  sourceOf(node: Node, depth = 0): ValueSource {
    const inner = this.values.unwrap(node);
    const literal = this.values.literalValue(inner);
    if (literal !== undefined) return { kind: 'literal', value: literal };
    if (this.values.isEnvRead(inner)) return { kind: 'env' };
    const declared = inner.type === 'identifier' && depth < 5 ? this.declaredValue(inner) : undefined;
    return declared ? this.sourceOf(declared, depth + 1) : { kind: 'other' };
  }
}
