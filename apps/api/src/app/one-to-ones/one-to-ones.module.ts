import { Module } from '@nestjs/common';
import { OneToOnesController } from './one-to-ones.controller';
import { OneToOnesService } from './one-to-ones.service';

@Module({ controllers: [OneToOnesController], providers: [OneToOnesService] })
export class OneToOnesModule {}
