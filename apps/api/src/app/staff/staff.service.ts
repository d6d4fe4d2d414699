import { Injectable } from '@nestjs/common';
import { STAFF_MATCH_LIMIT, StaffDirectoryResponse, StaffMember, StaffQuery } from '@heard/domain';
import { DataSource } from 'typeorm';
import { containsPattern } from '../../platform/database/sql';
import { pickableStaffSql } from './pickable-staff';

@Injectable()
export class StaffService {
  constructor(private readonly db: DataSource) {}

  /** Colleagues who may be picked as staff (mayBePickedAsStaff), by name or email. */
  async search(query: StaffQuery): Promise<StaffDirectoryResponse> {
    const params: unknown[] = [];
    const where = [pickableStaffSql(params, 'u')];
    if (query.q) {
      params.push(containsPattern(query.q));
      where.push(`(lower(u.display_name) LIKE $${params.length} OR lower(u.email) LIKE $${params.length})`);
    }
    const rows: { id: string; display_name: string; email: string; role: StaffMember['role'] }[] =
      await this.db.query(
        `SELECT u.id, u.display_name, u.email, u.role FROM users u
          WHERE ${where.join(' AND ')}
          ORDER BY lower(u.display_name), u.id LIMIT ${STAFF_MATCH_LIMIT}`,
        params,
      );
    return {
      items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, role: r.role })),
    };
  }
}
