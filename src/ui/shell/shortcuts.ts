/**
 * Keyboard shortcuts of the lab. They are ignored while typing (text fields, the JSON editor) and when a
 * modifier other than Shift is held, so the browser's and the screen reader's own keys keep working. Space
 * plays and pauses where it has no meaning of its own; K does so from anywhere but a text field (a focused
 * button, radio, select or slider included). PageDown / PageUp are a presenter's clicker: next / previous step.
 */
export type Command = 'toggle' | 'step' | 'forward' | 'back' | 'faster' | 'slower' | 'help' | 'present' | 'exit' | 'next-step' | 'previous-step';

export const SHORTCUTS: readonly { keys: string; command: Command; description: string }[] = [
  { keys: 'Space', command: 'toggle', description: 'Play or pause' },
  { keys: 'K', command: 'toggle', description: 'Play or pause, wherever the focus is (but in a text field)' },
  { keys: '→', command: 'step', description: 'Step to the next event' },
  { keys: 'Shift + →', command: 'forward', description: 'Forward one simulated second' },
  { keys: '←', command: 'back', description: 'Back one simulated second (rewind)' },
  { keys: '+', command: 'faster', description: 'Faster' },
  { keys: '−', command: 'slower', description: 'Slower' },
  { keys: 'P', command: 'present', description: 'Present mode on or off (big type, controls hidden)' },
  { keys: 'Page Down / Page Up', command: 'next-step', description: 'In a lesson: next or previous step (a presenter’s clicker)' },
  { keys: '?', command: 'help', description: 'Show this list of shortcuts' },
];

/** Elements whose own keys must win: typing, choosing, and sliders (their arrows move them). */
const OWN_KEYS = /^(INPUT|TEXTAREA|SELECT)$/;
/** Input types that take text: no letter is ever a shortcut there. */
const TEXT_INPUTS = /^(text|number|search|email|url|tel|password)$/;

interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Whether the element takes typed text (a letter typed there is text, not a command). */
function takesText(element: KeyTarget | null): boolean {
  if (element === null) return false;
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && TEXT_INPUTS.test(element.type ?? 'text');
}

/** The command for a key press, or null when the key is not ours here. */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>, target: EventTarget | null): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const element = target as KeyTarget | null;
  if (takesText(element)) return null;
  if (event.key === 'k' || event.key === 'K') return 'toggle';
  if (element && OWN_KEYS.test(element.tagName ?? '')) return null;
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
    case 'p':
    case 'P':
      return 'present';
    case 'Escape':
      return 'exit';
    case 'PageDown':
      return 'next-step';
    case 'PageUp':
      return 'previous-step';
    default:
      return null;
  }
}
