import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { iconPath } from './icon-paths';

/**
 * A decorative inline SVG icon. It is hidden from assistive technology: always put text
 * (visible or visually hidden) next to it. Size follows `--heard-icon-size` (default 24px).
 */
@Component({
  selector: 'heard-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'heard-icon', 'aria-hidden': 'true' },
  template: `<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true">
    <path fill-rule="evenodd" [attr.d]="path()" />
  </svg>`,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      width: var(--heard-icon-size, 24px);
      height: var(--heard-icon-size, 24px);
    }
    svg {
      width: 100%;
      height: 100%;
      fill: currentColor;
    }
  `,
})
export class HeardIcon {
  /** A key of ICON_PATHS, e.g. "home" or a NavigationItem's icon. */
  readonly name = input.required<string>();
  protected readonly path = computed(() => iconPath(this.name()));
}
