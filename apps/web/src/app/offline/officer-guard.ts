import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Role } from '@heard/domain';
import { SessionService } from '../core/session.service';

/**
 * Only participation officers mark registers, so only they have changes kept aside; the API gives
 * the list to no one else. Anyone else who opens the page (an old link) goes to their account.
 */
export const heldChangesOfficerOnly: CanActivateFn = () =>
  inject(SessionService).user()?.role === Role.ParticipationOfficer
    ? true
    : inject(Router).createUrlTree(['/account']);
