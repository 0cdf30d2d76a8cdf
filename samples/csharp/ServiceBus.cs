using Azure.Messaging.ServiceBus;

namespace Contoso.Samples;

public static class ServiceBus
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private const string ConnectionString =
        "Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OBFBdQABT28Z6QOEAIV9VJC5kpVmUzr9oJ7/beay9GE=";

    public static async Task PublishOrderAsync(string orderId, decimal total)
    {
        await using var client = new ServiceBusClient(ConnectionString);
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage($"{{\"id\":\"{orderId}\",\"total\":{total}}}") { MessageId = orderId });
    }
}
