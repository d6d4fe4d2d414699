import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { WorriesModule } from '../worries/worries.module';

@Module({ imports: [WorriesModule], controllers: [HomeController], providers: [HomeService] })
export class HomeModule {}
