/** Imported first by the entry (src/main.ts): the locale is fixed before any module reads a message. */
import { startLocale } from './locale.ts';
import { loadErrorWords } from './validation-words.ts';

startLocale();
// outside English, the wording of refused documents and changes is on its way before the first can be shown
void loadErrorWords();
