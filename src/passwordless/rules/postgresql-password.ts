import type { CodeRule } from './model';

export const postgresqlPassword: CodeRule = {
  kind: 'code',
  id: 'postgresql-password',
  service: 'postgresql',
  title: 'PostgreSQL connection with a password',
  severity: 'warning',
  message:
    'This PostgreSQL connection signs in with a password. Use an access token for https://ossrdbms-aad.database.windows.net/.default from DefaultAzureCredential as the password.',
  patterns: [
    { languages: ['typescript', 'javascript'], construct: ['Pool', 'Client'], when: 'password' },
    { languages: ['python'], call: ['psycopg2.connect', 'psycopg.connect'], when: 'password' },
  ],
};
