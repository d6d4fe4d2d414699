import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { RATING_SCALE } from '@heard/domain';
import type { Rating } from '@heard/domain';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MY_DATA_DOWNLOAD, MY_DATA_DOWNLOAD_PDF, MySpaceApi, loaded } from './my-space-api';
import { COMMON, MY_DATA } from './my-space-words';

/**
 * Everything Heard holds about them, as a page to read and a file to keep (the same document).
 * What is left out, and why, is said on the page and in docs/young-experts.md.
 */
@Component({
  selector: 'heard-my-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    <h1>{{ words.title }}</h1>
    <p>{{ words.intro }}</p>
    <div class="actions">
      <a class="big primary" [href]="download" download="my-data-from-heard.json">{{ words.download }}</a>
      <a class="big" [href]="downloadPdf" download="my-data-from-heard.pdf">{{ words.downloadPdf }}</a>
    </div>
    <p>{{ words.downloadHint }}</p>
    @switch (data().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ common.failed }}</p>
      }
      @case ('ready') {
        @if (value(); as d) {
          <p class="note">{{ words.notInHere }}</p>
          <h2>{{ words.record }}</h2>
          <dl>
            <dt>{{ words.name }}</dt>
            <dd>{{ d.record.preferredName }}</dd>
            <dt>{{ words.birthday }}</dt>
            <dd>{{ d.record.dateOfBirth | myDate }}</dd>
            @if (d.record.accessibilityNeeds || d.record.communicationNeeds) {
              <dt>{{ words.needs }}</dt>
              <dd>{{ d.record.accessibilityNeeds }} {{ d.record.communicationNeeds }}</dd>
            }
          </dl>
          <h2>{{ words.groups }}</h2>
          <ul>
            @for (g of d.groups; track $index) {
              <li>{{ g.group }}: {{ words.joined }} {{ g.joinedOn | myDate }}</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.sessions }}</h2>
          <ul>
            @for (s of d.sessionsAttended; track $index) {
              <li>{{ s.group }}: {{ s.startsAt | myDate }}</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.invitations }}</h2>
          <ul>
            @for (i of d.invitations; track i.id) {
              <li>{{ i.title }}: {{ i.dateWords }}. {{ i.statusWords }}</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.consents }}</h2>
          <ul>
            @for (c of d.consents; track $index) {
              <li>{{ c.wording }} ({{ c.givenOn | myDate }})</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.said }}</h2>
          @for (e of d.evaluations; track e.id) {
            <h3>{{ e.toolName }}: {{ e.answeredOn | myDate }}</h3>
            <dl>
              @for (a of e.answers; track a.questionKey) {
                <dt>{{ a.prompt }}</dt>
                <dd>{{ a.rating ? ratingWords(a.rating) : a.text }}</dd>
              }
            </dl>
          } @empty {
            <p>{{ words.nothing }}</p>
          }
          <h2>{{ words.ratings }}</h2>
          <ul class="ratings">
            @for (r of d.responseRatings; track $index) {
              <li>
                {{ words.youSaid }} {{ r.youSaid }}
                <span class="glyph" aria-hidden="true">{{ r.face.face }}</span> {{ r.face.words }}.
                @if (r.comment) {
                  {{ words.yourWords }} {{ r.comment }}
                }
                ({{ r.ratedAt | myDate }})
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.pledgeVerdicts }}</h2>
          <ul class="verdicts">
            @for (v of d.pledgeVerdicts; track $index) {
              <li>
                “{{ v.pledge }}” {{ v.verdict }}.
                @if (v.words) {
                  {{ words.yourWords }} {{ v.words }}
                }
                ({{ v.at | myDate }})
                @if (v.replacedAt) {
                  {{ words.replaced }}
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.planComments }}</h2>
          <ul class="plan-comments">
            @for (c of d.planComments; track $index) {
              <li>
                {{ words.planPart }} {{ c.section }} ({{ c.plan }}). {{ words.yourWords }} {{ c.words }} ({{
                  c.at | myDate
                }})
                @if (c.reply) {
                  {{ words.whatWeChanged }} {{ c.reply }}
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.planPictures }}</h2>
          <ul class="plan-pictures">
            @for (p of d.planPictures; track $index) {
              <li>
                {{ words.pictureAdded }} {{ p.addedAt | myDate }}.
                @if (p.noLongerShownSince) {
                  {{ words.pictureNoLongerShown }} {{ p.noLongerShownSince | myDate }}.
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.reviewMeetings }}</h2>
          <ul class="review-meetings">
            @for (r of d.reviewMeetings; track $index) {
              <li>
                {{ words.reviewOn }} {{ r.heldOn | myDate }}. {{ words.howYouTookPart }}
                {{ r.howYouTookPart }}.
                {{ r.youChaired ? words.youChaired : words.youDidNotChair }}
                @if (r.note) {
                  {{ words.reviewNote }} {{ r.note }}
                }
                @if (r.recordedBy) {
                  {{ words.writtenDownBy }} {{ r.recordedBy }}.
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.heldChanges }}</h2>
          <ul class="held-changes">
            @for (h of d.heldChanges; track $index) {
              <li>
                {{ h.what }} ({{ h.madeAt | myDate }}). {{ h.why }}
                @if (h.decision) {
                  {{ h.decision }}
                  @if (h.decidedAt) {
                    ({{ h.decidedAt | myDate }})
                  }
                } @else {
                  {{ words.notDecidedYet }}
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.oneToOnes }}</h2>
          <ul>
            @for (o of d.oneToOnes; track $index) {
              <li>{{ o.about }}</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.deletions }}</h2>
          <ul>
            @for (r of d.deletionRequests; track $index) {
              <li>
                {{ r.what }} ({{ r.at | myDate }}).
                @if (r.outcome) {
                  {{ words.ourAnswer }} {{ r.outcome }}
                } @else {
                  {{ words.noAnswerYet }}
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.worries }}</h2>
          <ul>
            @for (w of d.worries; track $index) {
              <li>{{ words.worryOn }} {{ w.toldUsOn | myDate }}.</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.toldYouBack }}</h2>
          <ul>
            @for (l of d.toldYouBack; track $index) {
              <li>{{ l.message }} {{ l.how }} ({{ l.at | myDate }})</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.emails }}</h2>
          <p>{{ words.emailsNote }}</p>
          <ul class="emails">
            @for (m of d.emails; track $index) {
              <li>
                {{ m.subject }}. {{ words.emailTo }} {{ m.to }}.
                @if (m.sentAt) {
                  ({{ m.sentAt | myDate }})
                } @else {
                  {{ words.notSentYet }}
                }
              </li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
          <h2>{{ words.whoLooked }}</h2>
          <ul>
            @for (l of d.whoLooked; track $index) {
              <li>{{ l.role }}: {{ l.what }} ({{ l.at | myDate }})</li>
            } @empty {
              <li>{{ words.nothing }}</li>
            }
          </ul>
        }
      }
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class MyDataPage {
  protected readonly words = MY_DATA;
  protected readonly common = COMMON;
  protected readonly download = MY_DATA_DOWNLOAD;
  protected readonly downloadPdf = MY_DATA_DOWNLOAD_PDF;
  protected readonly data = loaded(inject(MySpaceApi).data());
  protected readonly value = computed(() => {
    const d = this.data();
    return d.state === 'ready' ? d.value : null;
  });
  protected ratingWords = (rating: Rating) => RATING_SCALE[rating - 1].words;
}
