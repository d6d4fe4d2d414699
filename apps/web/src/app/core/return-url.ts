/**
 * Where to go after signing in. Only paths inside this app are followed, so a crafted
 * link such as `/sign-in?returnUrl=https://elsewhere.example` cannot send people away.
 */
export function safeReturnUrl(value: string | null | undefined, fallback = '/home'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/^\/(sign-in|welcome)(\/|\?|#|$)/.test(value)) return fallback;
  return value;
}
