package com.contoso.samples;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;

public final class BlobSharedKey {
    private static final String ACCOUNT = "stordersprod01";
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String ACCOUNT_KEY = "NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ==";

    public static BlobContainerClient uploads() {
        return new BlobServiceClientBuilder()
            .endpoint("https://" + ACCOUNT + ".blob.core.windows.net")
            .credential(new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY))
            .buildClient()
            .getBlobContainerClient("uploads");
    }
}
