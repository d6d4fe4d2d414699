import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HomeSummary } from '@heard/domain';
import { AllowSignedIn } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { HomeService } from './home.service';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @AllowSignedIn()
  @Get()
  summary(@CurrentActor() actor: Actor): Promise<HomeSummary> {
    return this.home.summary(actor);
  }
}
