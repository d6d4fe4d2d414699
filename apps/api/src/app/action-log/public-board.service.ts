import { Injectable } from '@nestjs/common';
import {
  ACTION_ANSWER_LABELS,
  ACTION_STATUS_RULES,
  ActionStatus,
  BoardItem,
  BoardQuery,
  BoardResponse,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { PublishedJson, publishedJson } from '../../platform/http/published-json';
import { ConsentService } from '../consent/consent.service';
import { actionLogSettings } from './action-log-base';
import { boardQuotesInForce } from './board-quotes';
import { WE_WILL_STATUSES_SQL } from './chase-rules.sql';

interface PairRow {
  itemId: string;
  youSaid: string;
  month: string;
  themeId: string | null;
  themeName: string | null;
  status: ActionStatus;
  words: string;
  because: string | null;
  dueMonth: string | null;
  doneMonth: string | null;
}

/** A board as built for one revision on one London day, and the tag a browser revalidates with. */
export interface BuiltBoard {
  tag: string;
  themes: BoardResponse['themes'];
  /** Newest said first. */
  items: BoardItem[];
  byItem: Map<string, BoardItem>;
}

/**
 * How many serialised pages are kept for one board. The usual pages (each theme's first few, at the
 * page sizes the web page asks for) fit many times over; bounded, so odd page sizes cannot grow it.
 */
export const MAX_KEPT_BOARD_PAGES = 300;

/**
 * The public "You said, We did" board (docs/action-log.md, "Public board"): built from the pairs
 * an officer published, with only the child-friendly words, months (never days) and quotes whose
 * young person's consent is in force today. It is public and read far more than it changes, so it
 * is kept in this process for as long as the board revision (bumped by boardChanged on every change)
 * and the London date (a consent can lapse overnight) stay the same.
 */
@Injectable()
export class PublicBoardService {
  private built: { key: string; board: Promise<BuiltBoard>; pages: Map<string, PublishedJson> } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly consent: ConsentService,
    private readonly clock: Clock,
  ) {}

  private async current(): Promise<{ board: BuiltBoard; pages: Map<string, PublishedJson> }> {
    const { boardRevision } = await actionLogSettings(this.db.manager);
    const key = `${boardRevision}.${todayInLondon(this.clock.now())}`;
    if (this.built?.key !== key) {
      const board = this.build(key);
      // A new board starts with no pages: the old board's pages go with it.
      this.built = { key, board, pages: new Map() };
      // A failed build is not kept: the next request tries again.
      board.catch(() => {
        if (this.built?.board === board) this.built = null;
      });
    }
    const { board, pages } = this.built;
    return { board: await board, pages };
  }

  /**
   * One page of the board as it is sent. Pages are kept, serialised and compressed, beside the board
   * they came from, so the board's busiest requests cost the revision query and a map lookup, no
   * JSON.stringify and no compressing.
   */
  async page(query: BoardQuery): Promise<PublishedJson> {
    const { board, pages } = await this.current();
    const key = `${query.themeId ?? 'all'}.${query.page}.${query.pageSize}`;
    const kept = pages.get(key);
    if (kept) return kept;
    const items = query.themeId ? board.items.filter((i) => i.theme?.id === query.themeId) : board.items;
    const start = (query.page - 1) * query.pageSize;
    const response: BoardResponse = {
      items: items.slice(start, start + query.pageSize),
      total: items.length,
      page: query.page,
      pageSize: query.pageSize,
      themes: board.themes,
    };
    const made = await publishedJson(`"${board.tag}.${key}"`, response);
    // Oldest first: a Map keeps the order pages were made in.
    if (pages.size >= MAX_KEPT_BOARD_PAGES) pages.delete(pages.keys().next().value as string);
    pages.set(key, made);
    return made;
  }

  async item(itemId: string): Promise<{ tag: string; item: BoardItem }> {
    const { board: built } = await this.current();
    const item = built.byItem.get(itemId);
    if (!item) throw DomainError.notFound('This item on the board');
    return { tag: `"${built.tag}.${itemId}"`, item };
  }

  private async build(tag: string): Promise<BuiltBoard> {
    const em = this.db.manager;
    const pairs: PairRow[] = await em.query(
      `SELECT y.id AS "itemId", y.young_words AS "youSaid", to_char(y.said_on, 'YYYY-MM') AS month,
              t.id AS "themeId", t.name AS "themeName", a.status, a.young_words AS words,
              CASE WHEN a.status = 'cant' THEN a.cant_reason END AS because,
              CASE WHEN a.status IN ${WE_WILL_STATUSES_SQL} THEN to_char(a.due_on, 'YYYY-MM') END AS "dueMonth",
              to_char(a.done_on, 'YYYY-MM') AS "doneMonth"
         FROM action_answers aa
         JOIN actions a ON a.id = aa.action_id
         JOIN you_said_items y ON y.id = aa.item_id
         LEFT JOIN action_log_themes t ON t.id = y.theme_id
        WHERE aa.published_at IS NOT NULL AND y.young_words IS NOT NULL AND a.young_words IS NOT NULL
        ORDER BY y.said_on DESC, y.id, aa.published_at, a.id`,
    );
    const quotesOf = new Map<string, string[]>();
    for (const q of await boardQuotesInForce(em, this.consent, this.clock.now()))
      quotesOf.set(q.itemId, [...(quotesOf.get(q.itemId) ?? []), q.words]);

    const byItem = new Map<string, BoardItem>();
    const themes = new Map<string, string>();
    for (const p of pairs) {
      let item = byItem.get(p.itemId);
      if (!item) {
        item = {
          itemId: p.itemId,
          theme: p.themeId && p.themeName ? { id: p.themeId, name: p.themeName } : null,
          month: p.month,
          youSaid: p.youSaid,
          quotes: quotesOf.get(p.itemId) ?? [],
          answers: [],
        };
        byItem.set(p.itemId, item);
        if (p.themeId && p.themeName) themes.set(p.themeId, p.themeName);
      }
      const answer = ACTION_STATUS_RULES[p.status].answer;
      item.answers.push({
        answer,
        label: ACTION_ANSWER_LABELS[answer],
        words: p.words,
        because: p.because,
        month: answer === 'we_did' ? p.doneMonth : answer === 'we_will' ? p.dueMonth : null,
      });
    }
    return {
      tag,
      byItem,
      themes: [...themes].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      items: [...byItem.values()],
    };
  }
}
