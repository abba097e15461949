/**
 * Where a notification's link goes inside the console's router. The server writes app-relative links
 * (`/patients/<id>`), sometimes with the console's base (`/console/patients/<id>`); links elsewhere (another
 * origin, the patient app) are not followed from here.
 */
export function consoleLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  if (link === '/console') return '/';
  if (link.startsWith('/console/')) return link.slice('/console'.length);
  return link;
}
