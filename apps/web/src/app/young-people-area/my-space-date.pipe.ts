import { Pipe, PipeTransform } from '@angular/core';
import { dayInWords, isIsoDate, todayInLondon } from '@heard/domain';

/** A day in words ("Saturday 4 July 2026") from a date or a moment: never bare numbers. */
@Pipe({ name: 'myDate' })
export class MySpaceDatePipe implements PipeTransform {
  transform(value: string | null): string {
    if (!value) return '';
    return dayInWords(isIsoDate(value) ? value : todayInLondon(new Date(value)));
  }
}
