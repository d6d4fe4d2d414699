import { FormArray, FormControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';
import {
  applyNestedServerErrors,
  controlForKey,
  fieldLabel,
  fieldLabelsFor,
  setErrorFlag,
} from './form-errors';

function problem(errors: Record<string, string[]>): ProblemDetails {
  return {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'Please check these fields.',
    errors,
  };
}

function form() {
  return new FormGroup({
    dateOfBirth: new FormControl('', { nonNullable: true }),
    serviceExperiences: new FormArray([
      new FormGroup({ from: new FormControl('2024-01-01'), to: new FormControl('2023-01-01') }),
    ]),
    contact: new FormGroup({
      email: new FormControl(''),
      letter: new FormGroup({ addressLines: new FormControl(''), postcode: new FormControl('') }),
    }),
    person: new FormControl(null),
  });
}

describe('controlForKey', () => {
  it('finds nested controls, including list items by index', () => {
    const f = form();
    expect(controlForKey(f, 'contact.email')).toBe(f.controls.contact.controls.email);
    expect(controlForKey(f, 'serviceExperiences.0.to')).toBe(f.controls.serviceExperiences.at(0).controls.to);
  });

  it('falls back to the nearest control above a path the form does not have', () => {
    const f = form();
    expect(controlForKey(f, 'contact.letter.addressLines.2')).toBe(
      f.controls.contact.controls.letter.controls.addressLines,
    );
    expect(controlForKey(f, 'serviceExperiences.4.kind')).toBe(f.controls.serviceExperiences);
  });

  it('follows aliases for request fields the form keeps under another name', () => {
    const f = form();
    expect(controlForKey(f, 'youngPersonId', { youngPersonId: 'person' })).toBe(f.controls.person);
  });

  it('finds nothing for an unknown field', () => {
    expect(controlForKey(form(), 'nickname')).toBeNull();
  });
});

describe('applyNestedServerErrors', () => {
  it('puts each message on its field, touched, and reports the keys it could not place', () => {
    const f = form();
    const unmatched = applyNestedServerErrors(
      f,
      problem({
        dateOfBirth: ['The date of birth is in the future.'],
        'serviceExperiences.0.to': ['The end date is before the start date.'],
        'contact.letter.addressLines.0': ['Too long.'],
        'contact.letter.addressLines.1': ['Too short.'],
        nickname: ['This field is not recognised.'],
      }),
    );
    expect(f.controls.dateOfBirth.getError('server')).toBe('The date of birth is in the future.');
    expect(f.controls.dateOfBirth.touched).toBe(true);
    expect(f.controls.serviceExperiences.at(0).controls.to.getError('server')).toBe(
      'The end date is before the start date.',
    );
    expect(f.controls.contact.controls.letter.controls.addressLines.getError('server')).toBe(
      'Too long. Too short.',
    );
    expect(unmatched).toEqual(['nickname']);
  });

  it('keeps the control’s other errors', () => {
    const f = form();
    f.controls.dateOfBirth.setErrors({ required: true });
    applyNestedServerErrors(f, problem({ dateOfBirth: ['Enter a date.'] }));
    expect(f.controls.dateOfBirth.errors).toEqual({ required: true, server: 'Enter a date.' });
  });
});

describe('fieldLabel and fieldLabelsFor', () => {
  const labels = {
    dateOfBirth: 'Date of birth',
    'serviceExperiences.*.to': 'To',
    'contact.letter.addressLines': 'Address',
  };
  const items = { serviceExperiences: 'Service experience' };

  it.each([
    ['dateOfBirth', 'Date of birth'],
    ['serviceExperiences.0.to', 'Service experience 1: To'],
    ['serviceExperiences.2', 'Service experience 3'],
    ['serviceExperiences.1.kind', 'Service experience 2'],
    ['contact.letter.addressLines.3', 'Address'],
    ['unknown', null],
  ])('%s → %s', (key, expected) => {
    expect(fieldLabel(key, labels, items)).toBe(expected);
  });

  it('names every key of a problem it has a label for', () => {
    expect(fieldLabelsFor(problem({ dateOfBirth: ['x'], unknown: ['y'] }), labels, items)).toEqual({
      dateOfBirth: 'Date of birth',
    });
    expect(fieldLabelsFor(null, labels)).toEqual({});
  });
});

describe('setErrorFlag', () => {
  it('adds and removes one error, leaving the others', () => {
    const control = new FormControl('');
    control.setErrors({ required: true });
    setErrorFlag(control, 'order', true);
    expect(control.errors).toEqual({ required: true, order: true });
    setErrorFlag(control, 'order', false);
    expect(control.errors).toEqual({ required: true });
    setErrorFlag(control, 'required', false);
    expect(control.errors).toBeNull();
  });
});
