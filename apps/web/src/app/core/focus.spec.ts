import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { pageFocus } from './focus';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatRadioModule],
  template: `
    <form [formGroup]="form">
      <input formControlName="name" aria-label="Name" />
      <span id="verdict-label">Was it kept?</span>
      <mat-radio-group formControlName="verdict" aria-labelledby="verdict-label">
        <mat-radio-button value="kept">Kept</mat-radio-button>
        <mat-radio-button value="not_kept">Not kept</mat-radio-button>
      </mat-radio-group>
      <textarea formControlName="words" aria-label="Your words"></textarea>
    </form>
  `,
})
class FormHost {
  readonly focus = pageFocus();
  readonly form = new FormGroup({
    name: new FormControl('Ash', { nonNullable: true }),
    verdict: new FormControl<string | null>(null, Validators.required),
    words: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
}

function render() {
  const fixture = TestBed.createComponent(FormHost);
  fixture.detectChanges();
  document.body.appendChild(fixture.nativeElement);
  return fixture;
}

const radio = (host: HTMLElement, value: string) =>
  host.querySelector<HTMLInputElement>(`mat-radio-button[value="${value}"] input[type="radio"]`);

describe('pageFocus().firstInvalid', () => {
  it('puts focus on the first button of a radio group with an error, before a later field', () => {
    const fixture = render();
    fixture.componentInstance.focus.firstInvalid();
    expect(document.activeElement).toBe(radio(fixture.nativeElement, 'kept'));
  });

  it('puts focus on the chosen button when the group has one but is still in error', () => {
    const fixture = render();
    const verdict = fixture.componentInstance.form.controls.verdict;
    verdict.setValue('not_kept');
    verdict.setErrors({ server: 'Choose again.' });
    fixture.detectChanges();
    fixture.componentInstance.focus.firstInvalid();
    expect(document.activeElement).toBe(radio(fixture.nativeElement, 'not_kept'));
  });

  it('goes on to the next field once the radio group is answered', () => {
    const fixture = render();
    fixture.componentInstance.form.controls.verdict.setValue('kept');
    fixture.detectChanges();
    fixture.componentInstance.focus.firstInvalid();
    expect(document.activeElement).toBe(fixture.nativeElement.querySelector('textarea'));
  });
});
