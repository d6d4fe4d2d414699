/** Whether photos or film will be taken on the day, so a young person knows before they say yes. */
export enum PhotoPlan {
  None = 'none',
  Photos = 'photos',
  PhotosAndFilm = 'photos_and_film',
}

/** For the officer's form. */
export const PHOTO_PLAN_LABELS: Readonly<Record<PhotoPlan, string>> = {
  [PhotoPlan.None]: 'No photos or film',
  [PhotoPlan.Photos]: 'Photos will be taken',
  [PhotoPlan.PhotosAndFilm]: 'Photos and film will be taken',
};

/**
 * What the young person's answer page and email say (or, given their first name, their parent's or
 * carer's copy). Photo consent is a choice that never stops anyone coming, so the words say so
 * whenever a camera will be there.
 */
export function photoPlanWords(plan: PhotoPlan | null, aboutName?: string): string | null {
  if (plan === null) return null;
  if (plan === PhotoPlan.None) return 'We will not take photos or film.';
  const what = plan === PhotoPlan.Photos ? 'photos' : 'photos and film';
  return aboutName
    ? `We will take ${what}. ${aboutName} does not have to be in them, and can still come.`
    : `We will take ${what}. You do not have to be in them. Just tell us, and you can still come.`;
}
