/** Reads name/value settings out of configuration files, with the value's exact offsets. */
// The ESM build: esbuild cannot follow the UMD build's dynamic requires.
import { visit } from 'jsonc-parser/lib/esm/main.js';
import type { ConfigLanguage } from '../types';

export interface Setting {
  /** The full name: "Storage:AccountKey" (JSON), "spring.cloud.azure.storage.blob.account-key" (YAML, properties), "AZURE_CLIENT_SECRET". */
  name: string;
  value: string;
  start: number;
  end: number;
}

export function settingsOf(text: string, language: ConfigLanguage): Setting[] {
  return language === 'appsettings' || language === 'localsettings' ? jsonSettings(text) : lineSettings(text, language);
}

function jsonSettings(text: string): Setting[] {
  try {
    return jsonTreeSettings(text);
  } catch (error) {
    // jsonc-parser recurses per nesting level: absurdly deep files fall back to flat "name": "value" pairs.
    if (error instanceof RangeError) return flatJsonSettings(text);
    throw error;
  }
}

const flatPair = /"([^"\\\r\n]{1,200})"[ \t\r\n]{0,100}:[ \t\r\n]{0,100}"([^"\\\r\n]{0,4096})"/g;

function flatJsonSettings(text: string): Setting[] {
  const settings: Setting[] = [];
  for (const match of text.matchAll(flatPair)) {
    const start = match.index + match[0].length - 1 - match[2]!.length;
    settings.push({ name: match[1]!, value: match[2]!, start, end: start + match[2]!.length });
  }
  return settings;
}

function jsonTreeSettings(text: string): Setting[] {
  const settings: Setting[] = [];
  visit(
    text,
    {
      onLiteralValue: (value, offset, length, _line, _column, path) => {
        const names = path();
        if (typeof value === 'string' && typeof names[names.length - 1] === 'string') {
          settings.push({ name: names.join(':'), value, start: offset + 1, end: offset + length - 1 });
        }
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return settings;
}

/** `KEY=value` (.env, .properties) or `key: value` (YAML, .properties); one setting per line, comments skipped. */
const lineShapes: Record<Exclude<ConfigLanguage, 'appsettings' | 'localsettings'>, RegExp> = {
  dotenv: /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]{0,200})[ \t]*=[ \t]*/,
  properties: /^[ \t]*([A-Za-z0-9_.\-[\]]{1,300})[ \t]*[=:][ \t]*/,
  yaml: /^[ \t]*(?:-[ \t]+)?([A-Za-z0-9_.-]{1,300})[ \t]*:[ \t]+/,
};

function lineSettings(text: string, language: keyof typeof lineShapes): Setting[] {
  const shape = lineShapes[language];
  const settings: Setting[] = [];
  const parents: Array<{ indent: number; name: string }> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 8192));
    const match = shape.exec(line);
    if (match?.[1]) {
      const value = unquote(line, match[0].length, language !== 'properties');
      const name = language === 'yaml' ? yamlPath(parents, line, match[1], value === undefined) : match[1];
      if (value) settings.push({ name, value: value.text, start: lineStart + value.start, end: lineStart + value.end });
    } else if (language === 'yaml') {
      const parent = yamlParent.exec(line);
      if (parent?.[1]) yamlPath(parents, line, parent[1], true);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return settings;
}

const yamlParent = /^[ \t]*([A-Za-z0-9_.-]{1,300})[ \t]*:[ \t]*(?:#.*)?$/;

/** The dotted path of a YAML key from indentation; a key without a value becomes the parent of deeper keys. */
function yamlPath(parents: Array<{ indent: number; name: string }>, line: string, key: string, isParent: boolean): string {
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t' || line[indent] === '-')) indent++;
  while (parents.length > 0 && parents[parents.length - 1]!.indent >= indent) parents.pop();
  const path = [...parents.map((p) => p.name), key].join('.');
  if (isParent) parents.push({ indent, name: key });
  return path;
}

/** The value after the separator: inside quotes when quoted, else up to a trailing " #" comment. */
function unquote(line: string, from: number, hashComments: boolean): { text: string; start: number; end: number } | undefined {
  const first = line[from];
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, from + 1);
    if (close === -1) return undefined;
    return { text: line.slice(from + 1, close), start: from + 1, end: close };
  }
  let end = line.length;
  if (hashComments) {
    const comment = line.indexOf(' #', from);
    if (comment !== -1) end = comment;
  }
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  return end > from ? { text: line.slice(from, end), start: from, end } : undefined;
}
