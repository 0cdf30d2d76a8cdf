package com.contoso.samples;

import com.azure.data.appconfiguration.ConfigurationClient;
import com.azure.data.appconfiguration.ConfigurationClientBuilder;

public final class AppConfiguration {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final ConfigurationClient CLIENT = new ConfigurationClientBuilder()
        .connectionString("Endpoint=https://appcs-orders-prod.azconfig.io;Id=Xq7u-l0-s0:Rk2vYp8wQm4nTz6aB1cD;Secret=cds4prriYKyZe8zrtKP0hYKlR1Cx6moNHq4F5AmXllY=")
        .buildClient();

    public static String featureFlag(String name) {
        return CLIENT.getConfigurationSetting(".appconfig.featureflag/" + name, null).getValue();
    }
}
