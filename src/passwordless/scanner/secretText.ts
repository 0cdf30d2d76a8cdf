/**
 * Helpers shared by the secret rules: connection-string segments around an anchor, placeholders, the public
 * emulator keys, and masking. Every loop is bounded and every regex is linear (no nested quantifiers).
 */

/** Published, non-secret keys of the local emulators (Azurite, Cosmos DB emulator). */
const emulatorKeys = new Set([
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
]);

export function isEmulatorKey(value: string): boolean {
  return emulatorKeys.has(value);
}

const placeholderShapes = [
  /\$\{[^}]{0,200}\}/, // ${VAR}
  /\$\([^)]{0,200}\)/, // $(VAR)
  /\{\{[^}]{0,200}\}\}/, // {{ var }}
  /<[^<>]{1,200}>/, // <your-key>
  /%[A-Za-z_][A-Za-z0-9_]{0,100}%/, // %VAR%
  /^\$[A-Za-z_]/, // $VAR
  /^\[[^\]]{1,200}\]$/, // [key]
  /^\{[^}]{1,200}\}$/, // {0}, {password}
  /^x{3,}/i, // xxx…
  /^\*{3,}/,
  /\.\.\./,
  /your[-_ ]?(account|storage|key|secret|password|connection)/i,
  /^(changeme|placeholder|redacted|replace[-_ ]?me|secret|password|dummy|example|sample|todo|none|null|undefined)$/i,
];

/** True for values that are obviously not a real secret: templates, env references, "xxx", "<your-key>". */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (placeholderShapes.some((shape) => shape.test(v))) return true;
  // One character repeated ("0000…", "aaaa…==") is a filler, not a key.
  let bodyEnd = v.length;
  while (bodyEnd > 0 && v[bodyEnd - 1] === '=') bodyEnd--;
  const body = v.slice(0, bodyEnd);
  return body.length > 1 && body.split(body[0]!).length === body.length + 1;
}

/** "abcd…(88 chars)": enough to recognise a value, never enough to use it. */
export function mask(value: string): string {
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

/** The value after `anchor` (which ends with '='), up to ';', '&', whitespace or the segment's end. */
export function valueAfter(text: string, anchorOffset: number, anchor: string, segmentEnd: number, stopAtAmpersand = false): { start: number; end: number; value: string } {
  const start = anchorOffset + anchor.length;
  let end = start;
  while (end < segmentEnd) {
    const c = text.charCodeAt(end);
    if (c === 59 /* ; */ || c === 32 || c === 9 || c === 44 /* , */ || (stopAtAmpersand && c === 38)) break;
    end++;
  }
  return { start, end, value: text.slice(start, end) };
}

/** Whether the anchor starts a key of its own (not the tail of another word: "MyAccountKey=" is not "AccountKey="). */
export function startsKey(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const c = text.charCodeAt(offset - 1);
  const isWordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return !isWordChar;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function looksLikeBase64Key(value: string, minLength: number): boolean {
  return value.length >= minLength && value.length <= 200 && base64.test(value);
}
