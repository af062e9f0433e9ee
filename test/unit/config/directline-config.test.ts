import { loadConfig } from '../../../src/config/config';

describe('loadConfig: Direct Line settings', () => {
  it('when nothing is set, then tokens last 30 minutes, there is no secret and the limits have their defaults', () => {
    expect(loadConfig({}).directLine).toEqual({
      secret: undefined,
      tokenTtlSeconds: 1800,
      tokensPerMinute: 20,
      requestsPerMinute: 300,
      messagesPerMinute: 30,
      uploadMaxBytes: 5 * 1024 * 1024,
      streamPollMs: 1500,
      corsOrigins: [],
    });
  });

  it('when values are given, then they are parsed', () => {
    const dl = loadConfig({
      DIRECT_LINE_SECRET: 'a'.repeat(40),
      DIRECT_LINE_TOKEN_TTL_SECONDS: '600',
      DIRECT_LINE_UPLOAD_MAX_BYTES: '1048576',
    }).directLine;
    expect(dl).toMatchObject({ secret: 'a'.repeat(40), tokenTtlSeconds: 600, uploadMaxBytes: 1_048_576 });
  });

  it.each([
    ['DIRECT_LINE_SECRET', 'too-short'],
    ['DIRECT_LINE_TOKEN_TTL_SECONDS', '5'],
    ['DIRECT_LINE_TOKENS_PER_MINUTE', '0'],
    ['DIRECT_LINE_UPLOAD_MAX_BYTES', 'big'],
    ['DIRECT_LINE_CORS_ORIGINS', 'https://portal.example.vn/path'],
  ])('when %s=%s, then that key is reported', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ key })] }),
    );
  });
});
