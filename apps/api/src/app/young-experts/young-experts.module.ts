import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { OneToOnesModule } from '../one-to-ones/one-to-ones.module';
import { WorriesModule } from '../worries/worries.module';
import { MyDataService } from './my-data.service';
import { MyRequestsService } from './my-requests.service';
import { MySpaceService } from './my-space.service';
import {
  DeletionRequestsController,
  SubjectAccessController,
  YoungExpertsController,
} from './young-experts.controller';

/** The young experts' own pages: each use reaches the capability that owns its rule. */
@Module({
  imports: [EvaluationsModule, ConsentModule, InvitationsModule, OneToOnesModule, WorriesModule],
  controllers: [YoungExpertsController, DeletionRequestsController, SubjectAccessController],
  providers: [MySpaceService, MyRequestsService, MyDataService],
  exports: [MyRequestsService],
})
export class YoungExpertsModule {}
