/** What a keyboard command does on the current page: playback, present mode, a presenter's step keys, help. */
import { faster, slower } from '../../sim/speed.ts';
import type { Playback } from './playback.svelte.ts';
import type { Route } from './routes.ts';
import type { Command } from './shortcuts.ts';

export interface CommandContext {
  route: Route;
  /** The playback the page on screen drives (compare mode has its own). */
  playback: Playback;
  present: boolean;
  setPresent: (on: boolean) => void;
  showHelp: () => void;
}

/** Runs `command`; false when it means nothing here (the key is then left to the browser). */
export function runCommand(command: Command, ctx: CommandContext): boolean {
  const { route, playback } = ctx;
  const lab = route.page === 'sandbox' || route.page === 'compare' || route.page === 'lesson';
  switch (command) {
    case 'help':
      ctx.showHelp();
      return true;
    case 'present':
      ctx.setPresent(!ctx.present);
      return true;
    case 'exit':
      if (!ctx.present) return false;
      ctx.setPresent(false);
      return true;
    case 'next-step':
    case 'previous-step':
      if (route.page !== 'lesson') return false;
      // the lesson page follows its address (and clamps the step to the lesson's length)
      location.hash = `#/lessons/${route.slug}/${Math.max(1, route.step + (command === 'next-step' ? 1 : -1))}`;
      return true;
  }
  if (!lab) return false;
  if (command === 'toggle') playback.send({ type: 'playback.toggle' });
  else if (command === 'step') playback.send({ type: 'playback.step' });
  else if (command === 'forward') playback.send({ type: 'playback.forward', ms: 1000 });
  else if (command === 'back') playback.send({ type: 'playback.seek', timeMs: Math.max(0, playback.timeMs - 1000) });
  else if (command === 'faster') playback.send({ type: 'playback.speed', speed: faster(playback.speed) });
  else if (command === 'slower') playback.send({ type: 'playback.speed', speed: slower(playback.speed) });
  return true;
}
