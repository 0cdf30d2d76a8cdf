// Keyless sample: Go code that builds Azure clients from secrets (all FAKE).
module contoso.example/samples

go 1.22

require (
	github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai v0.7.1
	github.com/Azure/azure-sdk-for-go/sdk/azcore v1.16.0
	github.com/Azure/azure-sdk-for-go/sdk/azidentity v1.8.0
	github.com/Azure/azure-sdk-for-go/sdk/data/azappconfig v1.1.0
	github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos v1.2.0
	github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs v1.2.3
	github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus v1.7.4
	github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets v1.3.0
	github.com/Azure/azure-sdk-for-go/sdk/storage/azblob v1.5.0
	github.com/Azure/azure-sdk-for-go/sdk/storage/azqueue v1.0.0
)
