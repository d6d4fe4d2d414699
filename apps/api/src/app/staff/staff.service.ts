import { Injectable } from '@nestjs/common';
import {
  STAFF_MATCH_LIMIT,
  StaffDirectoryResponse,
  StaffMember,
  StaffQuery,
  TRUSTED_ADULT_ROLES,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { containsPattern } from '../../platform/database/sql';

@Injectable()
export class StaffService {
  constructor(private readonly db: DataSource) {}

  /** Active colleagues who can be picked as a trusted adult, by name or email. */
  async search(query: StaffQuery): Promise<StaffDirectoryResponse> {
    const params: unknown[] = [TRUSTED_ADULT_ROLES];
    if (query.q) params.push(containsPattern(query.q));
    const rows: { id: string; display_name: string; email: string; role: StaffMember['role'] }[] =
      await this.db.query(
        `SELECT id, display_name, email, role FROM users
          WHERE status = 'active' AND role = ANY($1)
            ${query.q ? 'AND (lower(display_name) LIKE $2 OR lower(email) LIKE $2)' : ''}
          ORDER BY lower(display_name), id LIMIT ${STAFF_MATCH_LIMIT}`,
        params,
      );
    return {
      items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, role: r.role })),
    };
  }
}
