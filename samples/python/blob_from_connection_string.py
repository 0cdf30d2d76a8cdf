from azure.storage.blob import BlobServiceClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
CONNECTION_STRING = "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net"


def list_invoices() -> list[str]:
    service = BlobServiceClient.from_connection_string(CONNECTION_STRING)
    container = service.get_container_client("invoices")
    return [blob.name for blob in container.list_blobs()]
