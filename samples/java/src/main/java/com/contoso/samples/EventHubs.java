package com.contoso.samples;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import java.util.List;

public final class EventHubs {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String CONNECTION_STRING =
        "Endpoint=sb://evh-orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM=";

    public static void sendTelemetry(List<String> readings) {
        EventHubProducerClient producer = new EventHubClientBuilder()
            .connectionString(CONNECTION_STRING, "telemetry")
            .buildProducerClient();
        EventDataBatch batch = producer.createBatch();
        readings.forEach(reading -> batch.tryAdd(new EventData(reading)));
        producer.send(batch);
        producer.close();
    }
}
