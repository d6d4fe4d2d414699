import { PhotoPlan, photoPlanWords } from './photo-plan';

describe('photoPlanWords', () => {
  it.each([
    [null, null],
    [PhotoPlan.None, 'We will not take photos or film.'],
    [
      PhotoPlan.Photos,
      'We will take photos. You do not have to be in them. Just tell us, and you can still come.',
    ],
    [
      PhotoPlan.PhotosAndFilm,
      'We will take photos and film. You do not have to be in them. Just tell us, and you can still come.',
    ],
  ])('%s → %s', (plan, words) => {
    expect(photoPlanWords(plan)).toBe(words);
  });

  it.each([
    [PhotoPlan.None, 'We will not take photos or film.'],
    [PhotoPlan.Photos, 'We will take photos. Sam does not have to be in them, and can still come.'],
    [
      PhotoPlan.PhotosAndFilm,
      'We will take photos and film. Sam does not have to be in them, and can still come.',
    ],
  ])('for a parent or carer, %s → %s', (plan, words) => {
    expect(photoPlanWords(plan, 'Sam')).toBe(words);
  });
});
