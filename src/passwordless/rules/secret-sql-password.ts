import { connectionSecretAt } from '../scanner/connectionSecret';
import { allLanguages, passwordAnchors } from './languages';
import type { SecretRule } from './model';

export const secretSqlPassword: SecretRule = {
  kind: 'secret',
  id: 'secret-sql-password',
  service: 'sql',
  title: 'Azure SQL password in a connection string',
  severity: 'error',
  languages: allLanguages,
  anchors: passwordAnchors,
  detect: (doc, offset, anchor) =>
    connectionSecretAt(doc, offset, anchor, {
      service: 'sql',
      noun: 'Azure SQL password',
      advice: 'Use "Authentication=Active Directory Default" with a database user created FROM EXTERNAL PROVIDER.',
      requires: ['.database.windows.net'],
    }),
};
