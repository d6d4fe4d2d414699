import type { AbstractControl } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';

/**
 * The control a server error key belongs to. Keys are dotted paths into the request
 * ("contact.email", "serviceExperiences.0.to"). When the form has no control at the exact path
 * (for example "contact.letter.addressLines.2", where the form has one text box for all the
 * lines), the nearest control above it is used. `aliases` renames request paths that the form
 * keeps elsewhere, e.g. `{ 'pattern': 'meetingPattern' }`; the longest matching prefix wins.
 */
export function controlForKey(
  form: AbstractControl,
  key: string,
  aliases: Readonly<Record<string, string>> = {},
): AbstractControl | null {
  const path = aliasPath(key, aliases);
  const segments = path.split('.').filter(Boolean);
  for (let length = segments.length; length > 0; length--) {
    const control = form.get(segments.slice(0, length).map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    if (control) return control;
  }
  return null;
}

function aliasPath(key: string, aliases: Readonly<Record<string, string>>): string {
  const match = Object.keys(aliases)
    .filter((from) => key === from || key.startsWith(`${from}.`))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? key : aliases[match] + key.slice(match.length);
}

/**
 * Puts each of the server's field messages on the matching control (error key `server`), so it
 * shows next to its field; typing in the field clears it. Returns the keys that matched no
 * control (the problem alert still lists every message).
 */
export function applyNestedServerErrors(
  form: AbstractControl,
  problem: ProblemDetails,
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  const unmatched: string[] = [];
  const messagesByControl = new Map<AbstractControl, string[]>();
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    if (messages.length === 0) continue;
    const control = key === '_' ? null : controlForKey(form, key, aliases);
    if (!control) {
      unmatched.push(key);
      continue;
    }
    messagesByControl.set(control, [...(messagesByControl.get(control) ?? []), ...messages]);
  }
  for (const [control, messages] of messagesByControl) {
    control.setErrors({ ...(control.errors ?? {}), server: [...new Set(messages)].join(' ') });
    control.markAsTouched();
  }
  return unmatched;
}

/**
 * Readable names for every error key in a problem, for the problem alert's list, e.g.
 * "serviceExperiences.0.to" → "Service experience 1: To". `labels` names the plain fields and
 * `itemLabels` names a list's items (`{ serviceExperiences: 'Service experience' }`).
 */
export function fieldLabelsFor(
  problem: ProblemDetails | null,
  labels: Readonly<Record<string, string>>,
  itemLabels: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of Object.keys(problem?.errors ?? {})) {
    const label = fieldLabel(key, labels, itemLabels);
    if (label) result[key] = label;
  }
  return result;
}

export function fieldLabel(
  key: string,
  labels: Readonly<Record<string, string>>,
  itemLabels: Readonly<Record<string, string>> = {},
): string | null {
  if (labels[key]) return labels[key];
  const item = /^([A-Za-z]+)\.(\d+)(?:\.(.+))?$/.exec(key);
  if (item && itemLabels[item[1]]) {
    const name = `${itemLabels[item[1]]} ${Number(item[2]) + 1}`;
    if (!item[3]) return name;
    const inner = labels[`${item[1]}.*.${item[3]}`] ?? labels[item[3]];
    return inner ? `${name}: ${inner}` : name;
  }
  // Fall back to the nearest named parent ("contact.letter.addressLines.1" → "Address").
  const dot = key.lastIndexOf('.');
  return dot > 0 ? fieldLabel(key.slice(0, dot), labels, itemLabels) : null;
}

/**
 * Adds or removes one error on a control without touching its others. Cross-field validators use
 * it to put their error on the field it is about (e.g. `order` on an end date).
 */
export function setErrorFlag(control: AbstractControl, key: string, on: boolean): void {
  const others = Object.fromEntries(Object.entries(control.errors ?? {}).filter(([name]) => name !== key));
  if (on) control.setErrors({ ...others, [key]: true });
  else if (control.hasError(key)) control.setErrors(Object.keys(others).length ? others : null);
}
