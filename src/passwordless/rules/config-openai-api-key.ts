import { configLanguages } from '../languages';
import type { ConfigKeyRule } from './model';

export const configOpenAIApiKey: ConfigKeyRule = {
  kind: 'config-key',
  id: 'config-openai-api-key',
  service: 'openAI',
  title: 'Azure OpenAI / AI services API key setting',
  severity: 'error',
  languages: configLanguages,
  // AZURE_OPENAI_API_KEY, AzureOpenAI:Key, spring.ai.azure.openai.api-key, COGNITIVE_SERVICES_KEY
  keyPattern: /(openai|cognitiveservices?|aiservices)[a-z0-9]{0,40}key$/,
  noun: 'an Azure OpenAI API key',
};
