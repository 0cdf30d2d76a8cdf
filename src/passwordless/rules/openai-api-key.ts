import type { CodeRule } from './model';

export const openAIApiKey: CodeRule = {
  kind: 'code',
  id: 'openai-api-key',
  service: 'openAI',
  title: 'Azure OpenAI / AI services client built with an API key',
  severity: 'warning',
  message:
    'This Azure OpenAI client authenticates with an API key. Use a bearer-token provider from DefaultAzureCredential for https://cognitiveservices.azure.com/.default.',
  patterns: [
    { languages: ['typescript', 'javascript'], construct: ['AzureOpenAI', 'OpenAIClient'], when: 'noCredential' },
    { languages: ['python'], call: ['AzureOpenAI', 'AsyncAzureOpenAI'], when: 'noCredential' },
    { languages: ['csharp'], construct: ['AzureOpenAIClient', 'OpenAIClient'], when: 'noCredential' },
    { languages: ['java'], call: ['credential'], receiver: ['OpenAIClientBuilder'], when: 'noCredential' },
    { languages: ['go'], call: ['azopenai.NewClientWithKeyCredential'] },
  ],
};
