// The Roadmap Board webview: draws the host's snapshot (columns of step cards in status lanes, the gate and the
// findings), filters by owner or role, and asks the host to move a card (drag and drop with Pragmatic drag and
// drop, or the card's "Move to…" menu from the keyboard; each move is announced in a live region).
import '../shared/l10n';
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-context-menu/index.js';
import type { VscodeContextMenu } from '@vscode-elements/elements/dist/vscode-context-menu/vscode-context-menu.js';
import { draggable, dropTargetForElements, monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { cardVisible, type BoardCard, type BoardColumn, type BoardFilter, type BoardModel } from '../../src/core/views/board-model';
import type { RoleName, StepStatus } from '../../src/core/roadmap/model';
import type { BoardRequest, BoardState, BoardUpdate } from '../../src/protocol/board';
import { bidi, isolate } from '../shared/bidi';
import { connect, el } from '../shared/vscode';
import '../shared/base.css';
import './board.css';

const host = connect<BoardRequest, BoardUpdate, BoardState>();
let model: BoardModel | undefined;
const cleanups: (() => void)[] = [];

/** A status's title (a lane's heading, the move menu's entries, announcements), read when drawn: translated. */
const STATUS_TITLES: Record<StepStatus, () => string> = {
  todo: () => l10n.t({ message: 'To do', args: [], comment: ['A step status: the lane of steps not started'] }),
  doing: () => l10n.t({ message: 'Doing', args: [], comment: ['A step status: the lane of steps in progress'] }),
  done: () => l10n.t({ message: 'Done', args: [], comment: ['A step status: the lane of steps finished'] }),
  blocked: () => l10n.t({ message: 'Blocked', args: [], comment: ['A step status: the lane of steps that cannot go on'] }),
  skipped: () => l10n.t({ message: 'Skipped', args: [], comment: ['A step status: the lane of steps left out'] }),
};
const STATUS_ICONS: Record<StepStatus, string> = { todo: 'circle-large-outline', doing: 'sync', done: 'pass', blocked: 'error', skipped: 'debug-step-over' };

const save = (patch: Partial<BoardState>): void => host.save(patch);
const state = (): Partial<BoardState> => host.state;

function filter(): BoardFilter {
  return { ...(state().owner ? { owner: state().owner } : {}), ...(state().role ? { role: state().role as RoleName } : {}) };
}

function shownPhase(m: BoardModel): 'discovery' | 'production' {
  return state().phase ?? (m.phase === 'production' || m.phase === 'shipped' ? 'production' : 'discovery');
}

/** The titles of the cards whose move is asked of the host, by step id (what the announcement names). */
const pendingMoves = new Map<string, string>();

host.onUpdate((update) => {
  switch (update.type) {
    case 'snapshot':
      return; // (drawn by onSnapshot below)
    case 'moved': {
      // Announced once the host has made the move (or refused it), never on the request alone.
      const title = pendingMoves.get(update.stepId) ?? update.stepId;
      pendingMoves.delete(update.stepId);
      const status = STATUS_TITLES[update.status]();
      announce(update.done ? l10n.t('Moved "{0}" to {1}.', title, status) : l10n.t('"{0}" was not moved to {1}.', title, status));
      return;
    }
    default:
      update satisfies never;
  }
});

host.onSnapshot((snapshot) => {
  model = snapshot;
  render();
});


/**
 * The cards drawn by the last render, by column and step: a card whose data did not change is kept (element and drag
 * registration) rather than built again, so a snapshot after one edit rebuilds only the cards it changed.
 */
const cardCache = new Map<string, { readonly signature: string; readonly element: HTMLElement; readonly dispose?: () => void }>();
let cardsUsed = new Set<string>();

function render(): void {
  const app = document.getElementById('app');
  if (!app || !model) return;
  while (cleanups.length) cleanups.pop()?.();
  // The keyboard stays where it was: on the same card, or on its move button.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const focused = active?.closest<HTMLElement>('article.card[data-step-id]')?.dataset.stepId;
  const onHandle = active?.classList.contains('handle') === true;
  cardsUsed = new Set();
  app.replaceChildren(header(model), banner(model), board(model));
  for (const [key, cached] of cardCache) {
    if (cardsUsed.has(key)) continue;
    cached.dispose?.();
    cardCache.delete(key);
  }
  app.setAttribute('aria-busy', 'false');
  if (focused) focusCard(focused, onHandle);
}

/** Gives the keyboard to the card of `stepId` (drawn last), or to its move button. */
function focusCard(stepId: string, handle: boolean): void {
  const card = document.querySelector<HTMLElement>(`#app article.card[data-step-id="${CSS.escape(stepId)}"]`);
  ((handle ? card?.querySelector<HTMLElement>('button.handle') : undefined) ?? card)?.focus();
}

function header(m: BoardModel): HTMLElement {
  const phase = shownPhase(m);
  const tabs = el('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': l10n.t('Phase') } });
  for (const p of ['discovery', 'production'] as const) {
    const count = m.columns.filter((c) => c.phase === p).reduce((n, c) => n + c.cards.length, 0);
    const tab = el('button', { class: 'tab', text: p === 'discovery' ? l10n.t('Discovery ({0})', count) : l10n.t('Production ({0})', count), attrs: { role: 'tab', 'aria-selected': String(p === phase), id: `tab-${p}` } });
    tab.addEventListener('click', () => {
      save({ phase: p });
      render();
    });
    tabs.append(tab);
  }
  // A native select, as the Review's and Compare's filters (base.css gives it the dropdown's colours).
  // Each option says the whole filter ("Owner: all", "Owner: Ada"): `label` is the select's name, `all` its first
  // option, `option` the text of one value's.
  const select = (labels: { label: string; all: string; option: (value: string) => string }, values: readonly string[], current: string | undefined, onChange: (v: string | undefined) => void, title: (v: string) => string = (v) => v) => {
    const s = el('select', { class: 'filter', attrs: { 'aria-label': labels.label } });
    s.append(el('option', { text: labels.all, attrs: { value: '' } }));
    for (const v of values) s.append(el('option', { text: labels.option(isolate(title(v))), attrs: { value: v } }));
    s.value = current ?? '';
    s.addEventListener('change', () => onChange(s.value === '' ? undefined : s.value));
    return s;
  };
  const owner = select({ label: l10n.t('Owner'), all: l10n.t('Owner: all'), option: (v) => l10n.t('Owner: {0}', v) }, m.owners, state().owner, (v) => {
    save({ owner: v });
    render();
  });
  const role = select({ label: l10n.t('Role'), all: l10n.t('Role: all'), option: (v) => l10n.t('Role: {0}', v) }, m.roles, state().role, (v) => {
    save({ role: v });
    render();
  }, (r) => r.replace(/_/g, ' '));
  const progress = m.progress ? el('span', { class: 'progress', text: m.phase === 'production' ? l10n.t('Production: {0} of {1} steps done', m.progress.done, m.progress.total) : l10n.t('Discovery: {0} of {1} steps done', m.progress.done, m.progress.total) }) : undefined;
  return el('header', { class: 'header' }, el('h1', { text: m.project || l10n.t('Roadmap Board') }), progress, tabs, el('div', { class: 'filters' }, owner, role), m.readOnly ? el('span', { class: 'readonly', text: l10n.t('Restricted Mode: read-only') }) : undefined);
}

