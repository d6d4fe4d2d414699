import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['/young-people/3f2b', '/young-people/3f2b'],
    [undefined, '/home'],
    ['', '/home'],
    ['https://elsewhere.example/', '/home'],
    ['//elsewhere.example/', '/home'],
    ['/\\elsewhere.example', '/home'],
    ['javascript:alert(1)', '/home'],
    ['/sign-in?returnUrl=/home', '/home'],
    ['/welcome/abc', '/home'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
