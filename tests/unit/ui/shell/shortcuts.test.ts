import { describe, expect, it } from 'vitest';
import { commandFor } from '../../../../src/ui/shell/shortcuts.ts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });
const body = { tagName: 'BODY' } as unknown as EventTarget;

describe('keyboard shortcuts', () => {
  it('map Space, arrows, + and − and ? to commands', () => {
    expect(commandFor(key(' '), body)).toBe('toggle');
    expect(commandFor(key('ArrowRight'), body)).toBe('step');
    expect(commandFor(key('ArrowRight', { shiftKey: true }), body)).toBe('forward');
    expect(commandFor(key('ArrowLeft'), body)).toBe('back');
    expect(commandFor(key('+'), body)).toBe('faster');
    expect(commandFor(key('-'), body)).toBe('slower');
    expect(commandFor(key('?', { shiftKey: true }), body)).toBe('help');
    expect(commandFor(key('x'), body)).toBeNull();
  });

  it('stay out of the way of typing, sliders, buttons and the browser’s own keys', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(commandFor(key(' '), { tagName } as unknown as EventTarget)).toBeNull();
    expect(commandFor(key(' '), { tagName: 'BUTTON' } as unknown as EventTarget)).toBeNull();
    expect(commandFor(key('ArrowRight'), { tagName: 'BUTTON' } as unknown as EventTarget)).toBe('step');
    expect(commandFor(key('ArrowLeft', { altKey: true }), body)).toBeNull();
    expect(commandFor(key('+', { ctrlKey: true }), body)).toBeNull();
  });

  it('play from anywhere with K, but never while typing', () => {
    for (const tagName of ['BUTTON', 'SELECT', 'BODY']) expect(commandFor(key('k'), { tagName } as unknown as EventTarget)).toBe('toggle');
    expect(commandFor(key('k'), { tagName: 'INPUT', type: 'radio' } as unknown as EventTarget)).toBe('toggle');
    expect(commandFor(key('k'), { tagName: 'INPUT', type: 'range' } as unknown as EventTarget)).toBe('toggle');
    expect(commandFor(key('k'), { tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBeNull();
    expect(commandFor(key('k'), { tagName: 'TEXTAREA' } as unknown as EventTarget)).toBeNull();
  });

  it('give a presenter Page Down / Page Up, P for present mode and Escape to leave it', () => {
    expect(commandFor(key('PageDown'), body)).toBe('next-step');
    expect(commandFor(key('PageUp'), body)).toBe('previous-step');
    expect(commandFor(key('p'), body)).toBe('present');
    expect(commandFor(key('Escape'), body)).toBe('exit');
  });
});
