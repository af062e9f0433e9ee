import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnServer, type ChildServer } from '../helpers/process';
import { createEmptyServerDatabase, describeWithServer } from '../helpers/server-db';
import { TEST_DIRECT_LINE_SECRET } from '../helpers/webchat';

const LLM_ANSWER = 'Nghị quyết 58 bàn về xây dựng và phát triển tỉnh Thanh Hóa đến năm 2030 [1].';

/**
 * A fake OpenAI-compatible endpoint (the real /v1/chat/completions wire format): the first request never gets an
 * answer (the replica running that turn is killed meanwhile), later ones answer at once.
 */
function fakeLlm() {
  const held: http.ServerResponse[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      if (requests === 1) {
        held.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'fake-model',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: { role: 'assistant', content: JSON.stringify({ answer: LLM_ANSWER, citations: [1] }) },
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  return {
    server,
    requests: () => requests,
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    },
    async stop() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const auth = { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' };

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithServer('a replica killed mid-turn', () => {
  it('when the replica running a turn is killed, then the retry on another replica answers it within seconds, once', async () => {
    const llm = fakeLlm();
    const database = await createEmptyServerDatabase();
    const servers: ChildServer[] = [];
    try {
      const env = {
        DATABASE_URL: database.url,
        DIRECT_LINE_SECRET: TEST_DIRECT_LINE_SECRET,
        KNOWLEDGE_LLM_BASE_URL: await llm.start(),
        KNOWLEDGE_LLM_TIMEOUT_MS: '60000',
      };
      const a = await spawnServer(env, 120_000);
      servers.push(a, await spawnServer(env, 120_000));
      const b = servers[1]!;
      const started = (await (
        await fetch(`${a.url}/v3/directline/conversations`, { method: 'POST', headers: auth, body: '{}' })
      ).json()) as { conversationId: string };
      const activities = `/v3/directline/conversations/${started.conversationId}/activities`;
      const message = JSON.stringify({
        type: 'message',
        text: 'Nghị quyết 58 của Bộ Chính trị về nội dung gì?',
        channelData: { clientActivityID: 'killed-1' },
      });
      const first = fetch(`${a.url}${activities}`, { method: 'POST', headers: auth, body: message }).catch(
        (err: unknown) => err,
      );
      await waitFor(() => llm.requests() === 1, 60_000);
      a.child.kill('SIGKILL');
      await a.exited;
      const killedAt = Date.now();
      expect(String(await first)).toContain('fetch failed');

      const retry = await fetch(`${b.url}${activities}`, { method: 'POST', headers: auth, body: message });
      const answeredMs = Date.now() - killedAt;
      expect(retry.status).toBe(200);
      const set = (await (await fetch(`${b.url}${activities}`, { headers: auth })).json()) as {
        activities: Array<{
          text?: string;
          from: { role: string };
          channelData?: { clientActivityID?: string };
        }>;
      };
      const asked = set.activities.filter((x) => x.channelData?.clientActivityID === 'killed-1');
      // The citizen reads the model's sentence without its "[1]" marker.
      const said = LLM_ANSWER.replace(/ \[1\]\.$/, '.');
      const answers = set.activities.filter((x) => x.from.role === 'bot' && x.text?.includes(said));
      expect({ asked: asked.length, answers: answers.length }).toEqual({ asked: 1, answers: 1 });
      // The old 30 s lease made the retry wait it out; the renewed 6 s lease lapses soon after the replica dies.
      expect(answeredMs).toBeLessThan(20_000);
      process.stdout.write(`answered ${answeredMs} ms after the kill\n`);
    } finally {
      for (const s of servers)
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
      await llm.stop();
      await database.drop();
    }
  }, 240_000);
});
