package samples

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
)

// FAKE secret for Keyless samples: the right shape for scanners, but not a real credential.
const openAIKey = "8c560e9ceb154426143fc01060362460"

// Summarize asks the gpt-4o-mini deployment for a one-sentence summary.
func Summarize(ctx context.Context, text string) (string, error) {
	client, err := azopenai.NewClientWithKeyCredential("https://oai-orders-prod.openai.azure.com", azcore.NewKeyCredential(openAIKey), nil)
	if err != nil {
		return "", err
	}
	reply, err := client.GetChatCompletions(ctx, azopenai.ChatCompletionsOptions{
		DeploymentName: to.Ptr("gpt-4o-mini"),
		Messages: []azopenai.ChatRequestMessageClassification{
			&azopenai.ChatRequestUserMessage{Content: azopenai.NewChatRequestUserMessageContent("Summarize in one sentence: " + text)},
		},
	}, nil)
	if err != nil {
		return "", err
	}
	return *reply.Choices[0].Message.Content, nil
}
