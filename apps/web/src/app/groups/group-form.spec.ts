import { ServiceExperienceKind } from '@heard/domain';
import {
  facilitatorControl,
  fillGroupForm,
  groupForm,
  previewPattern,
  toGroupRequest,
  wirePattern,
} from './group-form';
import { ADULT_ID, groupResponse } from '../../testing/fixtures';

function filled() {
  const form = groupForm();
  form.patchValue({ name: ' Juniors ', purpose: 'Games and ideas.', minAge: 10, maxAge: 12 });
  return form;
}

describe('group form', () => {
  it('sends a group without a pattern', () => {
    const form = filled();
    expect(form.valid).toBe(true);
    expect(toGroupRequest(form)).toEqual({
      name: 'Juniors',
      purpose: 'Games and ideas.',
      minAge: 10,
      maxAge: 12,
      serviceExperiences: [],
      facilitatorIds: [],
      venue: null,
      onlineLink: null,
      capacity: null,
      pattern: null,
    });
  });

  it('sends the ticked experiences, facilitators and the pattern', () => {
    const form = filled();
    const wiring = wirePattern(form);
    form.controls.serviceExperiences.controls[ServiceExperienceKind.CareLeaver].setValue(true);
    form.controls.facilitatorIds.push(facilitatorControl(ADULT_ID));
    form.controls.hasPattern.setValue(true);
    form.controls.pattern.patchValue({ preset: 'fortnightly', startsOn: '2026-09-08', startTime: '18:00' });
    const request = toGroupRequest(form);
    expect(request.serviceExperiences).toEqual(['care_leaver']);
    expect(request.facilitatorIds).toEqual([ADULT_ID]);
    // 8 September 2026 is a Tuesday, so the day follows the first meeting date.
    expect(request.pattern).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      startsOn: '2026-09-08',
      startTime: '18:00',
      durationMinutes: 90,
    });
    wiring.unsubscribe();
  });

  it('only checks the pattern’s fields while the group has a pattern', () => {
    const form = filled();
    const wiring = wirePattern(form);
    expect(form.controls.pattern.disabled).toBe(true);
    form.controls.hasPattern.setValue(true);
    expect(form.controls.pattern.enabled).toBe(true);
    expect(form.valid).toBe(false); // the first meeting date is missing
    form.controls.hasPattern.setValue(false);
    expect(form.valid).toBe(true);
    wiring.unsubscribe();
  });

  it('rebuilds the repeat rule from the preset, but leaves a custom rule alone', () => {
    const form = filled();
    const wiring = wirePattern(form);
    form.controls.hasPattern.setValue(true);
    const { preset, weekday, week, rrule } = form.controls.pattern.controls;
    preset.setValue('monthly');
    weekday.setValue('WE');
    week.setValue(-1);
    expect(rrule.value).toBe('FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-1');
    preset.setValue('custom');
    rrule.setValue('FREQ=WEEKLY;BYDAY=MO,TH');
    weekday.setValue('FR');
    form.controls.pattern.controls.startsOn.setValue('2026-09-08');
    expect(rrule.value).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    wiring.unsubscribe();
  });

  it('marks an oldest age below the youngest', () => {
    const form = filled();
    form.controls.maxAge.setValue(9);
    expect(form.controls.maxAge.hasError('order')).toBe(true);
    form.controls.maxAge.setValue(12);
    expect(form.controls.maxAge.hasError('order')).toBe(false);
  });

  it('accepts only https links', () => {
    const form = filled();
    form.controls.onlineLink.setValue('http://meet.example.org/x');
    expect(form.controls.onlineLink.hasError('pattern')).toBe(true);
    form.controls.onlineLink.setValue('https://meet.example.org/x');
    expect(form.controls.onlineLink.valid).toBe(true);
  });

  it('fills from a saved group, choosing the matching preset, and sends the same group back', () => {
    const group = groupResponse({
      pattern: {
        rrule: 'FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2',
        startsOn: '2026-01-14',
        startTime: '18:30',
        durationMinutes: 120,
      },
    });
    const form = groupForm();
    fillGroupForm(form, group);
    const pattern = form.controls.pattern;
    expect(pattern.enabled).toBe(true);
    expect(pattern.controls.preset.value).toBe('monthly');
    expect(pattern.controls.weekday.value).toBe('WE');
    expect(pattern.controls.week.value).toBe(2);
    expect(toGroupRequest(form)).toEqual({
      name: group.name,
      purpose: group.purpose,
      minAge: group.minAge,
      maxAge: group.maxAge,
      serviceExperiences: group.serviceExperiences,
      facilitatorIds: [ADULT_ID],
      venue: group.venue,
      onlineLink: null,
      capacity: 12,
      pattern: group.pattern,
    });
  });

  it('keeps a rule the presets cannot say as a custom rule', () => {
    const form = groupForm();
    fillGroupForm(
      form,
      groupResponse({
        pattern: {
          rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
          startsOn: '2026-01-06',
          startTime: '17:00',
          durationMinutes: 60,
        },
      }),
    );
    expect(form.controls.pattern.controls.preset.value).toBe('custom');
    expect(form.controls.pattern.controls.rrule.value).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });
});

describe('previewPattern', () => {
  const base = {
    rrule: 'FREQ=WEEKLY;BYDAY=TH',
    startsOn: '2026-01-06',
    startTime: '17:00',
    durationMinutes: 90,
  };

  it('lists the first meetings', () => {
    expect(previewPattern({ ...base, startsOn: '2026-01-08' }, 3)).toEqual({
      dates: ['2026-01-08', '2026-01-15', '2026-01-22'],
      problems: [],
      note: null,
    });
  });

  it('points out when the first meeting date is not one of the meetings', () => {
    expect(previewPattern(base, 1)).toEqual({
      dates: ['2026-01-08'],
      problems: [],
      note: 'There is no meeting on the first meeting date you chose (Tuesday 6 January 2026): the pattern starts on Thursday 8 January 2026.',
    });
  });

  it('explains why a pattern will not work', () => {
    expect(previewPattern({ ...base, rrule: 'FREQ=DAILY' }).problems).toEqual([
      'Groups meet weekly, fortnightly or monthly: use FREQ=WEEKLY or FREQ=MONTHLY.',
    ]);
  });

  it('shows nothing until there is a pattern to show', () => {
    expect(previewPattern(null)).toEqual({ dates: [], problems: [], note: null });
    expect(previewPattern({ ...base, startsOn: '' })).toEqual({ dates: [], problems: [], note: null });
  });
});
