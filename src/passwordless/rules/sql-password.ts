import type { CodeRule } from './model';

export const sqlPassword: CodeRule = {
  kind: 'code',
  id: 'sql-password',
  service: 'sql',
  title: 'Azure SQL connection with a password',
  severity: 'warning',
  message:
    'This SQL connection signs in with a user name and password. Use authentication: { type: "azure-active-directory-default" } with options: { encrypt: true }.',
  patterns: [
    { languages: ['typescript', 'javascript'], construct: ['ConnectionPool', 'Connection'], when: 'password' },
    { languages: ['typescript', 'javascript'], call: ['sql.connect', 'mssql.connect'], when: 'password' },
  ],
};
