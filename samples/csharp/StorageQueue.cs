using Azure.Storage.Queues;

namespace Contoso.Samples;

public static class StorageQueue
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private const string ConnectionString =
        "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net";

    public static Task EnqueueResizeAsync(string imageName)
    {
        var queue = new QueueClient(ConnectionString, "resize-requests");
        return queue.SendMessageAsync($"{{\"imageName\":\"{imageName}\"}}");
    }
}
