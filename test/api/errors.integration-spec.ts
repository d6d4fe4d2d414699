import { Role } from '@heard/domain';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

describe('bad input gets a clear answer and changes nothing', () => {
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_KB: '8' });
    admin = await t.signInAs(Role.Administrator);
  });
  afterAll(() => t.close());

  async function unchanged(action: () => Promise<unknown>): Promise<void> {
    const before = { users: await countRows(t.db, 'users'), mail: await countRows(t.db, 'mail_outbox') };
    await action();
    expect({ users: await countRows(t.db, 'users'), mail: await countRows(t.db, 'mail_outbox') }).toEqual(
      before,
    );
  }

  it('should answer malformed JSON with 400 problem+json', async () => {
    await unchanged(async () => {
      const res = await admin.agent
        .post('/api/users')
        .set('X-XSRF-TOKEN', admin.session.csrfToken)
        .set('Content-Type', 'application/json')
        .send('{"email": "broken@test.heard.example",');
      expectProblem(res, 400);
      expect(res.body.code).toBe('malformed_json');
    });
  });

  it('should refuse unknown fields by name', async () => {
    await unchanged(async () => {
      const res = await admin.post('/api/users', {
        email: 'extra@test.heard.example',
        displayName: 'Extra Field',
        role: 'practitioner',
        isSuperuser: true,
      });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual({ isSuperuser: ['This field is not recognised.'] });
    });
  });

  it('should name each missing or invalid field', async () => {
    await unchanged(async () => {
      const res = await admin.post('/api/users', { email: 'not-an-email', role: 'wizard' });
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['displayName', 'email', 'role']);
      expect(res.body.errors.email[0]).toMatch(/email address like/);
    });
  });

  it('should answer an oversized body with 413', async () => {
    await unchanged(async () => {
      const res = await admin.post('/api/users', {
        email: 'big@test.heard.example',
        displayName: 'x'.repeat(20_000),
        role: 'practitioner',
      });
      expectProblem(res, 413);
      expect(res.body.detail).toMatch(/8 KB/);
    });
  });

  it('should refuse a write that is not JSON with 415, which also keeps other sites’ forms out', async () => {
    await unchanged(async () => {
      const res = await t
        .anonymous()
        .post('/api/auth/sign-in')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('email=a%40b.c&password=x');
      expectProblem(res, 415);
    });
  });

  it('should answer an unknown API address with 404 problem+json', async () => {
    const res = await admin.get('/api/no-such-thing');
    expectProblem(res, 404);
  });

  it('should answer an unknown user id with 404, not a crash', async () => {
    expectProblem(await admin.post('/api/users/not-a-uuid/deactivate'), 404);
    expectProblem(await admin.post('/api/users/00000000-0000-4000-8000-000000000000/deactivate'), 404);
  });

  it('should refuse unknown query parameters', async () => {
    const res = await admin.get('/api/users?sortBy=name');
    expectProblem(res, 400);
    expect(res.body.errors).toHaveProperty('sortBy');
  });

  it('should publish the OpenAPI description, listing the routes', async () => {
    const res = await t.anonymous().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/health', '/api/users']),
    );
  });

  it('should send the security headers on every answer', async () => {
    const res = await t.anonymous().get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should turn off browser features Heard does not use, keeping passkeys for itself', async () => {
    for (const res of [
      await t.anonymous().get('/api/health'),
      await t.anonymous().get('/api/no-such-thing'),
    ]) {
      const policy = Object.fromEntries(
        String(res.headers['permissions-policy'])
          .split(',')
          .map((d) => d.trim().split('=') as [string, string]),
      );
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth'])
        expect({ feature, allow: policy[feature] }).toEqual({ feature, allow: '()' });
      expect(policy['publickey-credentials-get']).toBe('(self)');
      expect(policy['publickey-credentials-create']).toBe('(self)');
    }
  });
});
