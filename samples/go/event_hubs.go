package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const eventHubsConnectionString = "Endpoint=sb://evh-orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM="

// SendTelemetry sends readings to the telemetry hub in one batch.
func SendTelemetry(ctx context.Context, readings [][]byte) error {
	producer, err := azeventhubs.NewProducerClientFromConnectionString(eventHubsConnectionString, "telemetry", nil)
	if err != nil {
		return err
	}
	defer producer.Close(ctx)
	batch, err := producer.NewEventDataBatch(ctx, nil)
	if err != nil {
		return err
	}
	for _, reading := range readings {
		if err := batch.AddEventData(&azeventhubs.EventData{Body: reading}, nil); err != nil {
			return err
		}
	}
	return producer.SendEventDataBatch(ctx, batch, nil)
}
