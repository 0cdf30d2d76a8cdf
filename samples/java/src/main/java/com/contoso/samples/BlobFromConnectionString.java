package com.contoso.samples;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.util.ArrayList;
import java.util.List;

public final class BlobFromConnectionString {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final String CONNECTION_STRING =
        "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net";

    public static List<String> listInvoices() {
        BlobServiceClient service = new BlobServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
        List<String> names = new ArrayList<>();
        service.getBlobContainerClient("invoices").listBlobs().forEach(blob -> names.add(blob.getName()));
        return names;
    }
}