function banner(m: BoardModel): HTMLElement {
  const section = el('section', { class: 'banner', attrs: { 'aria-label': l10n.t('Gate and findings') } });
  if (m.problem) section.append(el('p', { class: 'problem', text: m.problem }));
  if (m.gate) {
    const gate = el('div', { class: `gate ${m.gate.passed ? 'passed' : 'blocked'}` }, icon(m.gate.passed ? 'pass' : 'lock'), el('strong', { text: m.gate.passed ? l10n.t('Gate to {0} met', m.gate.to) : l10n.t('Gate to {0} not met', m.gate.to) }));
    if (!m.gate.passed) {
      const list = el('ul');
      for (const u of m.gate.unmet) list.append(el('li', { text: u }));
      gate.append(list);
    }
    section.append(gate);
  }
  if (m.findings.length > 0) {
    const list = el('ul', { class: 'findings', attrs: { 'aria-label': l10n.t('Open pitfall findings') } });
    m.findings.forEach((f, i) => {
      const item = el('li', { class: `finding ${f.severity}` }, icon(f.severity === 'error' ? 'error' : 'warning'));
      const text = el('button', { class: 'link', text: f.message, attrs: { title: l10n.t('Go to line {0} of mlroadmap.yaml', f.line + 1) } });
      text.addEventListener('click', () => host.send({ type: 'revealLine', line: f.line }));
      item.append(text);
      if (!m.readOnly) {
        f.fixes.forEach((fix, j) => {
          const b = document.createElement('vscode-button');
          b.setAttribute('secondary', '');
          b.textContent = fix.title;
          b.addEventListener('click', () => host.send({ type: 'runFix', finding: i, fix: j }));
          item.append(b);
        });
      }
      list.append(item);
    });
    section.append(list);
  }
  return section;
}

