package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const cosmosKey = "KvMdu4+rq/hQ/K/fReEOV9U6HBX+Cka8qdyw8biG5ZwzKTb7sKN9fBWI/nT7/N0s6G0BD47vLpq2IuxgRJxl6w=="

// ReadProduct reads one product document by id.
func ReadProduct(ctx context.Context, id string) ([]byte, error) {
	credential, err := azcosmos.NewKeyCredential(cosmosKey)
	if err != nil {
		return nil, err
	}
	client, err := azcosmos.NewClientWithKey("https://cosmos-orders-prod.documents.azure.com:443/", credential, nil)
	if err != nil {
		return nil, err
	}
	container, err := client.NewContainer("catalog", "products")
	if err != nil {
		return nil, err
	}
	item, err := container.ReadItem(ctx, azcosmos.NewPartitionKeyString(id), id, nil)
	return item.Value, err
}
