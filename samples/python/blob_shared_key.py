from azure.storage.blob import BlobServiceClient

ACCOUNT = "stordersprod01"
# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
ACCOUNT_KEY = "NKUp92AHAJkN6VLWJn7xXuuZfUGZxe2PY7FUfJqTUm2Q4NpOoXrSf3EVrKntqVXLUhsp3xUA9Vc76SCY7NffUQ=="


def uploads_container():
    service = BlobServiceClient(
        account_url=f"https://{ACCOUNT}.blob.core.windows.net",
        credential={"account_name": ACCOUNT, "account_key": ACCOUNT_KEY},
    )
    return service.get_container_client("uploads")
