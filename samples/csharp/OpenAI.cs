using Azure;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace Contoso.Samples;

public static class OpenAISummary
{
    // FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
    private static readonly AzureOpenAIClient Client = new(
        new Uri("https://oai-orders-prod.openai.azure.com"),
        new AzureKeyCredential("8c560e9ceb154426143fc01060362460"));

    public static async Task<string> SummarizeAsync(string text)
    {
        ChatClient chat = Client.GetChatClient("gpt-4o-mini");
        var reply = await chat.CompleteChatAsync(new UserChatMessage($"Summarize in one sentence: {text}"));
        return reply.Value.Content[0].Text;
    }
}
