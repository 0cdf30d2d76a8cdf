package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/data/azappconfig"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const appConfigConnectionString = "Endpoint=https://appcs-orders-prod.azconfig.io;Id=Xq7u-l0-s0:Rk2vYp8wQm4nTz6aB1cD;Secret=cds4prriYKyZe8zrtKP0hYKlR1Cx6moNHq4F5AmXllY="

// FeatureFlag reads a feature flag's raw value.
func FeatureFlag(ctx context.Context, name string) (*string, error) {
	client, err := azappconfig.NewClientFromConnectionString(appConfigConnectionString, nil)
	if err != nil {
		return nil, err
	}
	setting, err := client.GetSetting(ctx, ".appconfig.featureflag/"+name, nil)
	return setting.Value, err
}
