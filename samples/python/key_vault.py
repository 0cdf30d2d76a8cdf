from azure.identity import ClientSecretCredential
from azure.keyvault.secrets import SecretClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
credential = ClientSecretCredential(
    tenant_id="3f9c2d1e-7a4b-4c8d-9e0f-1a2b3c4d5e6f",
    client_id="5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b",
    client_secret="abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2",
)
secrets = SecretClient(vault_url="https://kv-orders-prod.vault.azure.net", credential=credential)


def smtp_password() -> str | None:
    return secrets.get_secret("smtp-password").value
