using Azure.Data.AppConfiguration;

namespace Contoso.Samples;

public static class AppConfiguration
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static readonly ConfigurationClient Client = new(
        "Endpoint=https://appcs-orders-prod.azconfig.io;Id=Xq7u-l0-s0:Rk2vYp8wQm4nTz6aB1cD;Secret=cds4prriYKyZe8zrtKP0hYKlR1Cx6moNHq4F5AmXllY=");

    public static async Task<string?> FeatureFlagAsync(string name) =>
        (await Client.GetConfigurationSettingAsync($".appconfig.featureflag/{name}")).Value.Value;
}
