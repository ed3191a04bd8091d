/**
 * Dev-only page (lab-preview.html, not part of the build): runs a scenario in the real worker through the
 * src/sim client and mounts LabView on it, so the lab's views can be looked at and screenshotted without
 * the shell. Query: ?scenario=<name>&speed=<n>&reduced=1&play=0&at=<sec>.
 */
import { mount } from 'svelte';
import PreviewApp from './PreviewApp.svelte';
import '../ui/theme.css';

const target = document.getElementById('app');
if (target === null) throw new Error('lab-preview.html has no #app element');
const query = new URLSearchParams(location.search);

export default mount(PreviewApp, {
  target,
  props: {
    scenarioName: query.get('scenario') ?? 'three-servers',
    initialSpeed: Number(query.get('speed') ?? '1') || 1,
    reducedMotionOverride: query.has('reduced') ? query.get('reduced') === '1' : null,
    autoplay: query.get('play') !== '0',
    startAtSec: Number(query.get('at') ?? '0') || 0,
  },
});
