using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Contoso.Samples;

public static class KeyVault
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static readonly ClientSecretCredential Credential = new(
        "3f9c2d1e-7a4b-4c8d-9e0f-1a2b3c4d5e6f",
        "5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b",
        "abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2");

    private static readonly SecretClient Secrets = new(new Uri("https://kv-orders-prod.vault.azure.net"), Credential);

    public static async Task<string> SmtpPasswordAsync() => (await Secrets.GetSecretAsync("smtp-password")).Value.Value;
}
