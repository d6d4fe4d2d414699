import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ConsentPurpose,
  PLAN_PICTURE_UNREADABLE,
  PLAN_STATUS_RULES,
  PlanDocument,
  PlanPictureMediaType,
  PlanPictureResponse,
  PlanPictureUploadCommand,
  PlanStatus,
  checkPlanPicture,
  planPictureIds,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { canDrawPicture } from '../../platform/pdf/drawable-picture';
import { PdfPictures } from '../../platform/pdf/typed-text-pdf';
import { ConsentService } from '../consent/consent.service';

/** The statuses whose versions anyone may read: only pictures in those are ever public. */
const PUBLIC_STATUSES = (Object.entries(PLAN_STATUS_RULES) as [PlanStatus, { public: boolean }][])
  .filter(([, rule]) => rule.public)
  .map(([status]) => status);

export interface PictureBytes {
  bytes: Buffer;
  mediaType: PlanPictureMediaType;
}

interface PictureRow {
  id: string;
  media_type: PlanPictureMediaType;
  width: number;
  height: number;
  byte_size: number;
  no_one_recognisable: boolean;
  uploaded_at: Date;
  withdrawn_at: Date | null;
  young_person_ids: string[];
}

/**
 * Pictures for the voice plan's text (docs/decisions/0035-plan-pictures.md): checked and stripped
 * of metadata by plan-pictures.ts, stored only when each young person who can be recognised has
 * photo consent in force (consent.ts's rule, through ConsentService), and shown to the public only
 * while that is still so.
 */
