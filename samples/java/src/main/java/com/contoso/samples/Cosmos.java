package com.contoso.samples;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;

public final class Cosmos {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String COSMOS_KEY = "KvMdu4+rq/hQ/K/fReEOV9U6HBX+Cka8qdyw8biG5ZwzKTb7sKN9fBWI/nT7/N0s6G0BD47vLpq2IuxgRJxl6w==";

    private static final CosmosClient CLIENT = new CosmosClientBuilder()
        .endpoint("https://cosmos-orders-prod.documents.azure.com:443/")
        .key(COSMOS_KEY)
        .buildClient();

    public static JsonNode readProduct(String id) {
        return CLIENT.getDatabase("catalog").getContainer("products")
            .readItem(id, new PartitionKey(id), JsonNode.class).getItem();
    }
}
