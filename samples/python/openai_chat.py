from openai import AzureOpenAI

# FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
client = AzureOpenAI(
    azure_endpoint="https://oai-orders-prod.openai.azure.com",
    api_key="8c560e9ceb154426143fc01060362460",
    api_version="2024-10-21",
)


def summarize(text: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize in one sentence: {text}"}],
    )
    return reply.choices[0].message.content or ""
