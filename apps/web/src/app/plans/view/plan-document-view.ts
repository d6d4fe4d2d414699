import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { PLAN_PICTURE_GONE } from '@heard/domain';
import type { PlanDocument, PlanInline, PlanTextRun } from '@heard/domain';

/** Where a picture's bytes are read: staff pages see every picture, everyone else the published ones. */
export const PLAN_PICTURE_URLS = {
  staff: '/api/plans/pictures/',
  public: '/api/published-plans/pictures/',
  youngExpert: '/api/me/plan/pictures/',
} as const;

/**
 * One section's text as the page shows it: the typed document (docs/plan.md, "Text") drawn with
 * Angular's own elements, never as HTML, so whatever an officer typed ("<script>" included) reads
 * as the characters they typed. Headings inside a section start one level below `headingBase`.
 */
@Component({
  selector: 'heard-plan-document',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (block of document().blocks; track $index) {
      @switch (block.type) {
        @case ('heading') {
          <div role="heading" [attr.aria-level]="block.level + headingShift()" class="plan-heading">
            <ng-container *ngTemplateOutlet="inlines; context: { $implicit: block.children }" />
          </div>
        }
        @case ('paragraph') {
          <p><ng-container *ngTemplateOutlet="inlines; context: { $implicit: block.children }" /></p>
        }
        @case ('picture') {
          @if (gone().has(block.pictureId)) {
            <p class="plan-picture-gone">{{ block.alt }} ({{ goneWords }})</p>
          } @else {
            <figure class="plan-picture">
              <img
                [src]="pictureUrl(block.pictureId)"
                [alt]="block.alt"
                loading="lazy"
                (error)="pictureGone(block.pictureId)"
              />
            </figure>
          }
        }
        @case ('list') {
          @if (block.ordered) {
            <ol>
              @for (item of block.items; track $index) {
                <li><ng-container *ngTemplateOutlet="inlines; context: { $implicit: item }" /></li>
              }
            </ol>
          } @else {
            <ul>
              @for (item of block.items; track $index) {
                <li><ng-container *ngTemplateOutlet="inlines; context: { $implicit: item }" /></li>
              }
            </ul>
          }
        }
      }
    }
    <ng-template #inlines let-children>
      @for (inline of asInlines(children); track $index) {
        @if (inline.type === 'link') {
          <a [href]="inline.href" rel="noopener noreferrer">
            @for (run of inline.children; track $index) {
              <ng-container *ngTemplateOutlet="textRun; context: { $implicit: run }" />
            }
          </a>
        } @else {
          <ng-container *ngTemplateOutlet="textRun; context: { $implicit: inline }" />
        }
      }
    </ng-template>
    <ng-template #textRun let-run>
      @if (isStrong(run) && isEmphasis(run)) {
        <strong
          ><em>{{ run.text }}</em></strong
        >
      } @else if (isStrong(run)) {
        <strong>{{ run.text }}</strong>
      } @else if (isEmphasis(run)) {
        <em>{{ run.text }}</em>
      } @else {
        {{ run.text }}
      }
    </ng-template>
  `,
  imports: [NgTemplateOutlet],
  styles: `
    .plan-heading {
      font-weight: 600;
      margin: 1rem 0 0.5rem;
    }
    .plan-picture {
      margin: 1rem 0;
    }
    .plan-picture img {
      max-width: 100%;
      max-height: 24rem;
      height: auto;
    }
  `,
})
export class PlanDocumentView {
  readonly document = input.required<PlanDocument>();
  /**
   * The level of the heading the section sits under on this page (2 on most pages). A heading of
   * level 2 in the document then reads one level below it.
   */
  readonly headingBase = input(2);
  /** Whose pictures: staff pages read every picture, the public and young experts' pages published ones. */
  readonly pictures = input<keyof typeof PLAN_PICTURE_URLS>('public');

  protected readonly goneWords = PLAN_PICTURE_GONE;
  /** Pictures the API would not give (consent withdrawn, or not published): their alt text shows instead. */
  protected readonly gone = signal<ReadonlySet<string>>(new Set());

  protected pictureUrl(id: string): string {
    return PLAN_PICTURE_URLS[this.pictures()] + encodeURIComponent(id);
  }

  protected pictureGone(id: string): void {
    this.gone.update((ids) => new Set([...ids, id]));
  }

  protected headingShift(): number {
    return this.headingBase() - 1;
  }

  protected asInlines(children: PlanInline[]): PlanInline[] {
    return children;
  }

  protected isStrong(run: PlanTextRun): boolean {
    return run.marks?.includes('strong') ?? false;
  }

  protected isEmphasis(run: PlanTextRun): boolean {
    return run.marks?.includes('emphasis') ?? false;
  }
}
