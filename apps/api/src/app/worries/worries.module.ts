import { Module } from '@nestjs/common';
import { WorriesController } from './worries.controller';
import { WorriesService } from './worries.service';

/** Exports the service: evaluations, round links and young experts' pages call `raise`. */
@Module({ controllers: [WorriesController], providers: [WorriesService], exports: [WorriesService] })
export class WorriesModule {}
