import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PLAN_SECTIONS, diffCounts } from '@heard/domain';
import type { DiffSegment, PlanSectionComparison } from '@heard/domain';
import { PLAN_COMPARE } from './plan-compare-words';

/** Which text of each section a comparison shows: staff see both, the public page one at a time. */
export type PlanCompareTexts = 'childFriendly' | 'professional' | 'both';

interface ComparedText {
  /** The text's name, shown as a heading when both texts are shown. */
  label: string;
  segments: readonly DiffSegment[];
  summary: string;
  changed: boolean;
}

interface ComparedSection {
  key: string;
  title: string;
  texts: ComparedText[];
}

const count = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{n}', String(n)));

/** "2 words added, 1 word removed." or "No changes.", read before the marked words. */
export function compareSummary(segments: readonly DiffSegment[]): string {
  const { added, removed } = diffCounts(segments);
  if (added === 0 && removed === 0) return PLAN_COMPARE.noChanges;
  const parts = [
    ...(added > 0 ? [count(added, PLAN_COMPARE.addedOne, PLAN_COMPARE.addedMany)] : []),
    ...(removed > 0 ? [count(removed, PLAN_COMPARE.removedOne, PLAN_COMPARE.removedMany)] : []),
  ];
  return `${parts.join(', ')}.`;
}

/**
 * Two versions of the plan compared, section by section, word by word (docs/plan.md, "Comparing
 * versions"). On a wide screen each text is shown before and after, side by side; on a narrow one
 * (and on paper) as one text with the changes in it. A change is never told by colour alone: added
 * words are in `<ins>` with a plus sign and a line under them, removed words in `<del>` with a minus
 * sign and a line through them, and a screen reader hears where each starts and ends. The words are
 * the plain text the comparison was made on: headings, paragraphs and list items each on their own
 * line, never HTML.
 */
