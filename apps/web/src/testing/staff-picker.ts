import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import type { StaffMember } from '@heard/domain';

/**
 * In a component test: types into the staff picker whose input has `inputId`, answers its search
 * with `member`, and chooses them.
 */
export async function pickStaff(
  fixture: ComponentFixture<unknown>,
  http: HttpTestingController,
  inputId: string,
  typed: string,
  member: StaffMember,
): Promise<void> {
  const picker = await TestbedHarnessEnvironment.loader(fixture).getHarness(
    MatAutocompleteHarness.with({ selector: `#${inputId}` }),
  );
  await picker.enterText(typed);
  await new Promise((resolve) => setTimeout(resolve, 300));
  http
    .expectOne((req) => req.url === '/api/staff' && req.params.get('q') === typed)
    .flush({ items: [member] });
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  await picker.selectOption({ text: new RegExp(member.displayName) });
  await fixture.whenStable();
}
