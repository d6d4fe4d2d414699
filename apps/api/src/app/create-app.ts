import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock';
import { AppConfig } from '../platform/config/config';
import { configureHttp } from '../platform/http/http-setup';
import { PinoNestLogger } from '../platform/logging/logger';
import { AppModule } from './app.module';
import { ANSWER_PAGE_PREFIXES, AnswerPages } from './invitations/answer-pages';

/** Builds the whole application on an open database. main.ts and the tests both start here. */
export async function createHeardApp(
  config: AppConfig,
  dataSource: DataSource,
  logger: Logger,
  options: { clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(config, dataSource, options.clock), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  configureHttp(app, config, logger, { serverPages: ANSWER_PAGE_PREFIXES });
  // The young person's answer page: HTML at the address in emails and letters, outside /api.
  app.use(app.get(AnswerPages).router());
  app.setGlobalPrefix('api');

  const openApi = new DocumentBuilder()
    .setTitle('Heard API')
    .setDescription(
      'Participation and co-production with children and young people. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addCookieAuth(config.secureCookies ? '__Host-heard_session' : 'heard_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  await app.init();
  return app;
}
