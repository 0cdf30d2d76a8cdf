import { AzureOpenAI } from 'openai';

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const client = new AzureOpenAI({
  endpoint: 'https://oai-orders-prod.openai.azure.com',
  apiKey: '8c560e9ceb154426143fc01060362460',
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o-mini',
});

export async function summarize(text: string): Promise<string> {
  const reply = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Summarize in one sentence: ${text}` }],
  });
  return reply.choices[0]?.message.content ?? '';
}
