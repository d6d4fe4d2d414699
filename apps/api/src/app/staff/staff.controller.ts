import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role, StaffDirectoryResponse, StaffQuery, StaffQuerySchema } from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { StaffService } from './staff.service';

/** The staff directory: lets an officer pick a trusted adult by name instead of by user id. */
@ApiTags('staff')
@Allow(Role.ParticipationOfficer)
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  search(@Query(new ZodPipe(StaffQuerySchema)) query: StaffQuery): Promise<StaffDirectoryResponse> {
    return this.staff.search(query);
  }
}
