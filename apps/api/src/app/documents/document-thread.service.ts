import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { RenderThread } from '../../platform/jobs/render-thread';
import type { DocumentRenderers } from './document-renderers';

/** The process's one document thread (ADR 0038), shared by the plan's and the reports' jobs. */
@Injectable()
export class DocumentThread extends RenderThread<DocumentRenderers> implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.documentThread, config.documentThreadNiceness);
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}
