/** The page's entry: mounts the app on the bundled starter scenario. */
import { mount } from 'svelte';
import App from './App.svelte';
import scenarioJson from '../scenarios/three-servers.json';
import './ui/theme.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

export default mount(App, { target, props: { scenarioJson } });
