import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('should start with safe defaults and nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 3000,
      databaseUrl: null,
      smtpUrl: null,
      demoData: true,
      secureCookies: true,
      publicUrl: 'http://localhost:3000',
      bodyLimitBytes: 100 * 1024,
      webauthn: { rpId: 'localhost', rpName: 'Heard', origin: 'http://localhost:3000' },
      jobLookMs: 600_000,
    });
  });

  it('should find the document thread beside the API, give way to requests by default, and take a nice value only', () => {
    expect(loadConfig({}, null, '/srv/heard/document-thread.js')).toMatchObject({
      documentThread: '/srv/heard/document-thread.js',
      documentThreadNiceness: 10,
    });
    expect(loadConfig({ DOCUMENT_THREAD: '/elsewhere/thread.js' }, null, '/srv/x.js').documentThread).toBe(
      '/elsewhere/thread.js',
    );
    expect(loadConfig({}).documentThread).toBeNull();
    expect(loadConfig({ DOCUMENT_THREAD_NICENESS: '0' }).documentThreadNiceness).toBe(0);
    expect(loadConfig({ DOCUMENT_THREAD_NICENESS: '19' }).documentThreadNiceness).toBe(19);
    for (const bad of ['20', '-1', 'low'])
      expect(() => loadConfig({ DOCUMENT_THREAD_NICENESS: bad })).toThrow(ConfigError);
  });

  it('should let the daily jobs look more often, but not in a busy loop', () => {
    expect(loadConfig({ JOB_LOOK_MS: '1000' }).jobLookMs).toBe(1000);
    expect(() => loadConfig({ JOB_LOOK_MS: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ JOB_LOOK_MS: 'often' })).toThrow(ConfigError);
  });

  it.each([
    [{}, true],
    [{ DATABASE_URL: 'postgres://heard@db.example/heard' }, false],
    [{ DATABASE_URL: 'postgres://heard@db.example/heard', DEMO_DATA: 'true' }, true],
    [{ DEMO_DATA: 'false' }, false],
  ])('should load demo data by default only on the embedded database (%j)', (env, demoData) => {
    expect(loadConfig(env).demoData).toBe(demoData);
  });

  it.each([
    [
      { PUBLIC_URL: 'https://heard.council.example/' },
      'heard.council.example',
      'https://heard.council.example',
    ],
    [
      { PUBLIC_URL: 'https://heard.council.example', WEBAUTHN_RP_ID: 'Council.Example' },
      'council.example',
      'https://heard.council.example',
    ],
  ])('should take the passkey relying party from %j', (env, rpId, origin) => {
    expect(loadConfig(env).webauthn).toEqual({ rpId, rpName: 'Heard', origin });
  });

  it.each(['other.example', 'ouncil.example', 'heard.council.example.evil'])(
    'should refuse WEBAUTHN_RP_ID %s, which the browser would refuse for PUBLIC_URL',
    (rpId) => {
      expect(() => loadConfig({ PUBLIC_URL: 'https://heard.council.example', WEBAUTHN_RP_ID: rpId })).toThrow(
        ConfigError,
      );
    },
  );

  it.each([
    [{ PORT: '0' }, 'PORT must be at least 1.'],
    [{ PORT: 'abc' }, 'PORT must be a whole number.'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must look like postgres://user@host:5432/database.'],
    [{ SMTP_URL: 'http://x' }, 'SMTP_URL must look like smtp://host:587 or smtps://host:465.'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be "true" or "false".'],
    [{ TEAM_PHONE: 'ring us' }, 'TEAM_PHONE must be a phone number like 01632 960123.'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be production, development or test.'],
    ...[
      'everyone',
      '10.0.0.300',
      '10.0.0.0/33',
      '::1/129',
      '10.0.0.0/8/8',
      '*',
      '0.0.0.0/0',
      '::/0',
      '10.0.0.0/7',
      'fc00::/7',
    ].map((value): [Record<string, string>, string] => [
      { TRUSTED_PROXIES: value },
      'TRUSTED_PROXIES must be a comma-separated list of addresses or ranges, such as 10.0.0.5, 10.1.0.0/16 or loopback; or "none".',
    ]),
    [
      { PUBLIC_URL: 'heard' },
      'PUBLIC_URL must be the address people use, like https://heard.council.example.',
    ],
    [
      { SESSION_IDLE_MINUTES: '60', SESSION_ABSOLUTE_MINUTES: '30' },
      'SESSION_ABSOLUTE_MINUTES must not be shorter than SESSION_IDLE_MINUTES.',
    ],
  ])('should refuse %p with a message naming the variable', (env, message) => {
    try {
      loadConfig(env);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toContain(message);
    }
  });

  it('should report every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', DEMO_DATA: 'x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'x', DEMO_DATA: 'x', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('should use plain cookies in development and tests unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
  });

  it('should trust no proxy outside development unless TRUSTED_PROXIES names them', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test' }).trustedProxies).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }).trustedProxies).toEqual([
      'loopback',
      'linklocal',
      'uniquelocal',
    ]);
    expect(loadConfig({ NODE_ENV: 'development', TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([]);
    expect(
      loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16 ,fd00::/8,loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });
});
