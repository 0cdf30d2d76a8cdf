import type { CodeRule } from './model';

export const appConfigurationConnectionString: CodeRule = {
  kind: 'code',
  id: 'app-configuration-connection-string',
  service: 'appConfiguration',
  title: 'App Configuration client built from a connection string',
  severity: 'warning',
  message: 'This App Configuration client authenticates with an access key. Use the store endpoint (https://<store>.azconfig.io) with DefaultAzureCredential.',
  patterns: [
    { languages: ['typescript', 'javascript'], construct: ['AppConfigurationClient'], when: 'noCredential' },
    { languages: ['python'], call: ['AzureAppConfigurationClient.from_connection_string'] },
    { languages: ['csharp'], construct: ['ConfigurationClient'], when: 'noCredential' },
    { languages: ['csharp'], call: ['AddAzureAppConfiguration'], when: 'noCredential' },
    // AddAzureAppConfiguration(options => options.Connect(cs)): the options lambda's connection-string overload.
    { languages: ['csharp'], call: ['Connect'], within: ['AddAzureAppConfiguration'], when: 'noCredential' },
    { languages: ['java'], call: ['connectionString'], receiver: ['ConfigurationClientBuilder'] },
    { languages: ['go'], call: ['azappconfig.NewClientFromConnectionString'] },
  ],
};
