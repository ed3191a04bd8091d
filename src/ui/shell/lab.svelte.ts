/**
 * The sandbox assembled: the shared worker, the run (SimSession) driven by the playback machine, the
 * editor draft, the narrator, and notices for documents that could not be opened. Anything that fails to
 * open — a share link, a file, the editor's text — is explained, and the current run and the editor text
 * stay as they were; a refused first document falls back to the starter scenario.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { loadErrorWords } from '../../i18n/validation-words.ts';
import type { Loaded } from '../../machines/playback.machine.ts';
import type { Change, Scenario } from '../../scenario/schema.ts';
import type { ValidationError } from '../../scenario/validate.ts';
import { SimSession, type ReplayControl } from '../../sim/sim-session.svelte.ts';
import { formatSeconds } from '../../viz/number-format.ts';
import { SimWorker } from '../../sim/sim-worker.ts';
import { narrationOf } from '../../sim/narration.ts';
import type { Decoded } from '../../sim/share-link.ts';
import { startingSpeed } from '../../sim/speed.ts';
import { catalogEntry, DEFAULT_KEY } from '../sandbox/catalog.ts';
import { EditorDraft } from '../sandbox/editor-draft.svelte.ts';
import { Narrator } from './narrator.svelte.ts';
import { Playback } from './playback.svelte.ts';
import { paintedAndIdle, startupSettled } from './startup.ts';
import { yieldTask } from './later.ts';

/** Where a document comes from: the sandbox's own ways in, a sandbox run restored as it was left, or a lesson's world. */
export type Origin = 'catalog' | 'editor' | 'file' | 'share' | 'restore' | 'lesson';

export interface LoadRequest {
  source: unknown;
  origin: Origin;
  seed?: unknown;
  changes?: unknown;
  atMs?: unknown;
  /** A notice to show once it is open (why this, and not what was asked for, is on screen). */
  notice?: Notice;
}

/** A message about something that could not be done; the work on screen is untouched. */
export interface Notice {
  title: string;
  errors: ValidationError[];
  /** What is on screen instead; by default, that nothing changed. */
  outcome?: string;
}

/** What opened when the asked-for scenario could not. */
const starterInstead = (): string => m.notice_starter_instead();

/** A long restore's progress: simulated ms done of the total, since when (wall ms), and the document's arrival rate if it says. */
export interface ReplayState {
  doneMs: number;
  totalMs: number;
  startedAt: number;
  requestsPerSec: number | null;
}

/** The arrival rate a scenario document states (a Poisson or constant arrival), to tell a replay's cost. */
function ratePerSec(doc: unknown): number | null {
  const rate = (doc as { traffic?: { arrival?: { ratePerSec?: unknown } } } | null)?.traffic?.arrival?.ratePerSec;
  return typeof rate === 'number' && Number.isFinite(rate) ? rate : null;
}

const TITLES: Record<Origin, () => string> = {
  catalog: m.notice_title_catalog,
  editor: m.notice_title_editor,
  file: m.notice_title_file,
  share: m.notice_title_share,
  restore: m.notice_title_restore,
  lesson: m.notice_title_lesson,
};

/** Origins that may carry a seed, live changes and a moment to restore. */
const RESTORING: readonly Origin[] = ['share', 'restore', 'lesson'];

export class Lab {
  // the worker's thread starts once the page has painted (src/ui/shell/startup.ts)
  readonly worker = new SimWorker({ firstStart: paintedAndIdle });
  readonly narrator = new Narrator();
  readonly session: SimSession;
  readonly playback: Playback;
  readonly editor: EditorDraft;
  notice = $state.raw<Notice | null>(null);
  /** Whose run is on screen: the sandbox's, or a lesson's world (the sandbox then keeps its own aside). */
  owner = $state<'sandbox' | 'lesson' | null>(null);
  /** A long restore under way (a share link's moment): how far it got, for a progress bar with Cancel. */
  replay = $state.raw<ReplayState | null>(null);
  #cancelReplay = false;
  /** The sandbox's run as it was left when a lesson took the lab over. */
  #sandboxRun: LoadRequest | null = null;

