import { Injectable, Logger } from '@nestjs/common';
import { InvitationAnswerRequestSchema } from '@heard/domain';
import express, { NextFunction, Request, Response, Router } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../platform/database/unavailable';
import { DomainError, STATUS_BY_CODE } from '../../platform/errors/domain-error';
import { fieldErrors } from '../../platform/errors/zod.pipe';
import {
  ANSWER_PAGE_CSP,
  PageAddress,
  inviteHref,
  invitePage,
  problemPage,
  thanksHref,
  thanksPage,
} from './answer-page.html';
import { InvitationCommands } from './invitation-commands';
import { InvitationReads } from './invitation-reads';

import { ANSWER_PAGE_PREFIXES } from './answer-page-prefixes';

export { ANSWER_PAGE_PREFIXES };

/** What the pages say when something stops an answer; measured for age 10 by the tests. */
export const ANSWER_PAGE_WORDS = {
  notFound:
    'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
  notSaved: 'We could not change your answer. It may be too late now, or the invite may have changed.',
  chooseOne: 'Choose yes or no, using one of the two big buttons.',
  unreadable:
    'We could not read your answer, so it is not saved. Go back to your invite and press yes or no again.',
  otherSite:
    'This answer did not come from your invite, so it is not saved. Open the link you were sent and answer there.',
  ourSide:
    'Something went wrong on our side. Your answer is not saved yet. Please try again in a few minutes.',
};

// Room for a 300-character reason in any script, percent-encoded (up to 9 bytes a character).
const FORM_LIMIT = '4kb';
const readForm = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 10 });

function send(res: Response, status: number, html: string): void {
  res.status(status);
  // No script may run and only this page's own stylesheet applies, whatever the text contains.
  res.setHeader('Content-Security-Policy', ANSWER_PAGE_CSP);
  // The page names the young person: never keep it in a shared cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  res.type('html').send(html);
}

function addressOf(req: Request): PageAddress {
  return { base: req.path.startsWith('/r/') ? 'r' : 'rsvp', token: tokenOf(req) };
}

function tokenOf(req: Request): string {
  return String(req.params['token'] ?? '');
}

/**
 * The young person's answer page, served as finished HTML (docs/decisions/0024): no script, and an
 * ordinary form whose answer goes through the same `answerByLink` as the JSON endpoint. Public:
 * the token in the address is the only key, as for /api/rsvp/:token. Plain Express routes, not a
 * controller: Nest's global prefix can only be lifted by path, and /api/rsvp/:token has the same one.
 */
@Injectable()
export class AnswerPages {
  private readonly logger = new Logger('AnswerPage');

  constructor(
    private readonly reads: InvitationReads,
    private readonly commands: InvitationCommands,
  ) {}

  router(): Router {
    const router = express.Router({ strict: false });
    const run =
      (handler: (req: Request, res: Response) => Promise<void> | void) => (req: Request, res: Response) => {
        Promise.resolve()
          .then(() => handler(req, res))
          .catch((error: unknown) => this.fail(res, error));
      };
    for (const base of ANSWER_PAGE_PREFIXES) {
      // A link cut short before its token: say so plainly, rather than load the staff app.
      router.get(
        base,
        run((_req, res) => send(res, 404, problemPage(ANSWER_PAGE_WORDS.notFound))),
      );
      router.get(
        `${base}/:token`,
        run((req, res) => this.invite(req, res)),
      );
      router.get(
        `${base}/:token/thanks`,
        run((req, res) => this.thanks(req, res)),
      );
      router.post(
        `${base}/:token`,
        run((req, res) => this.answer(req, res)),
      );
    }
    // Express could not read the address itself (a broken %-escape in the token).
    router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!ANSWER_PAGE_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`)))
        return next(error);
      send(res, 404, problemPage(ANSWER_PAGE_WORDS.notFound));
    });
    return router;
  }

  private async invite(req: Request, res: Response): Promise<void> {
    send(res, 200, invitePage(await this.reads.view(tokenOf(req)), addressOf(req)));
  }

  private async thanks(req: Request, res: Response): Promise<void> {
    const view = await this.reads.view(tokenOf(req));
    const at = addressOf(req);
    // Nothing answered yet (or since changed by staff): the invite is the page to see.
    if (view.answer === null) {
      res.redirect(303, inviteHref(at));
      return;
    }
    const told = req.query['told'] === 'why' && view.answer === 'no' ? 'why' : undefined;
    send(res, 200, thanksPage(view, at, { told }));
  }

  private async answer(req: Request, res: Response): Promise<void> {
    const at = addressOf(req);
    // The token is the key, so a form on another site could only post an answer its author could
    // send anyway; browsers say where a post came from, and one from another site is refused.
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      send(res, 403, problemPage(ANSWER_PAGE_WORDS.otherSite, at));
      return;
    }
    const form = await new Promise<{ body: unknown } | { status: number }>((resolve) =>
      readForm(req, res, (error?: unknown) => {
        const status = (error as { status?: unknown } | undefined)?.status;
        if (error) resolve({ status: typeof status === 'number' && status < 500 ? status : 400 });
        else resolve({ body: (req as Request & { body?: unknown }).body });
      }),
    );
    if ('status' in form) {
      send(res, form.status, problemPage(ANSWER_PAGE_WORDS.unreadable, at));
      return;
    }
    const fields = (form.body ?? {}) as Record<string, unknown>;
    const parsed = InvitationAnswerRequestSchema.safeParse(fields);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const view = await this.reads.view(at.token);
      if (fields['answer'] === 'no' && errors['reason'] && typeof fields['reason'] === 'string')
        send(res, 400, thanksPage(view, at, { problem: errors['reason'][0], reason: fields['reason'] }));
      else send(res, 400, invitePage(view, at, ANSWER_PAGE_WORDS.chooseOne));
      return;
    }
    // The "why" box sent empty: there is nothing to tell, and the No is saved already.
    if (parsed.data.answer === 'no' && 'reason' in fields && parsed.data.reason === null) {
      res.redirect(303, thanksHref(at));
      return;
    }
    try {
      await this.commands.answerByLink(at.token, parsed.data);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') {
        send(res, 409, invitePage(await this.reads.view(at.token), at, ANSWER_PAGE_WORDS.notSaved));
        return;
      }
      throw error;
    }
    // Post, then redirect, then get: reloading the thanks page does not send the answer again.
    res.redirect(303, thanksHref(at, parsed.data.reason ? 'why' : undefined));
  }

  /** Anything thrown: the right status, in words for the young person; a fault is logged. */
  private fail(res: Response, error: unknown): void {
    if (res.headersSent) return;
    if (error instanceof DomainError) {
      const status = STATUS_BY_CODE[error.code];
      // not_found carries words written for the young person (byToken in invitation-reads.ts).
      send(res, status, problemPage(status === 404 ? error.detail : ANSWER_PAGE_WORDS.ourSide));
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`Database unavailable: ${(error as Error)?.message}`);
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      send(res, 503, problemPage(ANSWER_PAGE_WORDS.ourSide));
      return;
    }
    this.logger.error(
      `Unhandled ${(error as Error)?.constructor?.name ?? typeof error}: ${(error as Error)?.message}`,
      (error as Error)?.stack,
    );
    send(res, 500, problemPage(ANSWER_PAGE_WORDS.ourSide));
  }
}
