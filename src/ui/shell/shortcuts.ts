/**
 * Keyboard shortcuts of the lab. They are ignored while typing (text fields, the JSON editor) and when a
 * modifier other than Shift is held, so the browser's and the screen reader's own keys keep working.
 */
export type Command = 'toggle' | 'step' | 'forward' | 'back' | 'faster' | 'slower' | 'help';

export const SHORTCUTS: readonly { keys: string; command: Command; description: string }[] = [
  { keys: 'Space', command: 'toggle', description: 'Play or pause' },
  { keys: '→', command: 'step', description: 'Step to the next event' },
  { keys: 'Shift + →', command: 'forward', description: 'Forward one simulated second' },
  { keys: '←', command: 'back', description: 'Back one simulated second (rewind)' },
  { keys: '+', command: 'faster', description: 'Faster' },
  { keys: '−', command: 'slower', description: 'Slower' },
  { keys: '?', command: 'help', description: 'Show this list of shortcuts' },
];

/** Elements whose own keys must win: typing, choosing, and sliders (their arrows move them). */
const OWN_KEYS = /^(INPUT|TEXTAREA|SELECT)$/;

/** The command for a key press, or null when the key is not ours here. */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>, target: EventTarget | null): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (element && (OWN_KEYS.test(element.tagName ?? '') || element.isContentEditable)) return null;
  // On a focused button, Space presses that button; it is not play/pause.
  if (event.key === ' ' && element?.tagName === 'BUTTON') return null;
  switch (event.key) {
    case ' ':
      return 'toggle';
    case 'ArrowRight':
      return event.shiftKey ? 'forward' : 'step';
    case 'ArrowLeft':
      return 'back';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case '?':
      return 'help';
    default:
      return null;
  }
}
