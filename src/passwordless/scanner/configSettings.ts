/** Reads name/value settings out of configuration files, with the value's exact offsets. */
// The ESM build: esbuild cannot follow the UMD build's dynamic requires.
import { visit } from 'jsonc-parser/lib/esm/main.js';
import type { ConfigLanguage } from '../types';

export interface Setting {
  /** The leaf name as written: "AccountKey", "AZURE_CLIENT_SECRET", "spring.cloud.azure.storage.blob.account-key". */
  name: string;
  value: string;
  start: number;
  end: number;
}

export function settingsOf(text: string, language: ConfigLanguage): Setting[] {
  return language === 'appsettings' || language === 'localsettings' ? jsonSettings(text) : lineSettings(text, language);
}

function jsonSettings(text: string): Setting[] {
  const settings: Setting[] = [];
  let property: string | undefined;
  visit(
    text,
    {
      onObjectProperty: (name) => {
        property = name;
      },
      onLiteralValue: (value, offset, length) => {
        if (property !== undefined && typeof value === 'string') settings.push({ name: property, value, start: offset + 1, end: offset + length - 1 });
        property = undefined;
      },
      onObjectBegin: () => {
        property = undefined;
      },
      onArrayBegin: () => {
        property = undefined;
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
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 8192));
    const match = shape.exec(line);
    if (match?.[1]) {
      const value = unquote(line, match[0].length, language !== 'properties');
      if (value) settings.push({ name: match[1], value: value.text, start: lineStart + value.start, end: lineStart + value.end });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return settings;
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
