import { ZaloClient } from '../../../../src/channels/zalo/zalo.client';
import { parseTokenPair, recoverTokens } from '../../../../src/channels/zalo/zalo.token-recovery';
import { ZaloTokenStore } from '../../../../src/channels/zalo/zalo.token-store';
import type { ZaloConfig } from '../../../../src/config/config';
import type { Database } from '../../../../src/db/database';
import { memoryLogger } from '../../../helpers/app';
import { createTestDb } from '../../../helpers/db';
import { FakeZalo } from '../../../helpers/fake-zalo';
import { zaloTestConfig } from '../../../helpers/zalo';

// A lost grant (the OA withdrew the app, or the refresh token was spent elsewhere) is recovered by an administrator.
describe('Zalo token recovery', () => {
  let db: Database;
  let fake: FakeZalo;
  let base: string;
  const { logger } = memoryLogger('silent');
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);

  beforeEach(async () => {
    db = await createTestDb();
    fake = new FakeZalo();
    base = await fake.start();
  });
  afterEach(async () => {
    await fake.stop();
    await db.close();
  });

  const withEnv = (pair: { accessToken: string; refreshToken: string }): ZaloConfig =>
    zaloTestConfig(base, { initialAccessToken: pair.accessToken, initialRefreshToken: pair.refreshToken });
  const clientFor = (config: ZaloConfig) => {
    const tokens = new ZaloTokenStore({ db, config, logger, fetch: fetchFn });
    return { tokens, client: new ZaloClient({ config, tokens, logger, fetch: fetchFn }) };
  };

  it('when the grant is revoked, then sends fail; after zalo:tokens stores a new pair, it is verified and sends work', async () => {
    const config = withEnv({ accessToken: fake.accessToken, refreshToken: fake.refreshToken });
    expect(await clientFor(config).client.sendText('u1', 'trước')).toBeTruthy();
    fake.revokeGrant();
    await expect(clientFor(config).client.sendText('u1', 'trong lúc mất quyền')).rejects.toThrow(/-216/);

    const fresh = fake.grant();
    expect(await recoverTokens(fresh, { db, config, logger, fetch: fetchFn })).toEqual({
      oaName: 'UBND tỉnh',
    });
    expect(await clientFor(config).client.sendText('u1', 'sau')).toBeTruthy();
    expect(fake.sent.map((m) => m.text)).toEqual(['trước', 'sau']);
  });

  it('when the stored pair no longer works either, then zalo:tokens says Zalo refused it', async () => {
    const config = withEnv({ accessToken: fake.accessToken, refreshToken: fake.refreshToken });
    await expect(
      recoverTokens(
        { accessToken: 'at-wrong-123', refreshToken: 'rt-wrong-123' },
        { db, config, logger, fetch: fetchFn },
      ),
    ).rejects.toThrow(/stored but Zalo refused it/);
  });

  it('when the environment carries a new pair, then it replaces the stored one; the same pair never overrides zalo:tokens', async () => {
    const first = { accessToken: fake.accessToken, refreshToken: fake.refreshToken };
    expect(await clientFor(withEnv(first)).tokens.accessToken()).toBe(first.accessToken);

    const second = fake.grant();
    expect(await clientFor(withEnv(second)).tokens.accessToken()).toBe(second.accessToken);

    const third = fake.grant();
    await recoverTokens(third, { db, config: withEnv(second), logger, fetch: fetchFn });
    // A restart with the unchanged environment keeps the administrator's pair.
    expect(await clientFor(withEnv(second)).tokens.accessToken()).toBe(third.accessToken);
    expect(await clientFor(withEnv(second)).client.sendText('u2', 'vẫn gửi được')).toBeTruthy();
  });

  it("when the pair is pasted as two lines, space-separated or as Zalo's JSON, then it is read; otherwise refused", () => {
    const pair = { accessToken: 'at-aaaaaaaa', refreshToken: 'rt-bbbbbbbb' };
    expect(parseTokenPair('at-aaaaaaaa\nrt-bbbbbbbb\n')).toEqual(pair);
    expect(parseTokenPair(' at-aaaaaaaa rt-bbbbbbbb ')).toEqual(pair);
    expect(
      parseTokenPair('{"access_token":"at-aaaaaaaa","refresh_token":"rt-bbbbbbbb","expires_in":"90000"}'),
    ).toEqual(pair);
    expect(parseTokenPair('only-one')).toBeUndefined();
    expect(parseTokenPair('{"access_token":"x"}')).toBeUndefined();
  });
});