@Component({
  selector: 'heard-plan-compare',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="plan-compare-key">
      <span class="plan-compare-key-mark" aria-hidden="true"><ins>+</ins> <del>−</del></span>
      {{ words.key }}
    </p>
    @for (section of compared(); track section.key) {
      <section class="plan-compare-section">
        <div role="heading" [attr.aria-level]="headingBase()" class="plan-compare-title">
          {{ section.title }}
        </div>
        @for (text of section.texts; track text.label) {
          <div class="plan-compare-text">
            @if (section.texts.length > 1) {
              <div role="heading" [attr.aria-level]="headingBase() + 1" class="plan-compare-which">
                {{ text.label }}
              </div>
            }
            <p class="plan-compare-summary">{{ text.summary }}</p>
            @if (text.segments.length === 0) {
              <p>{{ words.empty }}</p>
            } @else if (!text.changed) {
              <div class="plan-compare-words">
                @for (segment of text.segments; track $index) {
                  <span [textContent]="segment.text"></span>
                }
              </div>
            } @else {
              <div class="plan-compare-sides">
                <div class="plan-compare-side" role="group" [attr.aria-label]="beforeLabel()">
                  <p class="plan-compare-side-label">{{ beforeLabel() }}</p>
                  <div class="plan-compare-words">
                    @for (segment of text.segments; track $index) {
                      @if (segment.kind !== 'added') {
                        <ng-container *ngTemplateOutlet="marked; context: { $implicit: segment }" />
                      }
                    }
                  </div>
                </div>
                <div class="plan-compare-side" role="group" [attr.aria-label]="afterLabel()">
                  <p class="plan-compare-side-label">{{ afterLabel() }}</p>
                  <div class="plan-compare-words">
                    @for (segment of text.segments; track $index) {
                      @if (segment.kind !== 'removed') {
                        <ng-container *ngTemplateOutlet="marked; context: { $implicit: segment }" />
                      }
                    }
                  </div>
                </div>
              </div>
              <div class="plan-compare-one plan-compare-words">
                @for (segment of text.segments; track $index) {
                  <ng-container *ngTemplateOutlet="marked; context: { $implicit: segment }" />
                }
              </div>
            }
          </div>
        }
      </section>
    }
    <!-- Every word is bound as text, never between template spaces: a space is a change's own. -->
    <ng-template #marked let-segment>
      @switch (asSegment(segment).kind) {
        @case ('added') {
          <ins>
            <span class="cdk-visually-hidden" [textContent]="words.addedStart + ' '"></span>
            <span class="plan-compare-mark" aria-hidden="true">+</span>
            <span [textContent]="segment.text"></span>
            <span class="cdk-visually-hidden" [textContent]="' ' + words.addedEnd + ' '"></span>
          </ins>
        }
        @case ('removed') {
          <del>
            <span class="cdk-visually-hidden" [textContent]="words.removedStart + ' '"></span>
            <span class="plan-compare-mark" aria-hidden="true">−</span>
            <span [textContent]="segment.text"></span>
            <span class="cdk-visually-hidden" [textContent]="' ' + words.removedEnd + ' '"></span>
          </del>
        }
        @default {
          <span [textContent]="segment.text"></span>
        }
      }
    </ng-template>
  `,
  imports: [NgTemplateOutlet],
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    .plan-compare-title {
      font-size: 1.375rem;
      font-weight: 600;
      line-height: 1.3;
      margin: 1.5rem 0 0.5rem;
    }
    .plan-compare-which {
      font-size: 1.125rem;
      font-weight: 600;
      margin: 1rem 0 0.25rem;
    }
    .plan-compare-summary {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .plan-compare-words {
      /* The compared text keeps its blank line between paragraphs, headings and list items. */
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .plan-compare-sides {
      display: none;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    .plan-compare-side {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      break-inside: avoid;
    }
    .plan-compare-side-label {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .plan-compare-one {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    /* Side by side only where both fit: a phone gets the one text with its changes. */
    @container (min-width: 44rem) {
      .plan-compare-sides {
        display: grid;
      }
      .plan-compare-one {
        display: none;
      }
    }
    ins,
    del {
      padding: 0 2px;
      border-radius: 2px;
    }
    ins {
      text-decoration: underline;
      text-decoration-thickness: 2px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    del {
      text-decoration: line-through;
      text-decoration-thickness: 2px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .plan-compare-mark {
      font-weight: 700;
      margin-inline-end: 1px;
    }
    .plan-compare-key-mark {
      font-weight: 700;
    }
    @media print {
      /* On paper: one text with its changes, marked by the signs and lines, not by colour. */
      .plan-compare-sides {
        display: none !important;
      }
      .plan-compare-one {
        display: block !important;
        border-color: #000;
      }
      ins,
      del {
        background: none;
        color: #000;
      }
      .plan-compare-summary {
        color: #000;
      }
      .plan-compare-section {
        break-inside: avoid-page;
      }
    }
  `,
})
export class PlanCompareView {
  readonly sections = input.required<readonly PlanSectionComparison[]>();
  readonly texts = input<PlanCompareTexts>('both');
  /** The level of each section's heading on this page; the texts' names sit one below it. */
  readonly headingBase = input(2);
  /** What the older and newer versions are called above each side ("Version 1"). */
  readonly beforeLabel = input<string>(PLAN_COMPARE.before);
  readonly afterLabel = input<string>(PLAN_COMPARE.after);

  protected readonly words = PLAN_COMPARE;

  protected readonly compared = computed((): ComparedSection[] => {
    const which = this.texts();
    return this.sections().map((section) => {
      const rule = PLAN_SECTIONS[section.key];
      const texts: ComparedText[] = [];
      if (which !== 'childFriendly')
        texts.push(this.text(PLAN_COMPARE.forProfessionals, section.professional));
      if (which !== 'professional') texts.push(this.text(PLAN_COMPARE.forYoungPeople, section.childFriendly));
      return {
        key: section.key,
        title: which === 'childFriendly' ? rule.childTitle : rule.title,
        texts,
      };
    });
  });

  protected asSegment(segment: DiffSegment): DiffSegment {
    return segment;
  }

  private text(label: string, segments: readonly DiffSegment[]): ComparedText {
    return {
      label,
      segments,
      summary: compareSummary(segments),
      changed: segments.some((s) => s.kind !== 'same'),
    };
  }
}
