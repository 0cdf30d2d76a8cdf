/**
 * The document and the typing of the code-lens bench: a 5,000-line TypeScript file of ordinary service code (types,
 * classes, async functions, tests of input, some credential-free Azure clients) with a few findings, and 200
 * typing-like edits — single characters inserted (3 in 4) or deleted at random lines, a third of them on or next to
 * a finding. Edits accumulate: quotes and brackets typed or deleted leave the file unbalanced, as typing does.
 * Deterministic for a given seed.
 */

export interface Edit {
  offset: number;
  /** The inserted character, or '' for a deletion of one character. */
  insert: string;
}

const words = ['order', 'invoice', 'user', 'account', 'report', 'cache', 'event', 'item', 'price', 'queue', 'total', 'stock'];

export function randomOf(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
}

const blocks: Array<(name: string, i: number) => string> = [
  (n) => `export interface ${n}Dto {\n  id: string;\n  total: number;\n  tags: readonly string[];\n  createdAt?: Date;\n}\n`,
  (n, i) =>
    `export async function load${n}(id: string, signal?: AbortSignal): Promise<number> {\n  const response = await fetch(\`/api/${n.toLowerCase()}/\${encodeURIComponent(id)}\`, { signal });\n  if (!response.ok) throw new Error(\`load ${n} failed: \${response.status}\`);\n  const body = (await response.json()) as { values: number[] };\n  return body.values.filter((v) => v > ${i % 10}).reduce((a, b) => a + b, 0);\n}\n`,
  (n) =>
    `export class ${n}Store {\n  private readonly items = new Map<string, { value: number; at: number }>();\n\n  get(key: string): number | undefined {\n    const hit = this.items.get(key);\n    return hit && Date.now() - hit.at < 60_000 ? hit.value : undefined;\n  }\n\n  set(key: string, value: number): void {\n    // Keep the newest value; old entries expire on read.\n    this.items.set(key, { value, at: Date.now() });\n  }\n}\n`,
  (n, i) =>
    `const ${n.charAt(0).toLowerCase()}${n.slice(1)}Labels: Record<string, string> = {\n  open: 'Open',\n  closed: "Closed",\n  pending: \`Pending ${i}\`,\n};\n`,
  (n) =>
    `export function validate${n}(input: unknown): input is { name: string } {\n  if (typeof input !== 'object' || input === null) return false;\n  const name = (input as { name?: unknown }).name;\n  return typeof name === 'string' && /^[a-z][a-z0-9-]{2,62}$/.test(name);\n}\n`,
];

/** Already credential-free: hits the prefilter and gets parsed, never a finding. */
const credentialFree = [
  'const blobs = new BlobServiceClient(`https://${account}.blob.core.windows.net`, new DefaultAzureCredential());\n',
  'const secrets = new SecretClient(vaultUrl, credential);\n',
];

const findings = [
  'const storage = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!);\n',
  'export async function publish(order: OrderDto): Promise<void> {\n  const bus = new ServiceBusClient(process.env.SERVICEBUS_CONNECTION_STRING!);\n  await bus.createSender("orders").sendMessages({ body: order });\n}\n',
  'const cosmos = new CosmosClient({ endpoint: "https://shop.documents.azure.com", key: process.env.COSMOS_KEY });\n',
  'const settings = { storage: "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=' + 'QmVuY2hGYWtlS2V5'.repeat(5) + 'QmVuY2hGYWtl==;EndpointSuffix=core.windows.net" };\n',
];

export interface LensDocument {
  text: string;
  /** Offsets of the lines that hold a finding. */
  findingLines: number[];
}

