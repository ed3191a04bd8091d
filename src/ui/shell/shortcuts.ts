/**
 * Keyboard shortcuts of the lab. They are ignored while typing (text fields, the JSON editor) and when a
 * modifier other than Shift is held, so the browser's and the screen reader's own keys keep working. Space
 * plays and pauses where it has no meaning of its own; K does so from anywhere but a text field (a focused
 * button, radio, select or slider included). PageDown / PageUp are a presenter's clicker: next / previous step.
 */
import { m } from '../../i18n/paraglide/messages.js';
export type Command = 'toggle' | 'step' | 'forward' | 'back' | 'faster' | 'slower' | 'help' | 'present' | 'exit' | 'next-step' | 'previous-step';

/** Each shortcut: its keys as the code names them, and as the page shows them when the page's language names them otherwise. */
export const SHORTCUTS: readonly { keys: string; shown?: () => string; command: Command; description: () => string }[] = [
  { keys: 'Space', shown: m.key_space, command: 'toggle', description: m.shortcut_toggle },
  { keys: 'K', command: 'toggle', description: m.shortcut_toggle_anywhere },
  { keys: '→', command: 'step', description: m.shortcut_step },
  { keys: 'Shift + →', shown: m.key_shift_right, command: 'forward', description: m.shortcut_forward },
  { keys: '←', command: 'back', description: m.shortcut_back },
  { keys: '+', command: 'faster', description: m.shortcut_faster },
  { keys: '−', command: 'slower', description: m.shortcut_slower },
  { keys: 'P', command: 'present', description: m.shortcut_present },
  { keys: 'Page Down / Page Up', shown: m.key_page_down_up, command: 'next-step', description: m.shortcut_next_step },
  { keys: '?', command: 'help', description: m.shortcut_help },
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
