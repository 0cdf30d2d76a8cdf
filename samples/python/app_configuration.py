from azure.appconfiguration import AzureAppConfigurationClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
client = AzureAppConfigurationClient.from_connection_string(
    "Endpoint=https://appcs-orders-prod.azconfig.io;Id=Xq7u-l0-s0:Rk2vYp8wQm4nTz6aB1cD;Secret=cds4prriYKyZe8zrtKP0hYKlR1Cx6moNHq4F5AmXllY="
)


def feature_flag(name: str) -> str | None:
    return client.get_configuration_setting(key=f".appconfig.featureflag/{name}").value
