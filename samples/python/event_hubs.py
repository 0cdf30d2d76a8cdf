import json

from azure.eventhub import EventData, EventHubProducerClient

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
CONNECTION_STRING = "Endpoint=sb://evh-orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM=;EntityPath=telemetry"


def send_telemetry(readings: list[dict]) -> None:
    producer = EventHubProducerClient.from_connection_string(conn_str=CONNECTION_STRING, eventhub_name="telemetry")
    with producer:
        batch = producer.create_batch()
        for reading in readings:
            batch.add(EventData(json.dumps(reading)))
        producer.send_batch(batch)
