/** The page's entry: mounts the app (which picks its scenario from the address: a share link, or the starter). */
import './i18n/start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

// No worker warms ICU's locale data ahead of the page any more: since the simulation worker waits for the
// first paint (src/ui/shell/startup.ts), one thread fewer at start gave fewer tasks over 50 ms and an earlier run
// (perf:ui, 18 first visits each way on a shared 2-core machine), and no start-up task took over 25 ms of CPU.

// Mounted in a task of its own: running the entry's modules and drawing the first screen are two short tasks,
// not one long one (a task over 50 ms is a page that does not answer).
setTimeout(() => mount(App, { target }));
