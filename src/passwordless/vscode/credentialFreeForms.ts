/**
 * The credential-free form of each service's client per language (pure data from shared/reference/passwordless-catalog.md),
 * shown by the "Use managed identity" lens and the hover until the rewrite feature lands.
 */
import type { ServiceId } from '../../core/roles';
import { ruleLanguageOf } from '../languages';
import type { LanguageId } from '../types';

type FormLanguage = 'typescript' | 'python' | 'csharp' | 'java' | 'go' | 'config';

const forms: Record<FormLanguage, Partial<Record<ServiceId, string>>> = {
  typescript: {
    blob: 'new BlobServiceClient(`https://${account}.blob.core.windows.net`, new DefaultAzureCredential())',
    queue: 'new QueueClient(`https://${account}.queue.core.windows.net/${queue}`, new DefaultAzureCredential())',
    table: 'new TableClient(`https://${account}.table.core.windows.net`, table, new DefaultAzureCredential())',
    serviceBus: 'new ServiceBusClient("<namespace>.servicebus.windows.net", new DefaultAzureCredential())',
    eventHubs: 'new EventHubProducerClient("<namespace>.servicebus.windows.net", hub, new DefaultAzureCredential())',
    cosmosDb: 'new CosmosClient({ endpoint, aadCredentials: new DefaultAzureCredential() })',
    appConfiguration: 'new AppConfigurationClient(endpoint, new DefaultAzureCredential())',
    keyVault: 'new SecretClient(vaultUrl, new DefaultAzureCredential())',
    clientSecret: 'new DefaultAzureCredential()',
    openAI:
      'new AzureOpenAI({ azureADTokenProvider: getBearerTokenProvider(new DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default"), endpoint, apiVersion, deployment })',
    sql: 'authentication: { type: "azure-active-directory-default" }, options: { encrypt: true }',
    postgresql: 'password: (await new DefaultAzureCredential().getToken("https://ossrdbms-aad.database.windows.net/.default")).token',
  },
  python: {
    blob: 'BlobServiceClient(account_url=url, credential=DefaultAzureCredential())',
    queue: 'QueueClient(account_url=url, queue_name=queue, credential=DefaultAzureCredential())',
    table: 'TableServiceClient(endpoint=url, credential=DefaultAzureCredential())',
    serviceBus: 'ServiceBusClient(fully_qualified_namespace=ns, credential=DefaultAzureCredential())',
    eventHubs: 'EventHubProducerClient(fully_qualified_namespace=ns, eventhub_name=hub, credential=DefaultAzureCredential())',
    cosmosDb: 'CosmosClient(url, credential=DefaultAzureCredential())',
    appConfiguration: 'AzureAppConfigurationClient(base_url=endpoint, credential=DefaultAzureCredential())',
    keyVault: 'SecretClient(vault_url=url, credential=DefaultAzureCredential())',
    clientSecret: 'DefaultAzureCredential()',
    openAI:
      'AzureOpenAI(azure_endpoint=endpoint, api_version=version, azure_ad_token_provider=get_bearer_token_provider(DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default"))',
    sql: 'a token for https://database.windows.net/.default passed as attrs_before={1256: packed_token}',
  },
  csharp: {
    blob: 'new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), new DefaultAzureCredential())',
    queue: 'new QueueClient(new Uri($"https://{account}.queue.core.windows.net/{queue}"), new DefaultAzureCredential())',
    table: 'new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), new DefaultAzureCredential())',
    serviceBus: 'new ServiceBusClient("<namespace>.servicebus.windows.net", new DefaultAzureCredential())',
    eventHubs: 'new EventHubProducerClient(fullyQualifiedNamespace, hub, new DefaultAzureCredential())',
    cosmosDb: 'new CosmosClient(endpoint, new DefaultAzureCredential())',
    appConfiguration: 'new ConfigurationClient(new Uri(endpoint), new DefaultAzureCredential())',
    keyVault: 'new SecretClient(new Uri(vaultUrl), new DefaultAzureCredential())',
    clientSecret: 'new DefaultAzureCredential()',
    openAI: 'new AzureOpenAIClient(uri, new DefaultAzureCredential())',
    sql: '"Server=…;Database=…;Authentication=Active Directory Default;"',
  },
  java: {
    blob: 'new BlobServiceClientBuilder().endpoint(url).credential(new DefaultAzureCredentialBuilder().build())',
    queue: 'new QueueClientBuilder().endpoint(url).credential(new DefaultAzureCredentialBuilder().build())',
    table: 'new TableServiceClientBuilder().endpoint(url).credential(new DefaultAzureCredentialBuilder().build())',
    serviceBus: 'new ServiceBusClientBuilder().credential(fullyQualifiedNamespace, new DefaultAzureCredentialBuilder().build())',
    eventHubs: 'new EventHubClientBuilder().credential(fullyQualifiedNamespace, hub, new DefaultAzureCredentialBuilder().build())',
    cosmosDb: 'new CosmosClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())',
    appConfiguration: 'new ConfigurationClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())',
    keyVault: 'new SecretClientBuilder().vaultUrl(url).credential(new DefaultAzureCredentialBuilder().build())',
    clientSecret: 'new DefaultAzureCredentialBuilder().build()',
    openAI: 'new OpenAIClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())',
    sql: 'jdbc:sqlserver://…;authentication=ActiveDirectoryMSI; (user-assigned: msiClientId=<id>;)',
  },
  go: {
    blob: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azblob.NewClient(url, cred, nil)',
    queue: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azqueue.NewServiceClient(url, cred, nil)',
    table: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := aztables.NewServiceClient(url, cred, nil)',
    appConfiguration: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azappconfig.NewClient(endpoint, cred, nil)',
    openAI: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azopenai.NewClient(endpoint, cred, nil)',
    serviceBus: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azservicebus.NewClient(namespace, cred, nil)',
    eventHubs: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nproducer, _ := azeventhubs.NewProducerClient(namespace, hub, cred, nil)',
    cosmosDb: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)\nclient, _ := azcosmos.NewClient(endpoint, cred, nil)',
    clientSecret: 'cred, _ := azidentity.NewDefaultAzureCredential(nil)',
  },
  config: {
    blob: 'AZURE_STORAGEBLOB_RESOURCEENDPOINT=https://<account>.blob.core.windows.net (Functions: <PREFIX>__serviceUri)',
    queue: '<PREFIX>__serviceUri=https://<account>.queue.core.windows.net',
    serviceBus: 'AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE=<namespace>.servicebus.windows.net (Functions: <PREFIX>__fullyQualifiedNamespace)',
    eventHubs: '<PREFIX>__fullyQualifiedNamespace=<namespace>.servicebus.windows.net',
    cosmosDb: '<PREFIX>__accountEndpoint=https://<account>.documents.azure.com:443/',
    appConfiguration: 'the store endpoint only: https://<store>.azconfig.io',
    keyVault: 'AZURE_KEYVAULT_RESOURCEENDPOINT=https://<vault>.vault.azure.net',
    clientSecret: 'AZURE_CLIENT_ID=<client id of the user-assigned identity> (no secret)',
    openAI: 'the endpoint only: AZURE_OPENAI_ENDPOINT=https://<resource>.openai.azure.com',
  },
};

const fenceLanguage: Record<FormLanguage, string> = {
  typescript: 'typescript',
  python: 'python',
  csharp: 'csharp',
  java: 'java',
  go: 'go',
  config: 'properties',
};

function formLanguageOf(language: LanguageId): FormLanguage {
  const rule = ruleLanguageOf(language);
  if (rule === 'javascript') return 'typescript';
  return rule in forms ? (rule as FormLanguage) : 'config';
}

/** The credential-free form for this service in this language, with the Markdown fence language; undefined when unknown. */
export function credentialFreeForm(service: ServiceId, language: LanguageId): { code: string; fence: string } | undefined {
  const key = formLanguageOf(language);
  const code = forms[key][service];
  return code ? { code, fence: fenceLanguage[key] } : undefined;
}
