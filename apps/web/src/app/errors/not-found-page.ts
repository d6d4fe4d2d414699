import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PageHeader } from '@heard/ui';

@Component({
  selector: 'heard-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, PageHeader],
  host: { class: 'heard-page' },
  template: `
    <heard-page-header heading="Page not found" />
    <p>If you typed the web address, check it is correct.</p>
    <p>If you pasted the web address, check you copied all of it.</p>
    <p><a mat-flat-button routerLink="/home">Go to home</a></p>
  `,
})
export default class NotFoundPage {}
