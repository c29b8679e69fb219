import { useEffect, useState } from 'react';

/** The lab id in the URL hash (`#/<lab-id>` or `#/<lab-id>?scene=…`), or '' for the lab list. */
export function routeLabId(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** The current lab id, re-rendering when the hash changes. */
export function useHashRoute(): string {
  const [route, setRoute] = useState(routeLabId);
  useEffect(() => {
    const onChange = () => setRoute(routeLabId());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
