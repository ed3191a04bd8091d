/** Where specs save screenshots for a human to look at (gitignored). */
import { fileURLToPath } from 'node:url';

export function artifactPath(name: string): string {
  return fileURLToPath(new URL(`../artifacts/${name}`, import.meta.url));
}
