import { PLAN_EDITORS, PLAN_READERS } from '../plan/plan-workflow';

/**
 * Who drafts and edits reports, and who reads them: the plan's officers and leaders. Apart from
 * report-rules.ts so the menu (navigation.ts, in the first bundle) does not pull in the text schemas.
 */
export const REPORT_EDITORS = PLAN_EDITORS;
export const REPORT_READERS = PLAN_READERS;
