/** Imported first by the entry (src/main.ts): the locale is fixed before any module reads a message. */
import { startLocale } from './locale.ts';

startLocale();
