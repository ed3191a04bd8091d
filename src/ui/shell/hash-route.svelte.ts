/** The current hash route, kept in step with the address bar; `embedded` for an embed view (`#/embed/…`). */
import { isEmbedded, parseRoute, type Route } from './routes.ts';

export class HashRoute {
  current = $state.raw<Route>(parseRoute(location.hash));
  embedded = $state(isEmbedded(location.hash));
  readonly #onChange = () => {
    this.current = parseRoute(location.hash);
    this.embedded = isEmbedded(location.hash);
  };

  constructor() {
    window.addEventListener('hashchange', this.#onChange);
  }

  dispose(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }
}
