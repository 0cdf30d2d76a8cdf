from azure.servicebus import ServiceBusClient, ServiceBusMessage

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
CONNECTION_STRING = "Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OBFBdQABT28Z6QOEAIV9VJC5kpVmUzr9oJ7/beay9GE="


def publish_order(order_id: str, total: float) -> None:
    with ServiceBusClient.from_connection_string(CONNECTION_STRING) as client:
        with client.get_queue_sender("orders") as sender:
            sender.send_messages(ServiceBusMessage(f'{{"id": "{order_id}", "total": {total}}}', message_id=order_id))
