/**
 * The time, as the services that make time-based decisions see it (the sign-in slow-down, reset link
 * expiry). Production uses the system clock; tests hand createHeardApp a clock they move by hand, so
 * an answer that depends on "ten seconds later" is tested without waiting or racing the machine.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
