/**
 * A generated corpus for the scan bench: mixed-language source, mostly clean (ordinary code, some of it already
 * credential-free Azure code), a small share with findings. Deterministic for a given seed; written at run time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Generator = (rnd: () => number, i: number) => string;

const word = (rnd: () => number) => ['order', 'invoice', 'user', 'account', 'report', 'cache', 'event', 'item', 'price', 'queue', 'total', 'stock'][Math.floor(rnd() * 12)]!;
const name = (rnd: () => number, i: number) => `${word(rnd)}${word(rnd).replace(/^./, (c) => c.toUpperCase())}${i}`;

const clean: Record<string, Generator> = {
  ts: (r, i) => `export interface ${name(r, i)}Dto { id: string; total: number; tags: string[] }\nexport async function load${name(r, i)}(id: string): Promise<number> {\n  const response = await fetch(\`/api/items/\${id}\`);\n  if (!response.ok) throw new Error(\`failed: \${response.status}\`);\n  const body = (await response.json()) as { values: number[] };\n  return body.values.filter((v) => v > 0).reduce((a, b) => a + b, 0);\n}\n`,
  js: (r, i) => `function ${name(r, i)}(items, limit) {\n  const out = [];\n  for (const item of items) {\n    if (out.length >= limit) break;\n    out.push({ ...item, label: String(item.name).trim().toLowerCase() });\n  }\n  return out.sort((a, b) => a.label.localeCompare(b.label));\n}\nmodule.exports.${name(r, i)} = ${name(r, i)};\n`,
  py: (r, i) => `def ${name(r, i).toLowerCase()}(rows, threshold=10):\n    """Sum the rows above the threshold."""\n    total = 0\n    for row in rows:\n        if row.get("value", 0) > threshold:\n            total += row["value"]\n    return {"total": total, "count": len(rows)}\n\n\n`,
  cs: (r, i) => `public sealed class ${name(r, i)}Service\n{\n    private readonly Dictionary<string, int> _counts = new();\n    public int Add(string key, int amount)\n    {\n        _counts.TryGetValue(key, out var current);\n        _counts[key] = current + amount;\n        return _counts[key];\n    }\n}\n`,
  java: (r, i) => `public final class ${name(r, i)}Handler {\n    private final Map<String, Integer> counts = new HashMap<>();\n    public int add(String key, int amount) {\n        int next = counts.getOrDefault(key, 0) + amount;\n        counts.put(key, next);\n        return next;\n    }\n}\n`,
  go: (r, i) => `func ${name(r, i)}(values []int, limit int) (int, error) {\n\tif limit <= 0 {\n\t\treturn 0, fmt.Errorf("limit must be positive: %d", limit)\n\t}\n\tsum := 0\n\tfor i, v := range values {\n\t\tif i >= limit {\n\t\t\tbreak\n\t\t}\n\t\tsum += v\n\t}\n\treturn sum, nil\n}\n`,
};

/** Already credential-free Azure code: passes the prefilter, gets parsed, yields nothing. */
const credentialFree: Record<string, string> = {
  ts: 'const blob = new BlobServiceClient(`https://${account}.blob.core.windows.net`, new DefaultAzureCredential());\n',
  js: 'const bus = new ServiceBusClient("orders.servicebus.windows.net", new DefaultAzureCredential());\n',
  py: 'client = SecretClient(vault_url=url, credential=DefaultAzureCredential())\n',
  cs: 'var client = new CosmosClient(endpoint, new DefaultAzureCredential());\n',
  java: 'SecretClient c = new SecretClientBuilder().vaultUrl(url).credential(new DefaultAzureCredentialBuilder().build()).buildClient();\n',
  go: 'var producer, _ = azeventhubs.NewProducerClient(ns, "telemetry", cred, nil)\n',
};

const withFinding: Record<string, string> = {
  ts: 'const bus = new ServiceBusClient(process.env.SERVICEBUS_CONNECTION_STRING!);\n',
  js: 'const blob = BlobServiceClient.fromConnectionString(process.env.STORAGE);\n',
  py: 'client = BlobServiceClient.from_connection_string(conn_str)\n',
  cs: 'var client = new ServiceBusClient(connectionString);\n',
  java: 'ServiceBusSenderClient s = new ServiceBusClientBuilder().connectionString(cs).sender().queueName("q").buildClient();\n',
  go: 'var client, _ = azservicebus.NewClientFromConnectionString(cs, nil)\n',
};

const header: Record<string, string> = { go: 'package main\n\n', java: 'import java.util.*;\n\n', cs: 'using System.Collections.Generic;\n\n', ts: '', js: '', py: 'import os\n\n' };

export interface Corpus {
  dir: string;
  bytes: number;
  files: number;
  filesWithFindings: number;
}

export function generateCorpus(dir: string, targetBytes: number, seed = 7): Corpus {
  let state = seed;
  const rnd = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
  const extensions = Object.keys(clean);
  let bytes = 0;
  let files = 0;
  let filesWithFindings = 0;
  while (bytes < targetBytes) {
    const ext = extensions[files % extensions.length]!;
    const folder = join(dir, `pkg${files % 50}`);
    if (files < 50) mkdirSync(folder, { recursive: true });
    let text = header[ext]!;
    const roll = rnd();
    if (roll < 0.05) text += credentialFree[ext];
    const target = 8_000 + Math.floor(rnd() * 24_000);
    for (let i = 0; text.length < target; i++) text += clean[ext]!(rnd, i);
    if (roll > 0.98) {
      text += withFinding[ext];
      filesWithFindings++;
    }
    writeFileSync(join(folder, `file${files}.${ext}`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  const config = `AZURE_CLIENT_ID=00000000-0000-0000-0000-000000000000\nAZURE_STORAGEBLOB_RESOURCEENDPOINT=https://invoices.blob.core.windows.net\n`;
  writeFileSync(join(dir, '.env'), config);
  return { dir, bytes: bytes + config.length, files: files + 1, filesWithFindings };
}

/** One minified-style line of about 1 MB with a call and a committed secret somewhere in it. */
export function oneMegabyteLine(): string {
  const unit = 'function a(b,c){return b.map(function(d){return d*c}).filter(Boolean)};var e={f:1,g:"h",i:[1,2,3]};';
  const body = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const middle = Math.floor(body.length / 2);
  return `${body.slice(0, middle)}var s=new ServiceBusClient(cs);var k="Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0MTIzNDU=";${body.slice(middle)}`;
}
