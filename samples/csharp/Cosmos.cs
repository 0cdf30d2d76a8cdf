using Microsoft.Azure.Cosmos;

namespace Contoso.Samples;

public static class Cosmos
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static readonly CosmosClient Client = new(
        "AccountEndpoint=https://cosmos-orders-prod.documents.azure.com:443/;AccountKey=KvMdu4+rq/hQ/K/fReEOV9U6HBX+Cka8qdyw8biG5ZwzKTb7sKN9fBWI/nT7/N0s6G0BD47vLpq2IuxgRJxl6w==;");

    public static async Task<dynamic> ReadProductAsync(string id)
    {
        var container = Client.GetContainer("catalog", "products");
        return (await container.ReadItemAsync<dynamic>(id, new PartitionKey(id))).Resource;
    }
}
