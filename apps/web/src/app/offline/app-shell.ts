/** The part of the service worker's manifest (ngsw.json) this check reads. */
interface ServiceWorkerManifest {
  assetGroups?: { name: string; urls: string[] }[];
}

/** The asset group ngsw-config.json prefetches: the app shell and every page's code. */
const APP_GROUP = 'app';

/**
 * Whether Heard itself is kept on this device, so it opens with no signal: the service worker is
 * active and its cache holds every file of the app group. "Registered" is not enough: the worker
 * fetches the files after it starts, and a phone taken out of signal half-way could not open.
 */
export async function appShellKept(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker || typeof caches === 'undefined')
    return false;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration?.active) return false;
    // ngsw-bypass: the worker's own copy would always agree with itself.
    const manifest = (await (
      await fetch('/ngsw.json?ngsw-bypass=true', { cache: 'no-store' })
    ).json()) as ServiceWorkerManifest;
    const urls = manifest.assetGroups?.find((g) => g.name === APP_GROUP)?.urls ?? [];
    if (urls.length === 0) return false;
    for (const name of await caches.keys()) {
      if (!name.endsWith(`:${APP_GROUP}:cache`)) continue;
      const cache = await caches.open(name);
      const found = await Promise.all(urls.map((url) => cache.match(url)));
      if (found.every((response) => response !== undefined)) return true;
    }
    return false;
  } catch {
    // No signal to read the manifest: a page the worker controls opened from the device's copy.
    return navigator.serviceWorker.controller !== null;
  }
}
