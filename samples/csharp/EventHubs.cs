using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;

namespace Contoso.Samples;

public static class EventHubs
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private const string ConnectionString =
        "Endpoint=sb://evh-orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM=;EntityPath=telemetry";

    public static async Task SendTelemetryAsync(IEnumerable<string> readings)
    {
        await using var producer = new EventHubProducerClient(ConnectionString, "telemetry");
        using var batch = await producer.CreateBatchAsync();
        foreach (var reading in readings) batch.TryAdd(new EventData(reading));
        await producer.SendAsync(batch);
    }
}
