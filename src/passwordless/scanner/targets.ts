/** Names the Azure resource that code or configuration points at, from host names and connection-string keys. */
import type { ServiceId } from '../../core/roles';
import type { Target, TargetKind } from '../types';

interface TargetShape {
  kind: TargetKind;
  pattern: RegExp;
}

const storage = (sub: string): TargetShape[] => [
  { kind: 'account', pattern: new RegExp(`([a-z0-9]{3,24})\\.${sub}\\.core\\.windows\\.net`) },
  { kind: 'account', pattern: /AccountName=([a-z0-9]{3,24})/i },
];

const shapes: Record<ServiceId, TargetShape[]> = {
  blob: [...storage('blob'), { kind: 'account', pattern: /([a-z0-9]{3,24})\.dfs\.core\.windows\.net/ }],
  queue: storage('queue'),
  table: storage('table'),
  serviceBus: [{ kind: 'namespace', pattern: /([A-Za-z0-9-]{1,50})\.servicebus\.windows\.net/ }],
  eventHubs: [{ kind: 'namespace', pattern: /([A-Za-z0-9-]{1,50})\.servicebus\.windows\.net/ }],
  cosmosDb: [{ kind: 'account', pattern: /([a-z0-9-]{3,44})\.documents\.azure\.com/ }],
  appConfiguration: [{ kind: 'store', pattern: /([A-Za-z0-9-]{5,50})\.azconfig\.io/ }],
  keyVault: [{ kind: 'vault', pattern: /([A-Za-z0-9-]{3,24})\.vault\.azure\.net/ }],
  openAI: [
    { kind: 'endpoint', pattern: /([A-Za-z0-9-]{2,64})\.openai\.azure\.com/ },
    { kind: 'endpoint', pattern: /([A-Za-z0-9-]{2,64})\.cognitiveservices\.azure\.com/ },
  ],
  sql: [{ kind: 'server', pattern: /([a-z0-9-]{1,63})\.database\.windows\.net/ }],
  postgresql: [{ kind: 'server', pattern: /([a-z0-9-]{3,63})\.postgres\.database\.azure\.com/ }],
  clientSecret: [],
};

/** The first resource name the text gives for the service, if any. */
export function targetIn(service: ServiceId, text: string): Target | undefined {
  for (const shape of shapes[service]) {
    const match = shape.pattern.exec(text);
    if (match?.[1] && match[1] !== 'devstoreaccount1') return { kind: shape.kind, name: match[1] };
  }
  return undefined;
}
