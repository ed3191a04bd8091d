/** The current hash route, kept in step with the address bar. */
import { parseRoute, type Route } from './routes.ts';

export class HashRoute {
  current = $state.raw<Route>(parseRoute(location.hash));
  readonly #onChange = () => (this.current = parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', this.#onChange);
  }

  dispose(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }
}
