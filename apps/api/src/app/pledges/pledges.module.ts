import { Module } from '@nestjs/common';
import { MyPledgesService } from './my-pledges.service';
import { PledgeReminderJob } from './pledge-reminder.job';
import { MyPledgesController, PledgesController } from './pledges.controller';
import { PledgesExportService } from './pledges-export.service';
import { PledgeReadsService } from './pledge-reads.service';
import { PledgesService } from './pledges.service';

/** Senior leaders' pledges, the young people's verdicts on them, and the reminders before updates (docs/pledges.md). */
@Module({
  controllers: [PledgesController, MyPledgesController],
  providers: [PledgesService, PledgeReadsService, PledgesExportService, MyPledgesService, PledgeReminderJob],
})
export class PledgesModule {}
