/** Words and icons for the resource types Keyless shows, so the tree and messages speak like the portal does. */

export interface ResourceKind {
  /** Lower-case ARM type, e.g. "microsoft.compute/virtualmachines". */
  type: string;
  /** How a person names it in a sentence: "virtual machine". */
  noun: string;
  /** A codicon id for the tree. */
  icon: string;
}

const kinds: ResourceKind[] = [
  { type: 'microsoft.compute/virtualmachines', noun: 'virtual machine', icon: 'vm' },
  { type: 'microsoft.compute/virtualmachinescalesets', noun: 'virtual machine scale set', icon: 'server-environment' },
  { type: 'microsoft.web/sites', noun: 'app service', icon: 'globe' },
  { type: 'microsoft.web/sites/slots', noun: 'deployment slot', icon: 'globe' },
  { type: 'microsoft.app/containerapps', noun: 'container app', icon: 'package' },
  { type: 'microsoft.app/jobs', noun: 'container app job', icon: 'package' },
  { type: 'microsoft.containerservice/managedclusters', noun: 'Kubernetes cluster', icon: 'server-process' },
  { type: 'microsoft.logic/workflows', noun: 'logic app', icon: 'symbol-event' },
  { type: 'microsoft.storage/storageaccounts', noun: 'storage account', icon: 'database' },
  { type: 'microsoft.storage/storageaccounts/blobservices/containers', noun: 'blob container', icon: 'folder' },
  { type: 'microsoft.storage/storageaccounts/queueservices/queues', noun: 'queue', icon: 'list-ordered' },
  { type: 'microsoft.keyvault/vaults', noun: 'key vault', icon: 'key' },
  { type: 'microsoft.servicebus/namespaces', noun: 'Service Bus namespace', icon: 'mail' },
  { type: 'microsoft.servicebus/namespaces/queues', noun: 'Service Bus queue', icon: 'mail' },
  { type: 'microsoft.servicebus/namespaces/topics', noun: 'Service Bus topic', icon: 'mail' },
  { type: 'microsoft.eventhub/namespaces', noun: 'Event Hubs namespace', icon: 'pulse' },
  { type: 'microsoft.eventhub/namespaces/eventhubs', noun: 'event hub', icon: 'pulse' },
  { type: 'microsoft.appconfiguration/configurationstores', noun: 'App Configuration store', icon: 'settings' },
  { type: 'microsoft.cognitiveservices/accounts', noun: 'Azure AI services account', icon: 'sparkle' },
  { type: 'microsoft.containerregistry/registries', noun: 'container registry', icon: 'archive' },
  { type: 'microsoft.documentdb/databaseaccounts', noun: 'Cosmos DB account', icon: 'database' },
  { type: 'microsoft.managedidentity/userassignedidentities', noun: 'managed identity', icon: 'account' },
];

const byType = new Map(kinds.map((k) => [k.type, k]));

export function resourceKind(type: string): ResourceKind {
  const key = type.toLowerCase();
  return byType.get(key) ?? { type: key, noun: key.split('/').pop() ?? key, icon: 'symbol-misc' };
}

/** Resource types that can carry a managed identity and to which Keyless can assign one. */
export const ASSIGNABLE_TYPES = [
  'microsoft.compute/virtualmachines',
  'microsoft.compute/virtualmachinescalesets',
  'microsoft.web/sites',
  'microsoft.app/containerapps',
] as const;
