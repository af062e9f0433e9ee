import { VersionedCache } from '../../../src/programmes/render-cache';

const at = (version: number, day = '2026-12-01') => ({ version: BigInt(version), day });

describe('VersionedCache', () => {
  it('when the stamp is unchanged, then the value made first is served and made once, even to concurrent callers', async () => {
    const cache = new VersionedCache();
    let made = 0;
    const make = async () => `body ${++made}`;
    const [x, y] = await Promise.all([cache.get(at(1), 'p', make), cache.get(at(1), 'p', make)]);
    expect([x, y, await cache.get(at(1), 'p', make)]).toEqual(['body 1', 'body 1', 'body 1']);
    expect(made).toBe(1);
  });

  it('when the version or the day moves, then the value is made again', async () => {
    const cache = new VersionedCache();
    let made = 0;
    const make = async () => ++made;
    await cache.get(at(1), 'p', make);
    expect(await cache.get(at(2), 'p', make)).toBe(2);
    expect(await cache.get(at(2, '2026-12-02'), 'p', make)).toBe(3);
  });

  it('when a caller read an older stamp than the cache holds, then it gets a value of its own and the newer one stays', async () => {
    const cache = new VersionedCache();
    await cache.get(at(5), 'p', async () => 'v5');
    expect(await cache.get(at(4), 'p', async () => 'v4 read')).toBe('v4 read');
    expect(await cache.get(at(5), 'p', async () => 'not used')).toBe('v5');
  });

  it('when making a value fails, then the next caller makes it again', async () => {
    const cache = new VersionedCache();
    await expect(cache.get(at(1), 'p', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get(at(1), 'p', async () => 'ok')).toBe('ok');
  });

  it('when more names than the limit are asked for, then the oldest is made again and the newest kept', async () => {
    const cache = new VersionedCache(2);
    for (const n of ['a', 'b', 'c']) await cache.get(at(1), n, async () => `${n}1`);
    expect(await cache.get(at(1), 'a', async () => 'a2')).toBe('a2');
    expect(await cache.get(at(1), 'c', async () => 'c2')).toBe('c1');
  });
});
