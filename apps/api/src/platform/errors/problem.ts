import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@heard/domain';
import type { Response } from 'express';
import { TITLE_BY_STATUS } from './domain-error';

export function problem(
  status: number,
  detail: string,
  extra: {
    errors?: Record<string, string[]>;
    code?: string;
    instance?: string;
    members?: Pick<ProblemDetails, 'outcome'>;
  } = {},
): ProblemDetails {
  return {
    type: extra.code ? `https://heard.example/problems/${extra.code}` : 'about:blank',
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    detail,
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...extra.members,
  };
}

export function sendProblem(res: Response, body: ProblemDetails, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
