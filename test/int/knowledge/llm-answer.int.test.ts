import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knowledge } from '../../../src/knowledge/knowledge';
import { createTestDb } from '../../helpers/db';
import { seededKnowledge } from '../../helpers/knowledge';

type Mode = 'ok' | 'garbage' | 'uncited' | 'slow' | 'error';

/** A fake OpenAI-compatible server speaking the real /v1/chat/completions wire format. */
function fakeOpenAI() {
  const state = { mode: 'ok' as Mode, requests: [] as Array<{ model: string; messages: Array<{ role: string; content: string }> }> };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      state.requests.push(JSON.parse(body));
      if (state.mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
        return;
      }
      const content = {
        ok: JSON.stringify({ answer: 'Bí thư Tỉnh ủy Hậu Giang là ông Nghiêm Xuân Thành [1].', citations: [1] }),
        garbage: 'Tôi nghĩ là trời sẽ mưa. {not json',
        uncited: JSON.stringify({ answer: 'Ông Thành.', citations: [9] }),
        slow: '',
        error: '',
      }[state.mode];
      const reply = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'fake-model',
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
      };
      if (state.mode === 'slow') setTimeout(reply, 3000).unref();
      else reply();
    });
  });
  return { server, state };
}

describe('answers written by an LLM (fake OpenAI-compatible endpoint on loopback)', () => {
  const fake = fakeOpenAI();
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let knowledge: Knowledge;
  const question = 'Ai là Bí thư Tỉnh ủy Hậu Giang?';

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    db = await createTestDb();
    knowledge = await seededKnowledge(db, {
      KNOWLEDGE_LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
      KNOWLEDGE_LLM_MODEL: 'fake-model',
      KNOWLEDGE_LLM_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    fake.server.closeAllConnections();
    await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    await db.close();
  });
  beforeEach(() => {
    fake.state.requests.length = 0;
  });

  it('when the LLM answers with valid cited JSON, then its answer is returned with the cited passage', async () => {
    fake.state.mode = 'ok';
    const result = await knowledge.answerService.ask(question);
    // The model's answer leads, without its "[1]" marker, then the source line of the first cited passage (the same
    // rule as extractive answers).
    expect(result.answer).toBe(
      'Bí thư Tỉnh ủy Hậu Giang là ông Nghiêm Xuân Thành.\n\nNguồn: «Các bài học kinh nghiệm không kém phần quan trọng trong nửa nhiệm kỳ thực hiện nghị quyết đại hội (Hậu Giang)», 2023-04-26, Báo Hậu Giang',
    );
    expect(result.grounded).toBe(true);
    expect(result.citations[0]?.quote).toContain('Nghiêm Xuân Thành');
    expect(result.citations[0]?.documentId).toBe('003_0359f6b969af1900.txt');
    const sent = fake.state.requests[0];
    expect(sent?.model).toBe('fake-model');
    expect(sent?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent?.messages[1]?.content).toContain('Nghiêm Xuân Thành');
  });

  it.each(['garbage', 'uncited', 'error', 'slow'] as const)(
    'when the LLM replies %s, then the extractive answer is returned instead',
    async (mode) => {
      fake.state.mode = mode;
      const result = await knowledge.answerService.ask(question);
      expect(fake.state.requests.length).toBeGreaterThan(0);
      expect(result.grounded).toBe(true);
      expect(result.answer).toContain('Nghiêm Xuân Thành');
      expect(result.citations[0]?.quote).toBeTruthy();
      expect(result.answer).toContain(result.citations[0]?.quote as string);
    },
  );

  it('when the knowledge base holds no answer, then the LLM is not asked at all', async () => {
    fake.state.mode = 'ok';
    const result = await knowledge.answerService.ask('Thời tiết Hà Nội ngày mai thế nào?');
    expect(result.grounded).toBe(false);
    expect(fake.state.requests).toHaveLength(0);
  });
});
