package com.contoso.samples;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.core.credential.AzureKeyCredential;
import java.util.List;

public final class OpenAISummary {
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static final OpenAIClient CLIENT = new OpenAIClientBuilder()
        .endpoint("https://oai-orders-prod.openai.azure.com")
        .credential(new AzureKeyCredential("8c560e9ceb154426143fc01060362460"))
        .buildClient();

    public static String summarize(String text) {
        ChatCompletionsOptions options = new ChatCompletionsOptions(
            List.of(new ChatRequestUserMessage("Summarize in one sentence: " + text)));
        return CLIENT.getChatCompletions("gpt-4o-mini", options).getChoices().get(0).getMessage().getContent();
    }
}
