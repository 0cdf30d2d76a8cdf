import json
import os

from azure.storage.queue import QueueClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
CONNECTION_STRING = os.environ.get(
    "STORAGE_CONNECTION_STRING",
    "DefaultEndpointsProtocol=https;AccountName=stordersprod01;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net",
)


def enqueue_resize(image_name: str) -> None:
    queue = QueueClient.from_connection_string(CONNECTION_STRING, queue_name="resize-requests")
    queue.send_message(json.dumps({"imageName": image_name}))
