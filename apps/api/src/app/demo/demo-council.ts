import {
  MeetingPattern,
  ServiceExperienceKind as SE,
  TrustedAdultRelationship,
  addDays,
  checkEligibility,
  planSessions,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DemoPerson, loadDemoActivities } from './demo-activities';

/** The groups named in DOMAIN.md, with made-up rooms and meeting patterns that never clash. */
const GROUPS: {
  name: string;
  purpose: string;
  minAge: number;
  maxAge: number;
  experiences: SE[];
  venue: string;
  rrule: string;
  time: string;
}[] = [
  {
    name: 'Children in Care Council',
    purpose: 'Children in care telling the council what needs to change, and checking it does.',
    minAge: 10,
    maxAge: 17,
    experiences: [SE.LookedAfter],
    venue: 'Town Hall, Committee Room 2',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    time: '17:00',
  },
  {
    name: 'Young Experts',
    purpose: 'Evaluating the practice tools made for children and young people.',
    minAge: 12,
    maxAge: 25,
    experiences: [],
    venue: 'Youth Hub, Studio',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1',
    time: '11:00',
  },
  {
    name: 'Juniors',
    purpose: 'Our youngest group: games, ideas and having a say.',
    minAge: 10,
    maxAge: 12,
    experiences: [SE.LookedAfter, SE.ChildInNeed, SE.ChildProtection],
    venue: 'Youth Hub, Room 1',
    rrule: 'FREQ=WEEKLY;BYDAY=WE',
    time: '16:30',
  },
  {
    name: 'Deputies',
    purpose: 'For 13 to 15 year olds: projects, campaigns and interviews.',
    minAge: 13,
    maxAge: 15,
    experiences: [SE.LookedAfter, SE.ChildInNeed, SE.ChildProtection],
    venue: 'Youth Hub, Room 1',
    rrule: 'FREQ=WEEKLY;BYDAY=TH',
    time: '17:00',
  },
  {
    name: 'Seniors',
    purpose: 'For 16 and over: service planning, recruitment and commissioning.',
    minAge: 16,
    maxAge: 25,
    experiences: [SE.LookedAfter, SE.CareLeaver],
    venue: 'Youth Hub, Room 2',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
    time: '18:00',
  },
  {
    name: 'Care Leavers',
    purpose: 'Care leavers shaping the local offer.',
    minAge: 16,
    maxAge: 25,
    experiences: [SE.CareLeaver],
    venue: 'Leaving Care Hub',
    rrule: 'FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2',
    time: '18:30',
  },
  {
    name: 'Separated Migrants',
    purpose: 'Young people who came to the UK on their own, with interpreters.',
    minAge: 18,
    maxAge: 25,
    experiences: [SE.SeparatedMigrant],
    venue: 'Leaving Care Hub',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=3',
    time: '16:00',
  },
  {
    name: 'Young Diversity & Inclusion Board',
    purpose: 'Young DIB: challenging the council on equality, diversity and inclusion.',
    minAge: 13,
    maxAge: 25,
    experiences: [],
    venue: 'Town Hall, Committee Room 1',
    rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3',
    time: '18:00',
  },
  {
    name: 'Young Commissioners',
    purpose: 'Helping to choose and check the services the council buys.',
    minAge: 14,
    maxAge: 25,
    experiences: [],
    venue: 'Town Hall, Committee Room 1',
    rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1',
    time: '17:30',
  },
  {
    name: 'SEND Forum',
    purpose: 'Young people with special educational needs and disabilities.',
    minAge: 11,
    maxAge: 25,
    experiences: [SE.SendEhcp],
    venue: 'Library Learning Room',
    rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2',
    time: '16:00',
  },
  {
    name: "Young Parents' Group",
    purpose: 'Young parents on what helps their families.',
    minAge: 16,
    maxAge: 25,
    experiences: [],
    venue: 'Family Centre',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    time: '10:00',
  },
];

const NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Ellie',
  'Femi',
  'Grace',
  'Harvey',
  'Isla',
  'Jay',
  'Kiera',
  'Leo',
  'Maya',
  'Nico',
  'Orla',
  'Priya',
  'Quinn',
  'Rhys',
  'Sofia',
  'Theo',
  'Uma',
  'Vinnie',
  'Willow',
  'Xander',
  'Yasmin',
  'Zac',
  'Ayo',
  'Bea',
  'Cal',
  'Dani',
];

