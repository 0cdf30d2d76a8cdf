/**
 * Imports the rewritten code needs: merged into an existing top-level `from M import …` of the same module, else one
 * new statement after the last top-level import before the call (or after the module docstring and header comments);
 * `import os` once when the result reads os.environ. Names the rewrite stopped using (ClientSecretCredential,
 * AzureNamedKeyCredential) leave their import when nothing else in the file refers to them.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../../model';
import { boundName, importedName, indentAt, type PyDocument } from './document';

/** Enough of the standard library to group `import os` with its neighbours (a missing module only costs placement). */
const standardLibrary = new Set(
  (
    'abc argparse array asyncio base64 binascii bisect calendar collections concurrent configparser contextlib copy csv ' +
    'dataclasses datetime decimal enum errno functools getpass glob gzip hashlib heapq hmac html http importlib inspect io ' +
    'ipaddress itertools json logging math mimetypes multiprocessing operator os pathlib pickle platform pprint queue random ' +
    're secrets shlex shutil signal socket sqlite3 ssl statistics string struct subprocess sys tempfile textwrap threading ' +
    'time timeit traceback types typing unittest urllib uuid warnings weakref xml zipfile zlib'
  ).split(' '),
);

function rootModule(statement: Node): string {
  const name = statement.type === 'import_from_statement' ? statement.childForFieldName('module_name') : statement.childForFieldName('name');
  const text = name?.type === 'aliased_import' ? (name.childForFieldName('name')?.text ?? '') : (name?.text ?? '');
  return text.split('.')[0] ?? '';
}

interface Range {
  start: number;
  end: number;
}

export class PyImports {
  private readonly added = new Map<string, string[]>();
  private readonly dropped = new Set<string>();
  private osName?: string;
  private addOs = false;
  /** Modules the rewritten code refers to, imported before or by this plan. */
  readonly usedModules = new Set<string>();

  constructor(
    private readonly doc: PyDocument,
    /** New statements go after the last import before this offset (the call), so the name exists when it runs. */
    private readonly before: number,
  ) {}

  /** The local name of `name` from `module`, importing it when missing; undefined when the name means something else here. */
  use(module: string, name: string): string | undefined {
    this.usedModules.add(module);
    for (const statement of this.fromImports(module)) {
      for (const imported of statement.childrenForFieldName('name')) {
        if (imported && importedName(imported) === name) return boundName(imported);
      }
    }
    const elsewhere = this.doc.moduleOf(name);
    if (elsewhere !== undefined && elsewhere !== module) return undefined;
    const names = this.added.get(module) ?? [];
    if (!names.includes(name)) names.push(name);
    this.added.set(module, names);
    return name;
  }

  /** The name `os` is bound to (`import os`, `import os.path`, `import os as o`), importing it when missing. */
  os(): string {
    if (this.osName) return this.osName;
    for (const statement of this.doc.imports()) {
      if (statement.type !== 'import_statement') continue;
      for (const imported of statement.childrenForFieldName('name')) {
        if (!imported) continue;
        const name = importedName(imported);
        if (name === 'os' || (name.startsWith('os.') && imported.type !== 'aliased_import')) return (this.osName = boundName(imported));
      }
    }
    this.addOs = true;
    return (this.osName = 'os');
  }

  /** Remove `name` from its import when the rewritten file no longer uses it. */
  drop(name: string): void {
    this.dropped.add(name);
  }

  edits(removed: readonly Range[]): TextEdit[] {
    const edits: TextEdit[] = [];
    const fresh: string[] = [];
    const os = this.addOs ? this.osPlacement() : undefined;
    if (this.addOs && !os) fresh.push('import os');
    const unused = [...this.dropped].filter((name) => !this.usedOutside(name, removed));
    // Nodes are fresh wrappers on every access: statements are keyed by where they start.
    const touched = new Map<number, Node>();
    for (const statement of this.doc.imports()) {
      if (statement.type !== 'import_from_statement') continue;
      const names = statement.childrenForFieldName('name').filter((n): n is Node => n !== null);
      const drops = names.filter((n) => unused.includes(boundName(n)));
      if (drops.length > 0) touched.set(statement.startIndex, statement);
    }
    for (const [module, names] of this.added) {
      const target = this.fromImports(module)[0];
      if (target) touched.set(target.startIndex, target);
      else fresh.push(`from ${module} import ${names.join(', ')}`);
    }
    for (const statement of touched.values()) {
      const module = statement.childForFieldName('module_name')?.text ?? '';
      const mergesHere = this.fromImports(module)[0]?.startIndex === statement.startIndex;
      const edit = this.rewriteNames(statement, unused, mergesHere ? (this.added.get(module) ?? []) : []);
      if (edit) edits.push(edit);
    }
    const block = fresh.length > 0 ? this.newStatements(fresh) : undefined;
    // Two insertions at one offset would land in either order: one edit, `import os` first.
    if (os && block && os.start === block.start) block.newText = os.newText.replace(/\n+$/, '\n') + block.newText;
    else if (os) edits.push(os);
    if (block) edits.push(block);
    return edits;
  }

