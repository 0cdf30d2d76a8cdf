package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const storageConnectionString = "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net"

// ListInvoices lists the blobs in the invoices container.
func ListInvoices(ctx context.Context) ([]string, error) {
	client, err := azblob.NewClientFromConnectionString(storageConnectionString, nil)
	if err != nil {
		return nil, err
	}
	var names []string
	pager := client.NewListBlobsFlatPager("invoices", nil)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, blob := range page.Segment.BlobItems {
			names = append(names, *blob.Name)
		}
	}
	return names, nil
}
