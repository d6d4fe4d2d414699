import type { SessionResponse } from '@heard/domain';
import type request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { TEST_PASSWORD, TestApp, csrfOf } from './test-app';

/**
 * One person's browser through the sign-in steps: keeps the session each step answers, and sends the
 * CSRF token from the cookie, as the web app does, so it follows a session that a step replaced.
 */
export class Browser {
  readonly agent: TestAgent;
  csrf = '';
  session!: SessionResponse;

  constructor(t: TestApp) {
    this.agent = t.anonymous();
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<request.Response> {
    const res = await this.agent.post('/api/auth/sign-in').send({ email, password });
    if (res.status === 200) this.take(res);
    return res;
  }

  take(res: request.Response): void {
    this.session = res.body as SessionResponse;
    this.csrf = this.session.csrfToken;
  }

  get(url: string): request.Test {
    return this.agent.get(url);
  }

  post(url: string, body?: object): request.Test {
    return this.agent
      .post(url)
      .set('X-XSRF-TOKEN', csrfOf(this.agent) ?? this.csrf)
      .send(body);
  }

  patch(url: string, body?: object): request.Test {
    return this.agent
      .patch(url)
      .set('X-XSRF-TOKEN', csrfOf(this.agent) ?? this.csrf)
      .send(body);
  }
}
