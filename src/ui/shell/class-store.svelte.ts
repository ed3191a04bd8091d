/**
 * The class a learner joined through a teacher's link (src/content/class-settings.ts), kept in localStorage so
 * that it holds when they come back; leaving the class forgets it. Damaged data is treated as no class.
 */
import type { ClassSettings } from '../../content/class-settings.ts';

export const CLASS_KEY = 'balancer-lab.class';

function isSettings(v: unknown): v is ClassSettings {
  const s = v as ClassSettings | null;
  return (
    typeof s === 'object' && s !== null && typeof s.title === 'string' && Array.isArray(s.lessons) && s.lessons.every((l) => typeof l === 'string') &&
    Array.isArray(s.hide) && s.hide.every((h) => typeof h === 'string') && (s.seed === null || Number.isInteger(s.seed))
  );
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class ClassStore {
  settings = $state.raw<ClassSettings | null>(null);

  constructor() {
    try {
      const raw = storage()?.getItem(CLASS_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      this.settings = isSettings(parsed) ? parsed : null;
    } catch {
      this.settings = null;
    }
  }

  join(settings: ClassSettings): void {
    this.settings = settings;
    try {
      storage()?.setItem(CLASS_KEY, JSON.stringify(settings));
    } catch {
      // storage blocked: the class holds for this visit only
    }
  }

  leave(): void {
    this.settings = null;
    try {
      storage()?.removeItem(CLASS_KEY);
    } catch {
      // nothing saved
    }
  }
}

let shared: ClassStore | null = null;

/** The page's one class store. */
export function classStore(): ClassStore {
  shared ??= new ClassStore();
  return shared;
}
