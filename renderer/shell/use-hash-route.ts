import { useEffect, useState } from 'react';

/** The lab id in the URL hash (`#/<lab-id>`), or '' for the lab list. */
export function useHashRoute(): string {
  const read = () => window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