function board(m: BoardModel): HTMLElement {
  const phase = shownPhase(m);
  const columns = m.columns.filter((c) => c.phase === phase);
  const grid = el('div', { class: 'board', attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${phase}` } });
  grid.style.setProperty('--columns', String(Math.max(columns.length, 1)));
  if (columns.length === 0) grid.append(el('p', { class: 'empty', text: phase === 'production' ? l10n.t('No Production tracks yet: add them under production: in mlroadmap.yaml.') : l10n.t('No Discovery steps yet.') }));
  for (const column of columns) grid.append(columnElement(m, column));
  return grid;
}

function columnElement(m: BoardModel, column: BoardColumn): HTMLElement {
  const f = filter();
  const visible = column.cards.filter((c) => cardVisible(column, c, f));
  const done = column.cards.filter((c) => c.status === 'done' || c.status === 'skipped').length;
  const section = el(
    'section',
    { class: 'column', attrs: { 'aria-label': column.title, 'data-column': column.key } },
    el('h2', {}, bidi(column.title), el('span', { class: 'count', text: `${done}/${column.cards.length}` })),
    column.subtitle ? el('p', { class: 'subtitle', text: column.subtitle }) : undefined,
  );
  for (const status of m.statuses) {
    const cards = visible.filter((c) => c.status === status);
    if (cards.length === 0 && (status === 'skipped' || status === 'blocked')) continue;
    const title = STATUS_TITLES[status]();
    const lane = el('div', { class: `lane ${status}`, attrs: { 'data-status': status, 'aria-label': l10n.t({ message: '{0}: {1}', args: [column.title, title], comment: ["A lane of the board: the column's title, then the lane's status"] }), role: 'list' } }, el('h3', { text: title }));
    for (const card of cards) lane.append(keptCard(m, column, card));
    if (!m.readOnly) {
      cleanups.push(
        dropTargetForElements({
          element: lane,
          getData: () => ({ status, column: column.key }),
          canDrop: ({ source }) => source.data.column === column.key && source.data.status !== status,
          onDragEnter: () => lane.classList.add('over'),
          onDragLeave: () => lane.classList.remove('over'),
          onDrop: () => lane.classList.remove('over'),
        }),
      );
    }
    section.append(lane);
  }
  return section;
}

/** The card's element: the one drawn last time when nothing it shows or does changed, else a new one. */
function keptCard(m: BoardModel, column: BoardColumn, card: BoardCard): HTMLElement {
  const key = `${column.key}\u0000${card.id}`;
  const signature = JSON.stringify([card, m.readOnly, m.statuses]);
  cardsUsed.add(key);
  const cached = cardCache.get(key);
  if (cached?.signature === signature) return cached.element;
  cached?.dispose?.();
  const made = cardElement(m, column, card);
  cardCache.set(key, { signature, ...made });
  return made.element;
}

function cardElement(m: BoardModel, column: BoardColumn, card: BoardCard): { element: HTMLElement; dispose?: () => void } {
  const status = STATUS_TITLES[card.status]();
  const label = card.owner
    ? l10n.t({ message: '{0}, {1}, owner {2}', args: [card.title, status, card.owner], comment: ["A card of the board: the step's title, its status, its owner"] })
    : l10n.t({ message: '{0}, {1}', args: [card.title, status], comment: ["A card of the board: the step's title, its status"] });
  const item = el('article', { class: `card ${card.status}`, attrs: { tabindex: '0', role: 'listitem', 'data-step-id': card.id, 'aria-label': label } });
  const title = el('div', { class: 'title' }, icon(STATUS_ICONS[card.status]), bidi(card.title));
  item.append(title);
  const meta = el('div', { class: 'meta' });
  if (card.owner) meta.append(bidi(card.owner, 'owner'));
  meta.append(el('code', { class: 'id' }, bidi(card.id)));
  item.append(meta);
  if (card.notes) item.append(el('p', { class: 'notes', text: card.notes }));
  item.addEventListener('dblclick', () => host.send({ type: 'revealStep', stepId: card.id }));
  item.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target === item) host.send({ type: 'revealStep', stepId: card.id });
  });
  if (!m.readOnly) {
    const handle = el('button', { class: 'handle', attrs: { 'aria-label': l10n.t('Move "{0}" to…', card.title), 'aria-haspopup': 'menu', title: l10n.t('Drag, or press to move to another status') } }, icon('gripper'));
    handle.addEventListener('click', (e) => {
      e.stopPropagation();
      openMoveMenu(m, item, card);
    });
    item.append(handle);
    const dispose = draggable({
      element: item,
      getInitialData: () => ({ stepId: card.id, status: card.status, column: column.key, title: card.title }),
      onDragStart: () => item.classList.add('dragging'),
      onDrop: () => item.classList.remove('dragging'),
    });
    return { element: item, dispose };
  }
  return { element: item };
}

function openMoveMenu(m: BoardModel, item: HTMLElement, card: BoardCard): void {
  document.querySelectorAll('vscode-context-menu').forEach((x) => x.remove());
  const menu = document.createElement('vscode-context-menu') as VscodeContextMenu;
  menu.className = 'move-menu';
  menu.data = m.statuses.filter((s) => s !== card.status).map((s) => ({ label: l10n.t('Move to {0}', STATUS_TITLES[s]()), value: s }));
  // Closed, the menu gives the keyboard back to the card's move button (the card is drawn again after a move: render
  // keeps the keyboard on it).
  const close = () => {
    menu.remove();
    focusCard(card.id, true);
  };
  menu.addEventListener('vsc-context-menu-select', (e) => {
    const status = (e as CustomEvent<{ value: string }>).detail.value as StepStatus;
    close();
    move(card.id, card.title, status);
  });
  // After the menu's own handler, which only hides it.
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  // In the lane, not the card: a card's paint containment (content-visibility) would clip the menu.
  const lane = item.parentElement ?? item;
  menu.style.setProperty('top', `${item.offsetTop + 24}px`);
  lane.append(menu);
  menu.show = true;
  menu.focus();
}

/** The live region moves are announced in (kept outside #app, which is redrawn on every snapshot). */
const announcer = el('div', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite', id: 'announcer' } });
document.body.append(announcer);

function announce(message: string): void {
  // Emptied first, so that the same message said twice is announced twice.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = message));
}

function move(stepId: string, title: string, status: StepStatus): void {
  pendingMoves.set(stepId, title);
  host.send({ type: 'setStepStatus', stepId, status });
}

/** A codicon as a plain span (the font's stylesheet is on the page): cheaper than a web component per card. */
function icon(name: string): HTMLElement {
  return el('span', { class: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

monitorForElements({
  onDrop: ({ source, location }) => {
    const target = location.current.dropTargets[0];
    if (!target) return;
    const status = target.data.status as StepStatus;
    if (status && status !== source.data.status) move(String(source.data.stepId), String(source.data.title), status);
  },
});

host.send({ type: 'ready' });
