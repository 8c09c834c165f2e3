// Command minimal is the least a Go program can do to get one document
// from a model: send one streaming chat completion with a JSON schema
// through go-openai, read the stream to its end, check the answer is JSON
// and write it to a file. The benchmark suite runs it beside prodgen to
// measure prodgen's overhead per model call.
//
// Usage: minimal REQUEST.json OUT, with OPENAI_BASE_URL and OPENAI_API_KEY
// set. REQUEST.json holds the model, the messages and the schema.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// request is what the suite asks the program to send.
type request struct {
	Model    string                         `json:"model"`
	Messages []openai.ChatCompletionMessage `json:"messages"`
	Schema   struct {
		Name   string          `json:"name"`
		Schema json.RawMessage `json:"schema"`
	} `json:"schema"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: minimal REQUEST.json OUT")
		os.Exit(2)
	}
	if err := complete(context.Background(), os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "minimal:", err)
		os.Exit(1)
	}
}

func complete(ctx context.Context, reqFile, out string) error {
	data, err := os.ReadFile(reqFile)
	if err != nil {
		return err
	}
	var r request
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("%s: %w", reqFile, err)
	}
	cfg := openai.DefaultConfig(os.Getenv("OPENAI_API_KEY"))
	cfg.BaseURL = os.Getenv("OPENAI_BASE_URL")
	stream, err := openai.NewClientWithConfig(cfg).CreateChatCompletionStream(ctx, openai.ChatCompletionRequest{
		Model:         r.Model,
		Messages:      r.Messages,
		Stream:        true,
		StreamOptions: &openai.StreamOptions{IncludeUsage: true},
		ResponseFormat: &openai.ChatCompletionResponseFormat{
			Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: r.Schema.Name, Schema: r.Schema.Schema, Strict: true},
		},
	})
	if err != nil {
		return err
	}
	defer stream.Close()
	var content strings.Builder
	finish := ""
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		for _, c := range chunk.Choices {
			content.WriteString(c.Delta.Content)
			if c.FinishReason != "" {
				finish = string(c.FinishReason)
			}
		}
	}
	if finish != "stop" || !json.Valid([]byte(content.String())) {
		return fmt.Errorf("incomplete answer (finish reason %q)", finish)
	}
	return os.WriteFile(out, []byte(content.String()), 0o644)
}
