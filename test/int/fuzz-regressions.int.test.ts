import { startWebChatServer, TEST_DIRECT_LINE_SECRET, type WebChatServer } from '../helpers/webchat';

// Cases the load and fault suite's fuzzer (npm run loadtest) found answering 500 or the wrong error shape.
describe('inputs found by the fuzzer', () => {
  let server: WebChatServer;
  let conversationId: string;
  const auth = { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' };
  beforeAll(async () => {
    server = await startWebChatServer();
    const res = await fetch(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    conversationId = ((await res.json()) as { conversationId: string }).conversationId;
  });
  afterAll(async () => server.stop());

  it('when a path id holds a NUL byte, then 400 invalid_characters in the envelope, not a 500', async () => {
    const res = await fetch(`${server.url}/v3/directline/conversations/%00/activities`, { headers: auth });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_characters', message: expect.any(String) },
    });
  });

  it('when an activity is nested too deeply to serialise, then 400 input_too_deep, not a 500', async () => {
    const depth = 20_000;
    const res = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: `${'['.repeat(depth)}${']'.repeat(depth)}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'input_too_deep' } });
  });

  it('when an Open311 id holds a NUL byte, then an Open311 error list with 400', async () => {
    const res = await fetch(`${server.url}/open311/v2/requests/%00.json`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ code: 400, description: expect.any(String) }]);
  });

  it('when Open311 gets invalid JSON, a bad path encoding or an unknown path, then Open311 errors, not the envelope', async () => {
    const badJson = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key":',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual([{ code: 400, description: expect.any(String) }]);
    const badPath = await fetch(`${server.url}/open311/v2/services/%E0%A4%A.json`);
    expect(await badPath.json()).toEqual([{ code: 400, description: expect.any(String) }]);
    const unknown = await fetch(`${server.url}/open311/v2/tokens/.json`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('when a path outside Open311 is unknown, then the app envelope still answers', async () => {
    const res = await fetch(`${server.url}/khong-co`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
