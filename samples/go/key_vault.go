package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const (
	tenantID     = "3f9c2d1e-7a4b-4c8d-9e0f-1a2b3c4d5e6f"
	clientID     = "5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b"
	clientSecret = "abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2"
)

// SMTPPassword reads the SMTP password from Key Vault with a service principal's secret.
func SMTPPassword(ctx context.Context) (*string, error) {
	credential, err := azidentity.NewClientSecretCredential(tenantID, clientID, clientSecret, nil)
	if err != nil {
		return nil, err
	}
	client, err := azsecrets.NewClient("https://kv-orders-prod.vault.azure.net", credential, nil)
	if err != nil {
		return nil, err
	}
	secret, err := client.GetSecret(ctx, "smtp-password", "", nil)
	return secret.Value, err
}
