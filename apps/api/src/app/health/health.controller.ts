import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../platform/auth/access.decorator';
import { DomainError } from '../../platform/errors/domain-error';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  /** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new DomainError('unavailable', 'The database is not answering.');
    }
    return { status: 'ok', database: 'up' };
  }
}
