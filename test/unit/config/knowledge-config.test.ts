import path from 'node:path';
import { loadConfig } from '../../../src/config/config';

describe('knowledge configuration', () => {
  it('when nothing is set, then answers are extractive with offline embeddings over ./knowledge', () => {
    const k = loadConfig({}).knowledge;
    expect(k).toEqual(
      expect.objectContaining({
        dir: path.resolve('./knowledge'),
        embeddingsProvider: 'hashed',
        llmBaseUrl: undefined,
        minConfidence: 0.6,
        askRateLimitPerMinute: 30,
      }),
    );
  });

  it('when an OpenAI-compatible endpoint is configured, then its settings are read', () => {
    const k = loadConfig({
      KNOWLEDGE_EMBEDDINGS_PROVIDER: 'openai',
      KNOWLEDGE_EMBEDDINGS_BASE_URL: 'http://localhost:11434/v1',
      KNOWLEDGE_EMBEDDINGS_DIMENSIONS: '384',
      KNOWLEDGE_LLM_BASE_URL: 'http://localhost:8000/v1',
      KNOWLEDGE_LLM_TIMEOUT_MS: '2000',
    }).knowledge;
    expect(k).toEqual(
      expect.objectContaining({
        embeddingsProvider: 'openai',
        embeddingsBaseUrl: 'http://localhost:11434/v1',
        embeddingsDimensions: 384,
        llmBaseUrl: 'http://localhost:8000/v1',
        llmTimeoutMs: 2000,
      }),
    );
  });

  it.each([
    ['KNOWLEDGE_EMBEDDINGS_PROVIDER', 'bert'],
    ['KNOWLEDGE_EMBEDDINGS_DIMENSIONS', '1536'],
    ['KNOWLEDGE_MIN_CONFIDENCE', '2'],
    ['KNOWLEDGE_LLM_BASE_URL', 'not a url'],
    ['ASK_RATE_LIMIT_PER_MINUTE', '0'],
  ])('when %s=%s, then that key is reported', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ key })] }),
    );
  });
});
