using Azure.Storage.Blobs;

namespace Contoso.Samples;

public static class BlobFromConnectionString
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private const string ConnectionString =
        "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net";

    public static async Task<List<string>> ListInvoicesAsync()
    {
        var service = new BlobServiceClient(ConnectionString);
        var container = service.GetBlobContainerClient("invoices");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }
}
