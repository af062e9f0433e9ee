import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';

describe('loadConfig', () => {
  it('when the environment is empty, then the documented defaults apply', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      provinceCode: '38',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when valid values are given, then they are parsed into typed fields', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/tiepdan',
      DATABASE_URL: 'postgres://app:pw@db:5432/tiepdan',
      PROVINCE_CODE: '01',
      LOG_LEVEL: 'debug',
      TRUST_PROXY: '1',
      BODY_LIMIT_BYTES: '1048576',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/tiepdan',
      databaseUrl: 'postgres://app:pw@db:5432/tiepdan',
      provinceCode: '01',
      logLevel: 'debug',
      trustProxy: 1,
      bodyLimitBytes: 1048576,
    });
  });

  it('when LINK_ALLOWED_HOSTS lists hosts, then they are trimmed and lower-cased; a URL in the list is refused', () => {
    expect(
      loadConfig({ LINK_ALLOWED_HOSTS: ' ThanhHoa.gov.vn, ,dichvucong.gov.vn ' }).linkAllowedHosts,
    ).toEqual(['thanhhoa.gov.vn', 'dichvucong.gov.vn']);
    expect(() => loadConfig({ LINK_ALLOWED_HOSTS: 'https://evil.example/x' })).toThrow(/LINK_ALLOWED_HOSTS/);
  });

  it('when each area reads its keys, then the sections are built from them and frozen', () => {
    const config = loadConfig({ TICKET_FEEDBACK_WORKING_DAYS: '7', KNOWLEDGE_MIN_CONFIDENCE: '0.5' });
    expect({
      days: config.tickets.feedbackWorkingDays,
      min: config.knowledge.minConfidence,
      zalo: config.zalo,
    }).toEqual({
      days: 7,
      min: 0.5,
      zalo: undefined,
    });
    expect([config.tickets, config.knowledge, config.directLine].every((s) => Object.isFrozen(s))).toBe(true);
  });

  it('when TRUST_PROXY names the proxies, then it is a list; "true" (trust every hop) is refused', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
      'fd00::/8',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0.1,evil', '*'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it('when NODE_ENV=production, then PUBLIC_BASE_URL is required; its trailing slash is dropped', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL/);
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'https://tiepdan.thanhhoa.gov.vn/',
    });
    expect(config.publicBaseUrl).toBe('https://tiepdan.thanhhoa.gov.vn');
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('when a key is set to an empty string, then it counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' })).toMatchObject({ databaseUrl: undefined, port: 3978 });
  });

  it('when several keys are invalid, then one error lists every bad key', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PROVINCE_CODE: 'TH',
        LOG_LEVEL: 'loud',
        TRUST_PROXY: 'maybe',
        BODY_LIMIT_BYTES: '10',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const keys = (caught as ConfigError).problems.map((p) => p.key).sort();
    expect(keys).toEqual([
      'BODY_LIMIT_BYTES',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PROVINCE_CODE',
      'TRUST_PROXY',
    ]);
    expect((caught as ConfigError).message).toContain('PROVINCE_CODE');
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_POOL_MAX', '0'],
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_BASE_URL', 'not a url'],
  ])('when %s=%s, then that key is reported', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ key })] }),
    );
  });

  it('when ZALO_APP_ID is unset, then the Zalo channel is off', () => {
    expect(loadConfig({}).zalo).toBeUndefined();
  });

  it('when ZALO_APP_ID is set with its secrets, then the channel config carries them and the defaults', () => {
    const config = loadConfig({
      ZALO_APP_ID: '3608465249409',
      ZALO_APP_SECRET: 'app-secret-1',
      ZALO_OA_SECRET_KEY: 'oa-secret-1',
      ZALO_API_BASE_URL: 'http://127.0.0.1:9999/',
    });
    expect(config.zalo).toMatchObject({
      appId: '3608465249409',
      signatureSecret: 'oa_secret_key',
      apiBaseUrl: 'http://127.0.0.1:9999',
      oauthBaseUrl: 'https://oauth.zaloapp.com',
      webhookMaxAgeMs: 24 * 3600_000,
    });
  });

  it('when the proactive route, concurrency and site verification are set, then they are typed; the route needs both keys', () => {
    const base = {
      ZALO_APP_ID: '3608465249409',
      ZALO_APP_SECRET: 'app-secret-1',
      ZALO_OA_SECRET_KEY: 'oa-secret-1',
    };
    expect(loadConfig(base).zalo).toMatchObject({ inboundConcurrency: 8, template: undefined });
    expect(
      loadConfig({ ...base, ZALO_TEMPLATE_PATH: '/v3.0/oa/message/transaction' }).zalo?.template,
    ).toBeUndefined();
    const config = loadConfig({
      ...base,
      ZALO_INBOUND_CONCURRENCY: '16',
      ZALO_TEMPLATE_PATH: '/v3.0/oa/message/transaction',
      ZALO_TEMPLATE_ID: '123456',
      ZALO_SITE_VERIFICATION: 'Abc_123-x',
    });
    expect(config.zalo).toMatchObject({
      inboundConcurrency: 16,
      template: { path: '/v3.0/oa/message/transaction', templateId: '123456' },
    });
    expect(config.zaloSiteVerification).toBe('Abc_123-x');
    expect(loadConfig({ ZALO_SITE_VERIFICATION: 'Abc_123-x' }).zaloSiteVerification).toBe('Abc_123-x');
  });

  it.each([
    ['ZALO_INBOUND_CONCURRENCY', '0'],
    ['ZALO_TEMPLATE_PATH', 'no-slash'],
    ['ZALO_SITE_VERIFICATION', 'a"><script>'],
  ])('when %s=%s, then that key is reported', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ key })] }),
    );
  });

  it('when ZALO_APP_ID is set without its secrets, then both missing keys are reported', () => {
    expect(() => loadConfig({ ZALO_APP_ID: '3608465249409' })).toThrow(
      expect.objectContaining({
        problems: [
          { key: 'ZALO_APP_SECRET', message: expect.any(String) },
          { key: 'ZALO_OA_SECRET_KEY', message: expect.any(String) },
        ],
      }),
    );
  });
});
