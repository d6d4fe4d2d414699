import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PageHeader } from '@heard/ui';

@Component({
  selector: 'heard-error-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, PageHeader],
  host: { class: 'heard-page' },
  template: `
    <heard-page-header heading="Sorry, something went wrong" />
    <p>Nothing you did caused this. Please try again in a few minutes.</p>
    <p>If it keeps happening, tell your Heard administrator what you were doing and when.</p>
    <p><a mat-flat-button routerLink="/home">Go to home</a></p>
  `,
})
export default class ErrorPage {}