@Injectable()
export class PlanPicturesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly consent: ConsentService,
    private readonly clock: Clock,
  ) {}

  async upload(actor: Actor, command: PlanPictureUploadCommand): Promise<PlanPictureResponse> {
    const checked = checkPlanPicture(Buffer.from(command.data, 'base64'));
    if ('status' in checked) {
      if (checked.status === 'not_a_picture')
        throw new DomainError('unsupported_media_type', checked.message, { data: [checked.message] });
      throw DomainError.validation('data', checked.message);
    }
    // Whole by its bytes yet beyond the PDF: refused now, rather than missing from the plan's PDF.
    if (!(await canDrawPicture(checked.bytes)))
      throw new DomainError('unprocessable', PLAN_PICTURE_UNREADABLE, { data: [PLAN_PICTURE_UNREADABLE] });
    const id = await this.db.transaction(async (em) => {
      const unreachable = await this.access.unreachable(actor, em, command.youngPersonIds);
      if (unreachable.size > 0)
        throw DomainError.validation('youngPersonIds', 'Choose young people from your own list.');
      await this.assertPhotoConsent(em, command.youngPersonIds);
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO plan_pictures (bytes, media_type, width, height, byte_size, sha256, uploaded_by, no_one_recognisable)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          Buffer.from(checked.bytes),
          checked.mediaType,
          checked.width,
          checked.height,
          checked.bytes.length,
          createHash('sha256').update(checked.bytes).digest('hex'),
          actor.userId,
          command.noOneRecognisable,
        ],
      );
      for (const youngPersonId of command.youngPersonIds)
        await em.query(`INSERT INTO plan_picture_people (picture_id, young_person_id) VALUES ($1, $2)`, [
          row.id,
          youngPersonId,
        ]);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.PlanPicture,
        id: row.id,
        detail: { event: 'upload', people: command.youngPersonIds.length },
      });
      return row.id;
    });
    return this.response((await this.rows(this.db.manager, [id]))[0]);
  }

  /** For staff who read plans: every picture not withdrawn, whoever is in it. */
  async forStaff(id: string): Promise<PictureBytes> {
    const picture = await this.bytesOf(id);
    if (!picture) throw DomainError.notFound('This picture');
    return picture;
  }

  /**
   * For everyone: only a picture a published or superseded version shows, and only while each
   * young person in it still has photo consent in force today. Otherwise "not found", which the
   * page and the PDF answer with the alt text and PLAN_PICTURE_GONE.
   */
  forPublic(id: string): Promise<PictureBytes> {
    return this.shownIn(id, PUBLIC_STATUSES);
  }

  /**
   * For young experts: the plan they are asked about (in scrutiny) and the published ones, under
   * the same consent rule as the public's: they are not staff.
   */
  forYoungExperts(id: string): Promise<PictureBytes> {
    return this.shownIn(id, [...PUBLIC_STATUSES, 'scrutiny']);
  }

  private async shownIn(id: string, statuses: readonly PlanStatus[]): Promise<PictureBytes> {
    const [published]: unknown[] = await this.db.query(
      `SELECT 1 FROM plan_sections s JOIN plan_versions v ON v.id = s.version_id
        WHERE v.status = ANY($2::text[])
          AND (jsonb_path_exists(s.child_friendly, '$.blocks[*] ? (@.type == "picture" && @.pictureId == $id)', jsonb_build_object('id', $1::text))
            OR jsonb_path_exists(s.professional, '$.blocks[*] ? (@.type == "picture" && @.pictureId == $id)', jsonb_build_object('id', $1::text)))
        LIMIT 1`,
      [id, statuses],
    );
    if (!published || !(await this.showable(this.db.manager, [id])).has(id))
      throw DomainError.notFound('This picture');
    return this.forStaff(id);
  }

  /**
   * Of these pictures, those that may be shown publicly today: not withdrawn, and everyone in each
   * consenting. One read of the pictures and one consent check for everyone in them, however many.
   */
  async showable(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.rows(em, [...new Set(ids)])).filter((r) => r.withdrawn_at === null);
    const people = [...new Set(rows.flatMap((r) => r.young_person_ids))];
    const lacking = new Set((await this.lackingConsent(em, people)).map((l) => l.id));
    return new Set(rows.filter((r) => r.young_person_ids.every((p) => !lacking.has(p))).map((r) => r.id));
  }

  /** The bytes and sizes of those pictures that may be shown publicly now: what a plan's PDF draws. */
  async shown(em: EntityManager, ids: readonly string[]): Promise<PdfPictures> {
    const showable = [...(await this.showable(em, ids))];
    const rows: { id: string; bytes: Buffer; width: number; height: number }[] = showable.length
      ? await em.query(`SELECT id, bytes, width, height FROM plan_pictures WHERE id = ANY($1::uuid[])`, [
          showable,
        ])
      : [];
    return new Map(
      rows.map((r) => [r.id, { bytes: Buffer.from(r.bytes), width: r.width, height: r.height }]),
    );
  }

  /** A section may only show pictures that exist and are not withdrawn: 400 naming the block otherwise. */
  async assertPicturesExist(em: EntityManager, docs: Record<string, PlanDocument>): Promise<void> {
    for (const [field, doc] of Object.entries(docs)) {
      const ids = planPictureIds(doc);
      if (ids.length === 0) continue;
      const rows = await this.rows(em, ids);
      const found = new Set(rows.filter((r) => r.withdrawn_at === null).map((r) => r.id));
      const index = doc.blocks.findIndex((b) => b.type === 'picture' && !found.has(b.pictureId));
      if (index >= 0)
        throw DomainError.validation(
          `${field}.blocks.${index}.pictureId`,
          'This picture has not been uploaded, or may no longer be shown: upload it again or remove it.',
        );
    }
  }

  private async assertPhotoConsent(em: EntityManager, youngPersonIds: readonly string[]): Promise<void> {
    const lacking = await this.lackingConsent(em, youngPersonIds);
    if (lacking.length === 0) return;
    const names: { id: string; name: string }[] = await em.query(
      `SELECT id, preferred_name AS name FROM young_people WHERE id = ANY($1::uuid[])`,
      [lacking.map((l) => l.id)],
    );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const errors: Record<string, string[]> = {};
    lacking.forEach((l) => {
      const at = youngPersonIds.indexOf(l.id);
      errors[`youngPersonIds.${at}`] = [`${nameOf.get(l.id) ?? 'This young person'}: ${l.message}`];
    });
    throw new DomainError(
      'unprocessable',
      `Photo consent is not in force for ${lacking.map((l) => nameOf.get(l.id) ?? 'a young person').join(', ')}: ` +
        'the picture cannot be stored with them in it.',
      errors,
    );
  }

  /** Who among them lacks photo and video consent in force now, by consent.ts's one rule. */
  private async lackingConsent(
    em: EntityManager,
    youngPersonIds: readonly string[],
  ): Promise<{ id: string; message: string }[]> {
    if (youngPersonIds.length === 0) return [];
    const { consents } = await this.consent.effectiveFor(em, youngPersonIds, [ConsentPurpose.PhotosVideo], {
      on: todayInLondon(this.clock.now()),
      at: this.clock.now(),
      activityId: null,
    });
    return youngPersonIds.flatMap((id) => {
      const result = consents.get(id)?.[ConsentPurpose.PhotosVideo];
      if (!result) return [{ id, message: 'This young person was not found.' }];
      return result.status === 'valid' ? [] : [{ id, message: result.message }];
    });
  }

  private async bytesOf(id: string): Promise<PictureBytes | null> {
    const [row]: { bytes: Buffer; media_type: PlanPictureMediaType }[] = await this.db.query(
      `SELECT bytes, media_type FROM plan_pictures WHERE id = $1 AND withdrawn_at IS NULL`,
      [id],
    );
    return row ? { bytes: Buffer.from(row.bytes), mediaType: row.media_type } : null;
  }

  private rows(em: EntityManager, ids: readonly string[]): Promise<PictureRow[]> {
    return em.query(
      `SELECT p.id, p.media_type, p.width, p.height, p.byte_size, p.no_one_recognisable, p.uploaded_at,
              p.withdrawn_at,
              COALESCE(array_agg(pp.young_person_id ORDER BY pp.young_person_id)
                FILTER (WHERE pp.young_person_id IS NOT NULL), '{}') AS young_person_ids
         FROM plan_pictures p LEFT JOIN plan_picture_people pp ON pp.picture_id = p.id
        WHERE p.id = ANY($1::uuid[])
        GROUP BY p.id`,
      [[...ids]],
    );
  }

  private response(row: PictureRow): PlanPictureResponse {
    return {
      id: row.id,
      mediaType: row.media_type,
      width: row.width,
      height: row.height,
      byteSize: row.byte_size,
      noOneRecognisable: row.no_one_recognisable,
      youngPersonIds: row.young_person_ids,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
    };
  }
}
