package com.contoso.samples;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;

public final class StorageQueue {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String CONNECTION_STRING =
        "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net";

    public static void enqueueResize(String imageName) {
        QueueClient queue = new QueueClientBuilder()
            .connectionString(CONNECTION_STRING)
            .queueName("resize-requests")
            .buildClient();
        queue.sendMessage("{\"imageName\":\"" + imageName + "\"}");
    }
}
