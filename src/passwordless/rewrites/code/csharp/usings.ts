/**
 * `using` directives the rewritten code needs (Azure.Identity; System for Uri/Environment when the file does not get it
 * implicitly), each added once beside the file's other usings: in sorted position when they are sorted (System first
 * or plain), else after the last one.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../../model';
import type { CsDocument } from './document';

/** Types the SDK's implicit usings (and global usings) bring, and the namespace each needs without them. */
const implicitlyImported: Record<string, string> = {
  Uri: 'System',
  Environment: 'System',
  Console: 'System',
  Exception: 'System',
  ArgumentException: 'System',
  ArgumentNullException: 'System',
  InvalidOperationException: 'System',
  DateTime: 'System',
  DateTimeOffset: 'System',
  TimeSpan: 'System',
  Guid: 'System',
  Func: 'System',
  Action: 'System',
  IDisposable: 'System',
  Task: 'System.Threading.Tasks',
  ValueTask: 'System.Threading.Tasks',
  CancellationToken: 'System.Threading',
  List: 'System.Collections.Generic',
  Dictionary: 'System.Collections.Generic',
  IEnumerable: 'System.Collections.Generic',
  IAsyncEnumerable: 'System.Collections.Generic',
  HttpClient: 'System.Net.Http',
};

const plainUsing = /^using\s+([A-Za-z_][\w.]*)\s*;$/;

export class CsUsings {
  private readonly directives: Node[];
  private readonly imported = new Set<string>();
  private readonly wanted = new Set<string>();

  constructor(private readonly doc: CsDocument) {
    this.directives = usingDirectives(doc.root);
    for (const directive of this.directives) {
      const name = /^(global\s+)?using\s+([A-Za-z_][\w.]*)\s*;$/.exec(directive.text.replace(/\s+/g, ' ').trim())?.[2];
      if (name) this.imported.add(name);
    }
  }

  has(namespace: string): boolean {
    return this.imported.has(namespace);
  }

  /** Ask for a namespace; added only when the file lacks it. */
  need(namespace: string): void {
    if (!this.imported.has(namespace)) this.wanted.add(namespace);
  }

  /**
   * Ask for `using System;` because the new code names Uri or Environment — unless the file already uses such types
   * unqualified without their usings, which means implicit (or global) usings provide them.
   */
  needSystem(): void {
    if (this.imported.has('System') || this.hasImplicitUsings()) return;
    this.wanted.add('System');
  }

  edits(): TextEdit[] {
    if (this.wanted.size === 0) return [];
    const plain = this.directives.filter((d) => plainUsing.test(d.text.trim()));
    const names = plain.map((d) => plainUsing.exec(d.text.trim())![1]!);
    const order = [systemFirst, alphabetical].find((compare) => names.every((n, i) => i === 0 || compare(names[i - 1]!, n) <= 0));
    const byOffset = new Map<number, string[]>();
    for (const namespace of [...this.wanted].sort(order ?? systemFirst)) {
      const [offset, indent] = this.insertionPoint(plain, names, namespace, order);
      const lines = byOffset.get(offset) ?? [];
      lines.push(`${indent}using ${namespace};`);
      byOffset.set(offset, lines);
    }
    const nl = this.doc.newline;
    return [...byOffset].map(([offset, lines]) => {
      if (this.directives.length === 0) return { start: offset, end: offset, newText: `${lines.join(nl)}${nl}${nl}` };
      return offset === this.doc.text.length && !this.doc.text.endsWith('\n')
        ? { start: offset, end: offset, newText: `${nl}${lines.join(nl)}` }
        : { start: offset, end: offset, newText: `${lines.join(nl)}${nl}` };
    });
  }

  /** Start of the line to insert before, and the indentation to use there. */
  private insertionPoint(plain: Node[], names: string[], namespace: string, order: Compare | undefined): [number, string] {
    const { text } = this.doc;
    if (this.directives.length === 0) return [firstDeclaration(this.doc.root)?.startIndex ?? 0, ''];
    const anchor = plain[0] ?? this.directives[0]!;
    const indent = /^[ \t]*/.exec(text.slice(lineStart(text, anchor.startIndex)))![0];
    if (order) {
      const before = names.findIndex((n) => order(namespace, n) < 0);
      if (before >= 0) return [lineStart(text, plain[before]!.startIndex), indent];
    }
    const last = (plain.length > 0 ? plain : this.directives).at(-1)!;
    const newline = text.indexOf('\n', last.endIndex);
    return [newline === -1 ? text.length : newline + 1, indent];
  }

  private hasImplicitUsings(): boolean {
    for (const node of this.doc.root.descendantsOfType(['identifier', 'generic_name'])) {
      if (!node) continue;
      const name = node.type === 'generic_name' ? node.namedChildren[0]?.text : node.text;
      const namespace = name ? implicitlyImported[name] : undefined;
      if (!namespace || this.imported.has(namespace) || isQualified(node)) continue;
      return true;
    }
    return false;
  }
}

type Compare = (a: string, b: string) => number;

function alphabetical(a: string, b: string): number {
  const as = a.toLowerCase().split('.');
  const bs = b.toLowerCase().split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] !== bs[i]) return as[i]! < bs[i]! ? -1 : 1;
  }
  return as.length - bs.length;
}

function systemFirst(a: string, b: string): number {
  const rank = (n: string) => (n === 'System' || n.startsWith('System.') ? 0 : 1);
  return rank(a) - rank(b) || alphabetical(a, b);
}

/** The file's top-level usings, else those of its first namespace block. */
function usingDirectives(root: Node): Node[] {
  const top = root.namedChildren.filter((n): n is Node => n?.type === 'using_directive');
  if (top.length > 0) return top;
  const namespace = root.namedChildren.find((n) => n?.type === 'namespace_declaration');
  const body = namespace?.childForFieldName('body');
  return body?.namedChildren.filter((n): n is Node => n?.type === 'using_directive') ?? [];
}

/** Where usings go in a file that has none: before the first declaration or statement, after header comments. */
function firstDeclaration(root: Node): Node | undefined {
  return root.namedChildren.find((n): n is Node => n !== null && !/^(comment|extern_alias_directive|preproc_)/.test(n.type)) ?? undefined;
}

/** `System.Uri`, `x.Environment`: a qualified name is not a sign of implicit usings. */
function isQualified(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'qualified_name' || parent.type === 'member_access_expression') return parent.childForFieldName('name')?.id === node.id;
  return false;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
