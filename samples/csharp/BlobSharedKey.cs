using Azure.Storage;
using Azure.Storage.Blobs;

namespace Contoso.Samples;

public static class BlobSharedKey
{
    private const string Account = "stordersprod01";
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private const string AccountKey = "NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ==";

    public static BlobContainerClient Uploads()
    {
        var credential = new StorageSharedKeyCredential(Account, AccountKey);
        var service = new BlobServiceClient(new Uri($"https://{Account}.blob.core.windows.net"), credential);
        return service.GetBlobContainerClient("uploads");
    }
}
