import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const PRODUCT_NAME = 'Heard';

/** Route titles read "Sign in – Heard"; a route without one is just "Heard". */
@Injectable({ providedIn: 'root' })
export class HeardTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const title = this.buildTitle(snapshot);
    this.title.setTitle(title ? `${title} – ${PRODUCT_NAME}` : PRODUCT_NAME);
  }
}
