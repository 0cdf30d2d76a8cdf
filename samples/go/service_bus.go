package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const serviceBusConnectionString = "Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OBFBdQABT28Z6QOEAIV9VJC5kpVmUzr9oJ7/beay9GE="

// PublishOrder sends an order to the orders queue.
func PublishOrder(ctx context.Context, orderID string, body []byte) error {
	client, err := azservicebus.NewClientFromConnectionString(serviceBusConnectionString, nil)
	if err != nil {
		return err
	}
	defer client.Close(ctx)
	sender, err := client.NewSender("orders", nil)
	if err != nil {
		return err
	}
	defer sender.Close(ctx)
	return sender.SendMessage(ctx, &azservicebus.Message{Body: body, MessageID: &orderID}, nil)
}
