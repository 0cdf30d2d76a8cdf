from azure.cosmos import CosmosClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
COSMOS_KEY = "KvMdu4+rq/hQ/K/fReEOV9U6HBX+Cka8qdyw8biG5ZwzKTb7sKN9fBWI/nT7/N0s6G0BD47vLpq2IuxgRJxl6w=="
client = CosmosClient("https://cosmos-orders-prod.documents.azure.com:443/", COSMOS_KEY)


def read_product(product_id: str) -> dict:
    container = client.get_database_client("catalog").get_container_client("products")
    return container.read_item(item=product_id, partition_key=product_id)
