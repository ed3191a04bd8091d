/** The page's entry: mounts the app (which picks its scenario from the address: a share link, or the starter). */
import { mount } from 'svelte';
import App from './App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

export default mount(App, { target });
