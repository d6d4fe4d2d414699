import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Role } from '@heard/domain';
import { SessionService } from '../core/session.service';

/**
 * Pages that change records are for participation officers. Practitioners who open one (from an
 * old link, say) go to the list instead of a form the API would refuse.
 */
export const officerOnly: CanActivateFn = () =>
  inject(SessionService).user()?.role === Role.ParticipationOfficer
    ? true
    : inject(Router).createUrlTree(['/young-people']);
