package samples

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azqueue"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const queueConnectionString = "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net"

// EnqueueResize asks the resizer to process an image.
func EnqueueResize(ctx context.Context, imageName string) error {
	service, err := azqueue.NewServiceClientFromConnectionString(queueConnectionString, nil)
	if err != nil {
		return err
	}
	_, err = service.NewQueueClient("resize-requests").EnqueueMessage(ctx, fmt.Sprintf(`{"imageName":%q}`, imageName), nil)
	return err
}
