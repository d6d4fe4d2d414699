import { PICKABLE_STAFF_ROLES } from '../access/access';
import { ACTION_LOG_KEEPERS, ACTION_LOG_OFFICERS, ACTION_LOG_READERS } from '../action-log/action-log-roles';
import { PLAN_READERS } from '../plan/plan-workflow';
import { REPORT_READERS } from '../reports/report-roles';
import { PLEDGE_READERS } from '../pledges/pledge-roles';
import { PRACTICE_TOOL_READERS } from '../practice-tools/practice-tool-roles';
import { REACH_READERS } from '../reach/reach';
import { YOUNG_PEOPLE_CATEGORY_KEEPERS } from '../young-people/categories';
import { Role, STAFF_ROLES } from '../roles/role';

export interface NavigationItem {
  /** Route path in the web app, without a leading slash. */
  path: string;
  label: string;
  /** Material Symbols ligature name. */
  icon: string;
}

/**
 * What each role sees in the navigation. The API enforces access on its own; this only keeps
 * the menu from offering what a role may not use.
 */
const ITEMS: ReadonlyArray<NavigationItem & { roles: readonly Role[] }> = [
  { path: 'home', label: 'Home', icon: 'home', roles: Object.values(Role) },
  {
    path: 'young-people',
    label: 'Young people',
    icon: 'groups',
    roles: [Role.ParticipationOfficer, Role.Practitioner],
  },
  { path: 'groups', label: 'Groups and sessions', icon: 'diversity_3', roles: [Role.ParticipationOfficer] },
  { path: 'activities', label: 'Activity days', icon: 'celebration', roles: [Role.ParticipationOfficer] },
  { path: 'one-to-ones', label: 'One-to-ones', icon: 'forum', roles: [Role.ParticipationOfficer] },
  {
    path: 'invitations/by-hand',
    label: 'To do by hand',
    icon: 'checklist',
    roles: [Role.ParticipationOfficer],
  },
  {
    path: 'practice-tools',
    label: 'Practice tools',
    icon: 'construction',
    roles: PRACTICE_TOOL_READERS,
  },
  {
    path: 'deletion-requests',
    label: 'Requests to delete',
    icon: 'delete_sweep',
    roles: [Role.ParticipationOfficer],
  },
  { path: 'funnel', label: 'Invited and came', icon: 'filter_alt', roles: [Role.ParticipationOfficer] },
  // The action log: officers keep it; practitioners and senior leaders see the items from the
  // young people they are linked to (the API decides which). Administrators keep only its settings.
  { path: 'action-log', label: 'You said, We did', icon: 'campaign', roles: ACTION_LOG_READERS },
  { path: 'action-log/queue', label: 'Action log queue', icon: 'list', roles: ACTION_LOG_OFFICERS },
  { path: 'action-log/import', label: 'Import feedback', icon: 'upload', roles: ACTION_LOG_OFFICERS },
  // Senior leaders' pledges: officers see every one, leaders their own (the API decides).
  { path: 'pledges', label: 'Pledges', icon: 'checklist', roles: PLEDGE_READERS },
  // The annual voice plan: officers write it, senior leaders read and approve it.
  { path: 'plans', label: 'Voice plan', icon: 'description', roles: PLAN_READERS },
  // The six-monthly Family Feedback Report and the annual participation report, drafted from the data.
  { path: 'reports', label: 'Reports', icon: 'summarize', roles: REPORT_READERS },
  // Whose voices are missing: aggregates only, so leaders and administrators too.
  { path: 'reach', label: 'Reach', icon: 'pie_chart', roles: REACH_READERS },
  { path: 'handover', label: 'To hand over', icon: 'outbox', roles: [Role.Practitioner] },
  // What became of what a young person said, for their trusted adult to pass on (the action log).
  { path: 'to-pass-on', label: 'To pass on', icon: 'record_voice_over', roles: PICKABLE_STAFF_ROLES },
  { path: 'admin/action-log', label: 'You said settings', icon: 'tune', roles: ACTION_LOG_KEEPERS },
  // The team's own categories of young people, for reach (docs/reach.md).
  {
    path: 'admin/categories',
    label: "Young people's categories",
    icon: 'label',
    roles: YOUNG_PEOPLE_CATEGORY_KEEPERS,
  },
  { path: 'admin/users', label: 'Users', icon: 'manage_accounts', roles: [Role.Administrator] },
  { path: 'admin/audit', label: 'Audit log', icon: 'policy', roles: [Role.Administrator] },
  { path: 'admin/retention', label: 'Retention', icon: 'auto_delete', roles: [Role.Administrator] },
  { path: 'my-space', label: 'My space', icon: 'emoji_people', roles: [Role.YoungExpert] },
  // Any member of staff raises a worry here; safeguarding contacts read them from the same place.
  { path: 'worries', label: 'Raise a worry', icon: 'report', roles: STAFF_ROLES },
  // Changing one's own password or email: staff sign in with a password of their own.
  { path: 'account', label: 'Your account', icon: 'account_circle', roles: STAFF_ROLES },
];

export function navigationFor(role: Role): NavigationItem[] {
  return ITEMS.filter((item) => item.roles.includes(role)).map(({ path, label, icon }) => ({
    path,
    label,
    icon,
  }));
}
