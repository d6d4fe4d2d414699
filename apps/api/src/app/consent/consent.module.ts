import { Module } from '@nestjs/common';
import { ConsentController } from './consent.controller';
import { QuoteWithdrawals } from '../evaluations/quote-withdrawals';
import { ConsentService } from './consent.service';

@Module({
  controllers: [ConsentController],
  providers: [ConsentService, QuoteWithdrawals],
  exports: [ConsentService],
})
export class ConsentModule {}