export function lensDocument(lines = 5_000, seed = 11): LensDocument {
  const rnd = randomOf(seed);
  let text = "import { BlobServiceClient } from '@azure/storage-blob';\nimport { DefaultAzureCredential } from '@azure/identity';\n\n";
  const findingLines: number[] = [];
  const placeFindingEvery = Math.floor(lines / (findings.length + 1));
  let nextFinding = placeFindingEvery;
  let placed = 0;
  let lineCount = countLines(text);
  const append = (more: string) => {
    text += more;
    lineCount += countLines(more);
  };
  for (let i = 0; lineCount < lines; i++) {
    const name = `${words[Math.floor(rnd() * words.length)]!.replace(/^./, (c) => c.toUpperCase())}${words[Math.floor(rnd() * words.length)]!.replace(/^./, (c) => c.toUpperCase())}${i}`;
    append(blocks[i % blocks.length]!(name, i) + '\n');
    if (i % 97 === 50) append(credentialFree[(i / 97) % credentialFree.length | 0] + '\n');
    if (placed < findings.length && lineCount >= nextFinding) {
      findingLines.push(text.length);
      append(findings[placed++] + '\n');
      nextFinding += placeFindingEvery;
    }
  }
  return { text: text.split('\n').slice(0, lines).join('\n') + '\n', findingLines };
}

/**
 * What typing inserts, weighted roughly as in code: mostly letters, spaces and dots, some punctuation, and a few
 * brackets, quotes and line breaks (which leave the file unbalanced until the pair is typed).
 */
const typed = 'abcdefghijklmnopqrstuvwxyz' + 'etaoinsrlcdu' + '0123' + '      ' + '...,,;=_:' + '(){}[]"\'`' + '\n\n';
/** The same with VS Code's auto-closing pairs on (its default): a bracket or quote arrives with its partner. */
const typedAutoClosing = [...'abcdefghijklmnopqrstuvwxyz' + 'etaoinsrlcdu' + '0123' + '      ' + '...,,;=_:' + '\n\n', '()', '{}', '[]', '""', "''"];
/** What a deletion may remove when pairs are auto-closed: a backspace over a lone bracket or quote removes both. */
const deletableAutoClosing = /[A-Za-z0-9_ .,;=:\n]/;

/**
 * `count` edits against an evolving text: each edit applies to the text the previous one produced. `autoClosing`
 * types brackets and quotes in pairs, as VS Code does by default, so the file keeps lexing between edits.
 */
export function typingEdits(doc: LensDocument, count = 200, seed = 5, options: { autoClosing?: boolean } = {}): Edit[] {
  const rnd = randomOf(seed);
  const edits: Edit[] = [];
  let text = doc.text;
  const anchors = [...doc.findingLines];
  for (let i = 0; i < count; i++) {
    const lineStarts = starts(text);
    let line: number;
    if (rnd() < 1 / 3) {
      // On or near a finding: its own line or up to two lines around it.
      const anchor = anchors[Math.floor(rnd() * anchors.length)]!;
      line = Math.min(lineStarts.length - 1, Math.max(0, lineOf(lineStarts, anchor) + Math.floor(rnd() * 5) - 2));
    } else {
      line = Math.floor(rnd() * lineStarts.length);
    }
    const lineStart = lineStarts[line]!;
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const offset = lineStart + Math.floor(rnd() * (lineEnd - lineStart + 1));
    const alphabet = options.autoClosing ? typedAutoClosing : [...typed];
    const insert = rnd() < 0.75 || offset >= text.length || (options.autoClosing && !deletableAutoClosing.test(text[offset]!));
    const edit: Edit = insert ? { offset, insert: alphabet[Math.floor(rnd() * alphabet.length)]! } : { offset, insert: '' };
    edits.push(edit);
    text = applyEdit(text, edit);
    for (let a = 0; a < anchors.length; a++) if (anchors[a]! > offset) anchors[a] = anchors[a]! + (edit.insert ? edit.insert.length : -1);
  }
  return edits;
}

export function applyEdit(text: string, edit: Edit): string {
  return edit.insert ? text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset) : text.slice(0, edit.offset) + text.slice(edit.offset + 1);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function starts(text: string): number[] {
  const result = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) result.push(i + 1);
  return result;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
