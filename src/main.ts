/** The page's entry: mounts the app (which picks its scenario from the address: a share link, or the starter). */
import './i18n/start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import { warmIntl } from './ui/shell/warm-intl.ts';
import './ui/theme.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

// ICU's locale data loaded by a worker while the page starts (the first Intl formatter was a long task).
warmIntl();

// Mounted in a task of its own: running the entry's modules and drawing the first screen are two short tasks,
// not one long one (a task over 50 ms is a page that does not answer).
setTimeout(() => mount(App, { target }));
