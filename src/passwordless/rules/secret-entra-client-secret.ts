import { isPlaceholder, mask } from '../scanner/secretText';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

const secretChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 126;

export const secretEntraClientSecret: SecretRule = {
  kind: 'secret',
  id: 'secret-entra-client-secret',
  service: 'clientSecret',
  title: 'Microsoft Entra client secret',
  severity: 'error',
  languages: allLanguages,
  anchors: ['Q~'],
  detect: ({ text }, offset) => {
    // Shape: three characters, a digit, "Q~", then 31–34 characters; nothing secret-like on either side.
    const start = offset - 4;
    if (start < 0 || (start > 0 && secretChar(text.charCodeAt(start - 1)))) return undefined;
    for (let i = start; i < offset - 1; i++) if (!secretChar(text.charCodeAt(i))) return undefined;
    const digit = text.charCodeAt(offset - 1);
    if (digit < 48 || digit > 57) return undefined;
    let end = offset + 2;
    while (end < text.length && end - offset - 2 < 35 && secretChar(text.charCodeAt(end))) end++;
    const tail = end - offset - 2;
    if (tail < 31 || tail > 34) return undefined;
    const value = text.slice(start, end);
    if (isPlaceholder(value)) return undefined;
    return {
      start,
      end,
      message: `Microsoft Entra client secret (${mask(value)}). Remove the app registration secret and use DefaultAzureCredential with a managed identity.`,
    };
  },
};
