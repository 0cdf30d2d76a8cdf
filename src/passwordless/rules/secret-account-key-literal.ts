import { isEmulatorKey, isPlaceholder, mask } from '../scanner/secretText';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

const keyBodyLength = 86; // 64 random bytes in base64: 86 characters and "=="

const isBase64Char = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;

export const secretAccountKeyLiteral: SecretRule = {
  kind: 'secret',
  id: 'secret-account-key-literal',
  service: 'blob',
  title: 'Storage or Cosmos DB account key literal',
  severity: 'error',
  languages: allLanguages,
  anchors: ['=='],
  detect: (doc, offset) => {
    const { text } = doc;
    const start = offset - keyBodyLength;
    if (start < 0 || (start > 0 && isBase64Char(text.charCodeAt(start - 1)))) return undefined;
    const after = text.charCodeAt(offset + 2);
    if (after === 61 || isBase64Char(after)) return undefined;
    for (let i = offset - 1; i >= start; i--) if (!isBase64Char(text.charCodeAt(i))) return undefined;
    const value = text.slice(start, offset + 2);
    if (isEmulatorKey(value) || isPlaceholder(value)) return undefined;
    const cosmos = /cosmos|documents\.azure\.com/i.test(doc.lineAround(offset));
    return {
      start,
      end: offset + 2,
      service: cosmos ? 'cosmosDb' : 'blob',
      message: `${cosmos ? 'Cosmos DB' : 'Storage'} account key (${mask(value)}). Rotate the key and use DefaultAzureCredential with a data role.`,
    };
  },
};
