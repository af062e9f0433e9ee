import { z } from 'zod';
import { int, optional, settings, withDefault } from '../../../src/config/env-schema';

describe('settings (one area’s keys, each named once)', () => {
  const area = settings({
    pollMs: ['AREA_POLL_MS', withDefault(int(1, 100), 5)],
    name: ['AREA_NAME', optional(z.string())],
  });

  it('when spread into a schema, then the environment keys are validated under their own names', () => {
    const schema = z.object(area.env);
    expect(schema.parse({ AREA_POLL_MS: '7', AREA_NAME: 'x' })).toEqual({ AREA_POLL_MS: 7, AREA_NAME: 'x' });
    const bad = schema.safeParse({ AREA_POLL_MS: '500' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path[0])).toEqual(['AREA_POLL_MS']);
  });

  it('when read, then each field takes its key’s parsed value, defaults and blanks included', () => {
    const parsed = z.object(area.env).parse({ AREA_NAME: '' });
    expect(area.read(parsed)).toEqual({ pollMs: 5, name: undefined });
    expect(Object.keys(area.read(parsed))).toEqual(['pollMs', 'name']);
  });
});
