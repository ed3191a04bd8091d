/**
 * A select that applies on choice, not on every arrow press: Chromium fires `change` for each arrow key on
 * a closed select, which would apply (and log) every algorithm passed on the way. Picked with the pointer,
 * a value applies at once; browsed with the keys, it applies on Enter or when the focus leaves.
 */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export interface ChoiceHandlers {
  onkeydown: (event: KeyboardEvent) => void;
  onchange: (event: Event & { currentTarget: HTMLSelectElement }) => void;
  onblur: () => void;
}

export function applyOnChoice(apply: (value: string) => void): ChoiceHandlers {
  let browsing = false;
  let pending: string | null = null;
  const commit = () => {
    if (pending !== null) apply(pending);
    pending = null;
    browsing = false;
  };
  return {
    onkeydown(event) {
      if (BROWSE_KEYS.has(event.key) || event.key.length === 1) browsing = true;
      else if (event.key === 'Enter') commit();
    },
    onchange(event) {
      const value = event.currentTarget.value;
      if (browsing) pending = value;
      else apply(value);
    },
    onblur: commit,
  };
}
