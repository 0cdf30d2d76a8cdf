/** What a Java or Go rewrite of one call collects: its edits and the settings its endpoint expressions read. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServiceId } from '../../../core/roles';
import type { CallSite } from '../../scanner/syntax';
import type { RewriteInput, SettingRef, TextEdit } from '../model';
import { endpointCode, type EndpointCode } from './connectionEndpoint';
import type { ParsedCode } from './parsedCode';
import { spanOf, type Span } from './textRanges';

export class EditSession<Doc extends ParsedCode> {
  protected readonly edits: TextEdit[] = [];
  protected readonly settings: SettingRef[] = [];

  constructor(
    readonly doc: Doc,
    readonly site: CallSite,
    readonly input: RewriteInput,
  ) {}

  get args(): Node[] {
    return this.site.args.map((a) => a.value);
  }

  replace(span: Span | Node, newText: string): void {
    const { start, end } = 'startIndex' in span ? spanOf(span) : span;
    this.edits.push({ start, end, newText });
  }

  insert(at: number, newText: string): void {
    this.edits.push({ start: at, end: at, newText });
  }

  /** The endpoint in place of a connection string: derived from a visible literal, else read from the environment. */
  endpoint(service: ServiceId, connectionString: Node): EndpointCode | undefined {
    return endpointCode(service, this.doc.sourceOf(connectionString), this.doc, this.settings);
  }
}