  /**
   * `import os` among the standard-library imports (in alphabetical place among `import x` lines), else as its own
   * group before the first import; undefined when the file has no import yet (then it joins the new block).
   */
  private osPlacement(): TextEdit | undefined {
    const { text } = this.doc;
    const imports = this.doc.imports().filter((s) => s.startIndex < this.before && s.type !== 'future_import_statement');
    const lineStart = (node: Node): number => text.lastIndexOf('\n', node.startIndex - 1) + 1;
    const stdlib = imports.filter((s) => standardLibrary.has(rootModule(s)));
    const plain = stdlib.filter((s) => s.type === 'import_statement');
    const after = plain.find((s) => rootModule(s) > 'os');
    if (after) return { start: lineStart(after), end: lineStart(after), newText: 'import os\n' };
    const lastPlain = plain[plain.length - 1];
    if (lastPlain) {
      const newline = text.indexOf('\n', lastPlain.endIndex);
      const at = newline === -1 ? text.length : newline + 1;
      return { start: at, end: at, newText: newline === -1 ? '\nimport os' : 'import os\n' };
    }
    const first = stdlib[0] ?? imports[0];
    if (!first) return undefined;
    return { start: lineStart(first), end: lineStart(first), newText: stdlib[0] ? 'import os\n' : 'import os\n\n' };
  }

  private fromImports(module: string): Node[] {
    return this.doc
      .imports()
      .filter((s) => s.type === 'import_from_statement' && s.childForFieldName('module_name')?.text === module && !s.descendantsOfType('wildcard_import').length);
  }

  /** True when an identifier with this text occurs outside import statements and outside the replaced ranges. */
  private usedOutside(name: string, removed: readonly Range[]): boolean {
    const imports = this.doc.imports();
    return this.doc.root.descendantsOfType('identifier').some((id) => {
      if (!id || id.text !== name) return false;
      if (imports.some((s) => s.startIndex <= id.startIndex && id.endIndex <= s.endIndex)) return false;
      return !removed.some((r) => r.start <= id.startIndex && id.endIndex <= r.end);
    });
  }

  /** One edit over the statement's names: dropped ones out, added ones in, layout kept (one per line stays one per line). */
  private rewriteNames(statement: Node, unused: readonly string[], adding: readonly string[]): TextEdit | undefined {
    const names = statement.childrenForFieldName('name').filter((n): n is Node => n !== null);
    const first = names[0];
    const last = names[names.length - 1];
    if (!first || !last) return undefined;
    const kept = names.filter((n) => !unused.includes(boundName(n))).map((n) => n.text);
    const all = [...kept, ...adding];
    if (all.length === 0) return this.deleteLine(statement);
    const { text } = this.doc;
    const multiline = text.slice(first.startIndex, last.endIndex).includes('\n');
    const separator = multiline ? `,\n${indentAt(text, first.startIndex)}` : ', ';
    return { start: first.startIndex, end: last.endIndex, newText: all.join(separator) };
  }

  private deleteLine(statement: Node): TextEdit {
    const { text } = this.doc;
    const start = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
    const newline = text.indexOf('\n', statement.endIndex);
    return { start, end: newline === -1 ? text.length : newline + 1, newText: '' };
  }

  private newStatements(lines: readonly string[]): TextEdit {
    const { text } = this.doc;
    const block = lines.map((line) => `${line}\n`).join('');
    const previous = this.doc.imports().filter((s) => s.startIndex < this.before);
    const last = previous[previous.length - 1];
    if (last) {
      // After `from __future__ import …` only: a group of its own.
      const lead = last.type === 'future_import_statement' ? '\n' : '';
      const newline = text.indexOf('\n', last.endIndex);
      return newline === -1 ? { start: text.length, end: text.length, newText: `\n${lead}${block}` } : { start: newline + 1, end: newline + 1, newText: `${lead}${block}` };
    }
    // No import yet: after the shebang/encoding lines and the module docstring, set off by a blank line.
    let headerEnd = 0;
    let docstringSeen = false;
    for (const node of this.doc.root.namedChildren) {
      if (!node || node.startIndex > this.before) break;
      const docstring: boolean = !docstringSeen && node.type === 'expression_statement' && node.namedChildCount === 1 && node.namedChildren[0]?.type === 'string';
      const header = node.type === 'comment' && (node.text.startsWith('#!') || /coding[:=]/.test(node.text));
      if (!docstring && !header) break;
      docstringSeen ||= docstring;
      const newline = text.indexOf('\n', node.endIndex);
      headerEnd = newline === -1 ? text.length : newline + 1;
    }
    const rest = text.slice(headerEnd);
    const blankAfter = rest.length === 0 || /^[ \t]*\r?\n/.test(rest);
    if (headerEnd === 0) return { start: 0, end: 0, newText: `${block}${blankAfter ? '' : '\n'}` };
    const newline = text.endsWith('\n') || headerEnd < text.length ? '' : '\n';
    return { start: headerEnd, end: headerEnd, newText: `${newline}\n${block}${blankAfter ? '' : '\n'}` };
  }
}
