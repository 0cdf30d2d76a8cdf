package com.contoso.samples;

import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;

public final class KeyVault {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final ClientSecretCredential CREDENTIAL = new ClientSecretCredentialBuilder()
        .tenantId("3f9c2d1e-7a4b-4c8d-9e0f-1a2b3c4d5e6f")
        .clientId("5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b")
        .clientSecret("abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2")
        .build();

    private static final SecretClient SECRETS = new SecretClientBuilder()
        .vaultUrl("https://kv-orders-prod.vault.azure.net")
        .credential(CREDENTIAL)
        .buildClient();

    public static String smtpPassword() {
        return SECRETS.getSecret("smtp-password").getValue();
    }
}