  constructor() {
    this.session = new SimSession(this.worker, (added, fresh) => {
      if (fresh) return this.narrator.clear();
      for (const e of added) {
        const text = narrationOf(e);
        if (text !== null) this.narrator.note(text);
      }
    });
    this.editor = new EditorDraft(this.worker);
    this.playback = new Playback(this.session, this.worker, {
      // the first run open (or refused) ends the page's start-up: work that waited for it may begin
      load: (request) => this.#load(request as LoadRequest).finally(startupSettled),
      // Nothing ran yet (the worker failed at once): open what was being opened, else the starter.
      reopen: () => (this.session.source !== null ? this.session.reopen() : this.#load(this.#lastRequest ?? this.#starter())),
    });
  }

  /** Opens an example or template by its catalogue key. */
  openCatalog(key: string, notice?: Notice): void {
    const entry = catalogEntry(key) ?? catalogEntry(DEFAULT_KEY);
    if (entry) this.playback.send({ type: 'playback.load', request: { source: entry.document(), origin: 'catalog', notice } satisfies LoadRequest });
  }

  /**
   * Opens the payload of a share link (`#/sandbox?s=…`). The unpacking code (fflate) is loaded then: the
   * first screen of most visits does not need it.
   */
  async openShare(payload: string): Promise<void> {
    let decoded: Decoded;
    try {
      const { decodeRun } = await import('../../sim/share-link.ts');
      await yieldTask(); // the chunk's evaluation and the unpacking: two tasks, not one long one
      decoded = decodeRun(payload);
    } catch (error) {
      // worded here at once: this failure never leaves the page
      decoded = { ok: false, path: 'link', message: m.val_link_code({ reason: error instanceof Error ? error.message : String(error) }) };
    }
    if (!decoded.ok) {
      await loadErrorWords(); // a link opened from outside: the page has only just started
      const { ok: _failed, ...error } = decoded;
      const notice = { title: TITLES.share(), errors: [error] };
      if (this.playback.state.context.hasRun) this.notice = notice;
      else this.openCatalog(DEFAULT_KEY, { ...notice, outcome: starterInstead() });
      return;
    }
    const { scenario, seed, atMs, changes } = decoded.run;
    this.playback.send({ type: 'playback.load', request: { source: scenario, origin: 'share', seed, atMs, changes } satisfies LoadRequest });
  }

  /** Runs a document (the editor's text, an imported file). */
  openDocument(source: unknown, origin: Origin): void {
    this.playback.send({ type: 'playback.load', request: { source, origin } satisfies LoadRequest });
  }

  /** The sandbox's own document (not a lesson's world): what compare mode starts from. */
  get sandboxSource(): unknown {
    return this.owner === 'sandbox' ? this.session.source : (this.#sandboxRun?.source ?? null);
  }

  /**
   * The sandbox's scenario as it runs now, its live changes written in (compare mode's "what I changed live"):
   * null when the lab runs a lesson's world, the sandbox has no live changes, or the worker cannot answer.
   */
  async sandboxNow(): Promise<Scenario | null> {
    if (this.owner !== 'sandbox' || this.session.changes.length === 0) return null;
    try {
      return await this.session.scenarioNow();
    } catch {
      return null;
    }
  }

  /** Shows the sandbox's own run: as it was left before a lesson took the lab over, or the starter. */
  openSandbox(): void {
    if (this.owner === 'sandbox' && this.playback.status !== 'empty') return;
    if (this.#sandboxRun !== null) this.playback.send({ type: 'playback.load', request: this.#sandboxRun });
    else this.openCatalog(DEFAULT_KEY);
  }

  /** Applies a live change; a refused one is explained in the notice and changes nothing. */
  async apply(change: Change): Promise<boolean> {
    const refused = await this.tryChange(change);
    this.notice = refused === null ? null : { title: m.notice_change_refused({ action: change.action }), errors: refused };
    return refused === null;
  }

  /**
   * Applies a live change and answers why it was refused (for a form to show next to its fields); null when
   * applied. On a finished run the change is not thrown away: the run restarts from time 0 with it (and the
   * earlier changes) applied.
   */
  async tryChange(change: Change): Promise<ValidationError[] | null> {
    try {
      const ended = this.playback.status === 'ended';
      const refused = await this.session.apply(change);
      if (refused === null && ended) this.playback.send({ type: 'playback.reset' });
      return refused;
    } catch {
      // the worker died; the playback machine shows it (the code's English, written out: error-codes.ts stays out of the start chunk)
      return [{ path: '(change)', code: 'val_live_stopped', params: {}, message: 'the simulation stopped before the change could be applied' }];
    }
  }

  /** Stops a long restore where it got to: the run opens at that moment. */
  cancelReplay(): void {
    this.#cancelReplay = true;
  }

  dismissNotice(): void {
    this.notice = null;
  }

  dispose(): void {
    this.playback.dispose();
    this.narrator.dispose();
    this.worker.dispose();
  }

  #lastRequest: LoadRequest | null = null;

  #starter(): LoadRequest {
    return { source: catalogEntry(DEFAULT_KEY)?.document() ?? null, origin: 'catalog' };
  }

  async #load(request: LoadRequest): Promise<Loaded> {
    this.#lastRequest = request;
    const owner = request.origin === 'lesson' ? 'lesson' : 'sandbox';
    if (owner === 'lesson' && this.owner === 'sandbox' && this.session.source !== null) {
      const { source, changes, timeMs } = this.session;
      this.#sandboxRun = { source, origin: 'restore', seed: this.session.scenario?.seed, changes, atMs: timeMs };
    }
    const options = RESTORING.includes(request.origin) && (request.seed !== undefined || request.changes !== undefined) ? { seed: request.seed as number, changes: request.changes, atMs: request.atMs } : {};
    this.#cancelReplay = false;
    const startedAt = performance.now();
    const totalMs = typeof request.atMs === 'number' ? request.atMs : 0;
    this.replay = totalMs > 0 ? { doneMs: 0, totalMs, startedAt, requestsPerSec: ratePerSec(request.source) } : null;
    const control: ReplayControl = {
      onProgress: (doneMs) => (this.replay = this.replay && { ...this.replay, doneMs }),
      cancelled: () => this.#cancelReplay,
    };
    const opened = await this.session.open(request.source, options, totalMs > 0 ? control : undefined).finally(() => (this.replay = null));
    const stoppedAt = this.#cancelReplay && opened.ok && this.session.timeMs < totalMs ? this.session.timeMs : null;
    if (!opened.ok) {
      this.notice = { title: TITLES[request.origin](), errors: opened.errors };
      if (request.origin === 'editor') this.editor.locate(opened.errors);
      if (this.playback.state.context.hasRun) return { ok: false, ended: false };
      const fallback = catalogEntry(DEFAULT_KEY);
      if (fallback === undefined || request.origin === 'catalog') return { ok: false, ended: false };
      return this.#load({ source: fallback.document(), origin: 'catalog', notice: { title: TITLES[request.origin](), errors: opened.errors, outcome: starterInstead() } });
    }
    this.notice = request.notice ?? (stoppedAt === null ? null : { title: m.notice_replay_stopped({ at: formatSeconds(stoppedAt), total: formatSeconds(totalMs) }), errors: [], outcome: m.notice_replay_stopped_outcome() });
    this.owner = owner;
    if (owner === 'sandbox') this.#sandboxRun = null;
    if (request.origin !== 'restore') this.playback.send({ type: 'playback.speed', speed: startingSpeed(this.session.scenario?.durationSec) });
    if (request.origin === 'editor') this.editor.edited = false;
    else if (owner === 'sandbox') this.editor.show(request.source);
    return { ok: true, ended: this.session.ended };
  }
}
