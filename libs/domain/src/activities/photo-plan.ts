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
 * What the young person's answer page and email say. Photo consent is a choice that never stops
 * anyone coming, so the words say so whenever a camera will be there.
 */
export function photoPlanWords(plan: PhotoPlan | null): string | null {
  switch (plan) {
    case null:
      return null;
    case PhotoPlan.None:
      return 'We will not take photos or film.';
    case PhotoPlan.Photos:
      return 'We will take photos. You do not have to be in them. Just tell us, and you can still come.';
    case PhotoPlan.PhotosAndFilm:
      return 'We will take photos and film. You do not have to be in them. Just tell us, and you can still come.';
  }
}
