const UUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

/** The paths the floor answers (GET only); kept apart from the server so bench/run.ts can ask cheaply. */
export const FLOOR_ROUTES = {
  youngPeople: /^\/api\/young-people$/,
  youngPerson: new RegExp(`^/api/young-people/${UUID}$`),
  group: new RegExp(`^/api/groups/${UUID}$`),
  members: new RegExp(`^/api/groups/${UUID}/members$`),
  attendance: new RegExp(`^/api/groups/${UUID}/attendance$`),
  sessions: /^\/api\/sessions$/,
} as const;

export function floorServes(path: string): boolean {
  const pathname = path.split('?')[0];
  return Object.values(FLOOR_ROUTES).some((route) => route.test(pathname));
}
