/** A parsed Java or Go file: its tree, the call a finding points at, and string literals in the language's own quoting. */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { CodeRuleLanguage } from '../../rules/model';
import { callSiteOf, profiles, type CallSite } from '../../scanner/syntax';

export class ParsedCode {
  protected constructor(
    readonly text: string,
    readonly tree: Tree,
    private readonly language: CodeRuleLanguage,
  ) {}

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
}
