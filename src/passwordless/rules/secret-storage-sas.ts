import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages } from './languages';
import type { SecretRule } from './model';

export const secretStorageSas: SecretRule = {
  kind: 'secret',
  id: 'secret-storage-sas',
  service: 'blob',
  title: 'Storage shared access signature',
  severity: 'error',
  languages: allLanguages,
  anchors: ['sig='],
  detect: (doc, offset, anchor) => {
    // A SAS signature is a query parameter: "?…&sig=…" in a URL, "SharedAccessSignature=sv=…&sig=…" in a connection string.
    const before = doc.text.charCodeAt(offset - 1);
    if (before !== 38 /* & */ && before !== 63 /* ? */) return undefined;
    return connectionSecretAt(doc, offset, anchor, {
      service: 'blob',
      noun: 'Storage SAS signature',
      advice: 'Revoke the SAS and use the storage endpoint with DefaultAzureCredential.',
      requires: ['sv='],
      minLength: 20,
      stopAtAmpersand: true,
    });
  },
};
