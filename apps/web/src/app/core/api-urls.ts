/** API paths, relative so Angular's XSRF interceptor adds the X-XSRF-TOKEN header to writes. */
export const API = {
  session: '/api/auth/session',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  acceptInvitation: '/api/auth/accept-invitation',
  forgotPassword: '/api/auth/forgot-password',
  resetPassword: '/api/auth/reset-password',
  secondFactor: '/api/auth/second-factor',
  totpEnrolment: '/api/auth/totp/enrolment',
  totpEnrolmentConfirm: '/api/auth/totp/enrolment/confirm',
  accountPassword: '/api/account/password',
  accountEmail: '/api/account/email',
  home: '/api/home',
  users: '/api/users',
  audit: '/api/audit',
} as const;
