import { Module } from '@nestjs/common';
import { DocumentThread } from './document-thread.service';

/** Making documents off the request path: one thread for every job that makes one (ADR 0038). */
@Module({ providers: [DocumentThread], exports: [DocumentThread] })
export class DocumentsModule {}
