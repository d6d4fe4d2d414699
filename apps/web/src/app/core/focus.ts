import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/**
 * Where keyboard and screen reader users are put after something on a page changes: on the
 * thing that just appeared, the first field to fix, or the message that says what went wrong.
 * Everything is looked up inside the page's own element.
 */
export interface PageFocus {
  /**
   * After the next render, focuses what `selector` finds. A heading, paragraph or status that
   * cannot take focus is given `tabindex="-1"` first, so it can be focused but not tabbed to.
   */
  later(selector: string): void;
  /** Focuses the first field with an error, within `within` (a selector) when given. */
  firstInvalid(within?: string): void;
  /** The same after the next render, once the server's field messages are drawn. */
  firstInvalidLater(within?: string): void;
  /** After the next render, focuses the problem alert within `within`, or else the page's first. */
  problemLater(within?: string): void;
}

/** Call in an injection context (a field or constructor) of the page or tab component. */
export function pageFocus(): PageFocus {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const injector = inject(Injector);
  const scope = (within?: string) => (within ? host.querySelector<HTMLElement>(within) : null) ?? host;
  const later = (find: () => HTMLElement | null) =>
    afterNextRender(() => focusable(find())?.focus(), { injector });
  return {
    later: (selector) => later(() => host.querySelector<HTMLElement>(selector)),
    firstInvalid: (within) => focusFirstInvalid(scope(within)),
    firstInvalidLater: (within) => afterNextRender(() => focusFirstInvalid(scope(within)), { injector }),
    problemLater: (within) =>
      later(
        () =>
          scope(within).querySelector<HTMLElement>(PROBLEM_ALERT) ??
          host.querySelector<HTMLElement>(PROBLEM_ALERT),
      ),
  };
}

const PROBLEM_ALERT = 'heard-problem-alert [role="alert"]';
const INVALID_FIELD =
  'input.ng-invalid, mat-select.ng-invalid, textarea.ng-invalid, mat-radio-group.ng-invalid';

/**
 * Moves focus to the first field with an error, so people using a keyboard land on it. A radio
 * group is not focusable itself: its chosen button is, or else its first, as Tab would do.
 */
function focusFirstInvalid(root: HTMLElement): void {
  const field = root.querySelector<HTMLElement>(INVALID_FIELD);
  if (field?.matches('mat-radio-group'))
    (
      field.querySelector<HTMLElement>('input[type="radio"]:checked') ??
      field.querySelector<HTMLElement>('input[type="radio"]')
    )?.focus();
  else field?.focus();
}

function focusable(target: HTMLElement | null): HTMLElement | null {
  if (target && target.tabIndex < 0 && !target.matches('input, textarea, select, button, a[href]'))
    target.setAttribute('tabindex', '-1');
  return target;
}
