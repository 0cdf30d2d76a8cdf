package samples

import (
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

const storageAccount = "stordersprod01"

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const storageAccountKey = "NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ=="

// UploadsClient returns a blob client for the uploads account, signed with the account key.
func UploadsClient() (*azblob.Client, error) {
	credential, err := azblob.NewSharedKeyCredential(storageAccount, storageAccountKey)
	if err != nil {
		return nil, err
	}
	return azblob.NewClientWithSharedKeyCredential(fmt.Sprintf("https://%s.blob.core.windows.net/", storageAccount), credential, nil)
}