const EXPERIENCE_MIX: SE[][] = [
  [SE.LookedAfter],
  [SE.ChildInNeed],
  [SE.LookedAfter, SE.SendEhcp],
  [SE.CareLeaver],
  [SE.ChildProtection],
  [SE.SeparatedMigrant, SE.CareLeaver],
  [SE.YoungCarer],
  [SE.EarlyHelp],
  [SE.CareLeaver, SE.SendEhcp],
  [SE.LookedAfter, SE.YouthJustice],
];

/** Made-up councils that some young people are placed with: one in five is placed out of area. */
const PLACEMENT_AUTHORITIES = ['Northmere County Council', 'Eastbrook Borough Council', null];

/**
 * The team's own categories (docs/reach.md), all fictional. Unaccompanied asylum-seeking young
 * people here are all placed out of area, so the reach page shows them missing from sessions.
 */
const CATEGORIES = [
  'Young carer',
  'Unaccompanied asylum-seeking',
  'Care leaver in higher education',
  'Lives with kinship carers',
] as const;

/** Which of the demo categories the i-th young person has. */
function categoriesOf(i: number): (typeof CATEGORIES)[number][] {
  const has: (typeof CATEGORIES)[number][] = [];
  if (i % 6 === 1) has.push('Young carer');
  if (i % 10 === 9) has.push('Unaccompanied asylum-seeking');
  if (i % 8 === 7 && i % 15 >= 8) has.push('Care leaver in higher education');
  if (i % 7 === 2) has.push('Lives with kinship carers');
  return has;
}

