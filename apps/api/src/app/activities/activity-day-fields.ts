import { ActivityDayCommand, zonedToUtc } from '@heard/domain';

/** Creating, editing and moving must turn the London wall clock into the same stored instants. */
export function timesOf(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedToUtc(date, startTime), endsAt: zonedToUtc(date, endTime) };
}

/** An activity day's stored columns from the officer's command: creating and editing write the same. */
export function activityDayFields(command: ActivityDayCommand) {
  return {
    title: command.title,
    date: command.date,
    startTime: command.startTime,
    endTime: command.endTime,
    ...timesOf(command.date, command.startTime, command.endTime),
    venue: command.venue,
    accessibility: command.accessibility,
    capacity: command.capacity,
    cohortMinAge: command.cohort.minAge,
    cohortMaxAge: command.cohort.maxAge,
    cohortServiceExperiences: command.cohort.serviceExperiences,
    cohortGroupIds: command.cohort.groupIds,
    professionals: command.professionals,
    budgetPence: command.budgetPence,
    transport: command.transport,
    photos: command.photos,
    agenda: command.agenda,
    requiredConsents: command.requiredConsents,
    reminderDaysBefore: command.reminderDaysBefore,
  };
}
