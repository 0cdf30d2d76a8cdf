package com.contoso.samples;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusSenderClient;

public final class ServiceBus {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String CONNECTION_STRING =
        "Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OBFBdQABT28Z6QOEAIV9VJC5kpVmUzr9oJ7/beay9GE=";

    public static void publishOrder(String orderId, double total) {
        try (ServiceBusSenderClient sender = new ServiceBusClientBuilder()
                .connectionString(CONNECTION_STRING)
                .sender()
                .queueName("orders")
                .buildClient()) {
            sender.sendMessage(new ServiceBusMessage("{\"id\":\"" + orderId + "\",\"total\":" + total + "}").setMessageId(orderId));
        }
    }
}