function yearsAgo(today: string, years: number, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return addDays(`${y - years}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, -days);
}

/** A fictional council's groups, young people, memberships and a term of sessions with registers. */
export async function loadDemoCouncil(
  em: EntityManager,
  ids: { officerId: string; practitionerId: string },
): Promise<void> {
  const today = todayInLondon();
  const groups: { id: string; spec: (typeof GROUPS)[number] }[] = [];
  for (const spec of GROUPS) {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO groups (name, purpose, min_age, max_age, service_experiences, venue, pattern_rrule, pattern_starts_on, pattern_start_time, pattern_duration_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 90) RETURNING id`,
      [
        spec.name,
        spec.purpose,
        spec.minAge,
        spec.maxAge,
        spec.experiences,
        spec.venue,
        spec.rrule,
        addDays(today, -70),
        spec.time,
      ],
    );
    await em.query(`INSERT INTO group_facilitators (group_id, user_id) VALUES ($1, $2)`, [id, ids.officerId]);
    groups.push({ id, spec });
  }

  const categoryIds = new Map<string, string>();
  for (const name of CATEGORIES) {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO young_people_categories (name) VALUES ($1) RETURNING id`,
      [name],
    );
    categoryIds.set(name, id);
  }

  /** Those who join the groups. */
  const people: { id: string; dob: string; experiences: SE[] }[] = [];
  const demoPeople: DemoPerson[] = [];
  for (let i = 0; i < NAMES.length; i++) {
    // The first one turns 13 next week: a Junior the ageing-out list should flag.
    const dob = i === 0 ? yearsAgo(today, 13, -7) : yearsAgo(today, 10 + (i % 15), (i * 37) % 360);
    const experiences = EXPERIENCE_MIX[i % EXPERIENCE_MIX.length];
    const contact = {
      email: i % 3 === 0 ? `${NAMES[i].toLowerCase()}@young.heard.example` : null,
      phone: i % 4 === 1 ? '07700 900' + String(100 + i) : null,
      whatsapp: null,
      letter: null,
      onlyViaTrustedAdult: i % 5 === 2,
    };
    // The youngest ones' carers bring them, so one keeps a parent's or carer's phone, with why.
    const parentCarer =
      i === 0
        ? {
            name: 'Morgan Fairweather',
            relationship: 'Foster carer',
            channel: 'phone',
            email: null,
            phone: '07700 900450',
            purpose:
              'Aged 12: their foster carer brings them to activities and asked to hear of invitations.',
          }
        : null;
    const placedOutOfArea = i % 5 === 4;
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO young_people (preferred_name, date_of_birth, contact, parent_carer, accessibility_needs, communication_needs, participation_preference, created_by,
                                 placed_out_of_area, placement_authority)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        NAMES[i],
        dob,
        JSON.stringify(contact),
        parentCarer ? JSON.stringify(parentCarer) : null,
        i % 6 === 0 ? 'Uses a wheelchair: step-free rooms only.' : null,
        i % 7 === 3 ? 'Prefers written questions in advance.' : null,
        i % 4 === 3 ? 'one_to_one' : 'either',
        ids.officerId,
        placedOutOfArea,
        placedOutOfArea ? PLACEMENT_AUTHORITIES[i % PLACEMENT_AUTHORITIES.length] : null,
      ],
    );
    for (const category of categoriesOf(i)) {
      await em.query(`INSERT INTO young_person_categories (young_person_id, category_id) VALUES ($1, $2)`, [
        id,
        categoryIds.get(category),
      ]);
    }
    for (const kind of experiences) {
      await em.query(
        `INSERT INTO young_person_service_experiences (young_person_id, kind, from_date) VALUES ($1, $2, $3)`,
        [id, kind, addDays(today, -700)],
      );
    }
    if (i % 3 === 0) {
      await em.query(
        `INSERT INTO young_person_trusted_adults (young_person_id, user_id, relationship) VALUES ($1, $2, $3)`,
        [id, ids.practitionerId, TrustedAdultRelationship.SocialWorker],
      );
    }
    // Placed far away, they cannot get to the weekly groups: the gap the reach page shows.
    if (!placedOutOfArea) people.push({ id, dob, experiences });
    demoPeople.push({
      id,
      name: NAMES[i],
      email: contact.email,
      onlyViaTrustedAdult: contact.onlyViaTrustedAdult,
      linkedToPractitioner: i % 3 === 0,
    });
  }

  // Each young person in the area joins up to two groups they fitted yesterday, before the term began.
  const joinedOn = addDays(today, -80);
  for (const person of people) {
    const candidate = {
      dateOfBirth: person.dob,
      serviceExperiences: person.experiences.map((kind) => ({ kind, from: addDays(today, -700), to: null })),
    };
    // The most specific groups first, as an officer would place them.
    const fits = groups
      .filter(
        (g) =>
          checkEligibility(
            candidate,
            { minAge: g.spec.minAge, maxAge: g.spec.maxAge, serviceExperiences: g.spec.experiences },
            addDays(today, -1),
          ).eligible,
      )
      .sort((a, b) => a.spec.maxAge - a.spec.minAge - (b.spec.maxAge - b.spec.minAge));
    for (const [n, g] of fits.slice(0, 2).entries()) {
      await em.query(
        `INSERT INTO group_memberships (group_id, young_person_id, role, joined_on) VALUES ($1, $2, $3, $4)`,
        [g.id, person.id, n === 0 && people.indexOf(person) % 9 === 1 ? 'chair' : 'member', joinedOn],
      );
    }
  }

  // Ten weeks back and twelve ahead; past sessions have a register.
  for (const g of groups) {
    const pattern: MeetingPattern = {
      rrule: g.spec.rrule,
      startsOn: addDays(today, -70),
      startTime: g.spec.time,
      durationMinutes: 90,
    };
    const members: { young_person_id: string }[] = await em.query(
      `SELECT young_person_id FROM group_memberships WHERE group_id = $1`,
      [g.id],
    );
    for (const planned of planSessions(pattern, [], addDays(today, -70), addDays(today, 84))) {
      const startsAt = zonedToUtc(planned.date, planned.startTime);
      const [{ id: sessionId }]: { id: string }[] = await em.query(
        `INSERT INTO group_sessions (group_id, pattern_date, starts_at, ends_at, venue, agenda) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          g.id,
          planned.patternDate,
          startsAt,
          new Date(startsAt.getTime() + 90 * 60_000),
          g.spec.venue,
          'Welcome, catch-up, this month’s topic, snacks.',
        ],
      );
      if (planned.date < today) {
        for (const [k, m] of members.entries()) {
          const status =
            (k + planned.date.charCodeAt(9)) % 5 === 0
              ? 'apologies'
              : (k + planned.date.charCodeAt(8)) % 7 === 0
                ? 'absent'
                : 'present';
          await em.query(
            `INSERT INTO attendance (session_id, young_person_id, status, recorded_by) VALUES ($1, $2, $3, $4)`,
            [sessionId, m.young_person_id, status, ids.officerId],
          );
        }
      }
    }
  }

  await loadDemoActivities(em, demoPeople, ids);
}
