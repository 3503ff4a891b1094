// The story editor: the Tiptap body, saving with the story's ETag (one save in flight, each carrying the newest
// version), Ctrl/Cmd+S, autosave for drafts only, the conflict dialog when someone else saved first, a warning as soon
// as someone else saves while the story is open, and a preview of the editor's current text.
import { Editor } from '@tiptap/core';
import { bodyExtensions, schemaOutput } from './body-schema.js';
import { csrfToken } from './csrf.js';
import { rovingToolbar } from './roving-toolbar.js';

const AUTOSAVE_DELAY_MS = 2000;
const STALE_CHECK_MS = 15000;

export function startStoryEditor(form) {
  const state = {
    id: form.dataset.storyId || null,
    version: form.dataset.version || null,
    revision: form.dataset.revision || null,
    // another's newer version, once known: autosave stops, and an explicit save leads to the conflict dialog
    stale: null,
    status: form.dataset.status || 'DRAFT',
    dirty: false,
    inFlight: null,
    again: false,
    timer: null,
  };
  const saveState = document.getElementById('save-state');
  const saveButton = document.getElementById('save-button');
  const errorsBox = document.getElementById('form-errors');
  const source = document.getElementById('body-source');

  const editor = new Editor({
    element: document.getElementById('body-editor'),
    extensions: bodyExtensions,
    // The stored body is parsed by ProseMirror into the restricted schema: nothing outside it survives, and
    // parsing happens in an inert document, so no script or handler from a story runs.
    content: source ? source.value : '',
    editorProps: {
      attributes: {
        class: 'body-editor-area',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
      },
    },
    // The page's CSP has no 'unsafe-inline' styles: desk.css carries the editor's base styles instead.
    injectCSS: false,
    onUpdate: () => markDirty(),
  });

  const toolbar = document.getElementById('body-toolbar');
  if (toolbar) {
    rovingToolbar(toolbar);
    toolbar.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-command]');
      if (button) {
        event.preventDefault();
        runCommand(editor, button.dataset.command);
        refreshToolbar();
      }
    });
    editor.on('selectionUpdate', refreshToolbar);
    editor.on('transaction', refreshToolbar);
  }

  function refreshToolbar() {
    toolbar.querySelectorAll('button[data-command]').forEach((button) => {
      const active = isActive(editor, button.dataset.command);
      if (active !== null) {
        button.setAttribute('aria-pressed', active ? 'true' : 'false');
      }
    });
  }

  // Fields in the sidebar belong to the form through their form attribute, outside its subtree.
  document.addEventListener('input', (event) => {
    if (event.target.form === form && event.target.type !== 'file') {
      markDirty();
    }
  });
  // The headline wraps on a narrow screen (a textarea) but stays one line: Enter saves, as in the other fields.
  const headline = form.elements.namedItem('headline');
  headline.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  headline.addEventListener('input', () => {
    if (/[\r\n]/.test(headline.value)) {
      headline.value = headline.value.replace(/\s*[\r\n]+\s*/g, ' ');
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveNow();
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveNow();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (state.dirty || state.inFlight) {
      event.preventDefault();
    }
  });
  // Publishing actions answer with the story's new version and status.
  document.addEventListener('htmx:afterSwap', (event) => {
    const panel = document.getElementById('story-actions');
    if (panel && panel.dataset.version) {
      state.version = panel.dataset.version;
      state.status = panel.dataset.status;
      form.dataset.status = state.status;
      applyStatus();
    }
  });
  applyStatus();

  // Someone else's save while the story is open: asked every few seconds and whenever the tab comes back.
  setInterval(checkStale, STALE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      checkStale();
    }
  });
  window.addEventListener('focus', checkStale);
  const staleNotice = document.getElementById('stale-notice');
  staleNotice.querySelector('[data-action="load-theirs"]').addEventListener('click', () => {
    if (state.dirty && !window.confirm('Discard your unsaved changes and load their version?')) {
      return;
    }
    state.dirty = false;
    window.location.reload();
  });

  /** Our own saves and publishing actions change the version too: only an answer about the version we hold counts. */
  async function checkStale() {
    if (!state.id || !state.version || busy()) {
      return;
    }
    const held = state.version;
    let response;
    try {
      response = await fetch(`/stories/${state.id}/head?version=${encodeURIComponent(held)}`, {
        headers: { Accept: 'application/json' }, credentials: 'same-origin',
      });
    } catch (e) {
      return;
    }
    if (response.status !== 200 || state.version !== held || busy()) {
      return;
    }
    const head = await response.json().catch(() => null);
    if (head && Number(head.version) > Number(held)) {
      showStale(head);
    }
  }

  function busy() {
    return state.inFlight || document.querySelector('.htmx-request') !== null;
  }

  function showStale(head) {
    state.stale = head;
    clearTimeout(state.timer);
    staleNotice.querySelector('[data-slot="stale-who"]').textContent = head.updatedBy || 'Someone';
    staleNotice.querySelector('[data-slot="stale-when"]').textContent = time(head.updatedAt);
    staleNotice.querySelector('[data-slot="stale-yours"]').textContent = state.dirty
      ? 'Your unsaved changes are still here and are no longer saved automatically; saving asks which version to keep.'
      : 'Load their version before you go on.';
    const compare = staleNotice.querySelector('[data-slot="stale-compare"]');
    compare.href = state.revision
      ? `/stories/${state.id}/revisions/compare?a=${state.revision}&b=${head.revision}`
      : `/stories/${state.id}/revisions`;
    staleNotice.hidden = false;
    show(state.dirty ? 'Not saved: someone else saved a newer version' : 'Someone else saved a newer version',
      'error');
  }

  function hideStale() {
    state.stale = null;
    staleNotice.hidden = true;
  }

  // Preview: the editor's current text, saved or not, rendered by the public page's renderer in a sandboxed frame.
  const previewDialog = document.getElementById('preview-dialog');
  const previewForm = document.getElementById('preview-form');
  document.getElementById('preview-button').addEventListener('click', openPreview);
  const previewTab = document.querySelector('.story-tabs a[href$="/preview"]');
  if (previewTab) {
    previewTab.addEventListener('click', (event) => {
      if (!event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
        event.preventDefault();
        openPreview();
      }
    });
  }
  previewDialog.querySelector('[data-action="close-preview"]').addEventListener('click', () => previewDialog.close());

  function openPreview() {
    previewForm.elements.namedItem('csrf').value = csrfToken();
    previewForm.elements.namedItem('story').value = state.id || '';
    previewForm.elements.namedItem('content').value = JSON.stringify(collect());
    previewDialog.showModal();
    previewForm.submit();
  }

  function applyStatus() {
    const live = state.status === 'PUBLISHED';
    const correction = document.getElementById('correction-field');
    if (correction) {
      correction.hidden = !live;
    }
    if (saveButton) {
      saveButton.textContent = state.status === 'DRAFT' || !state.id ? 'Save draft' : 'Update';
    }
    const badge = document.getElementById('status-badge');
    if (badge) {
      badge.textContent = state.status.toLowerCase();
      badge.className = `badge badge-${state.status.toLowerCase()}`;
    }
  }

  function show(text, kind) {
    saveState.textContent = text;
    saveState.dataset.kind = kind;
  }

  function markDirty() {
    state.dirty = true;
    show('Unsaved changes', 'dirty');
    clearTimeout(state.timer);
    // Live or scheduled stories are saved only by an explicit Update: an autosave would publish half an edit.
    if (state.status === 'DRAFT' && state.id && !state.stale) {
      state.timer = setTimeout(() => saveNow(), AUTOSAVE_DELAY_MS);
    }
  }

  function collect() {
    const field = (name) => {
      const element = form.elements.namedItem(name);
      return element ? element.value.trim() : '';
    };
    const list = (name) => field(name).split(',').map((s) => s.trim()).filter(Boolean);
    const related = field('related').split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const cut = line.lastIndexOf(' | ');
      return cut < 0 ? { title: '', url: line } : { title: line.slice(0, cut).trim(), url: line.slice(cut + 3).trim() };
    });
    const mediaId = field('leadImage.mediaId');
    return {
      headline: field('headline'),
      summary: field('summary'),
      body: editor.isEmpty ? '' : editor.getHTML(),
      section: field('section'),
      tags: list('tags'),
      authors: list('authors').map((name) => ({ name })),
      related,
      leadImage: mediaId ? { mediaId, caption: field('leadImage.caption') || null, credit: field('leadImage.credit') || null } : null,
      altText: mediaId ? field('leadImage.altText') : null,
      correction: state.status === 'PUBLISHED' ? field('correction') || null : null,
    };
  }

  /** Saves now, or right after the save in flight (with the version that save returns). */
  function saveNow() {
    clearTimeout(state.timer);
    if (state.inFlight) {
      state.again = true;
      return state.inFlight;
    }
    state.inFlight = send().finally(() => {
      state.inFlight = null;
    }).then((ok) => {
      if (ok && state.again) {
        state.again = false;
        return saveNow();
      }
      state.again = false;
      return ok;
    });
    return state.inFlight;
  }

  async function send(overrideVersion) {
    const content = collect();
    clearErrors();
    if (content.leadImage && !content.altText) {
      fieldError('leadImage.altText', 'Describe the photo for readers who cannot see it (alt text is required).');
      show('Not saved: the photo needs alt text', 'error');
      return false;
    }
    state.dirty = false;
    show('Saving…', 'saving');
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() };
    const version = overrideVersion || state.version;
    if (state.id && version) {
      headers['If-Match'] = `"${version}"`;
    }
    let response;
    try {
      response = await fetch(state.id ? `/stories/${state.id}/save` : '/stories', {
        method: 'POST', headers, body: JSON.stringify(content), credentials: 'same-origin',
      });
    } catch (e) {
      state.dirty = true;
      show('Not saved: the desk cannot be reached. Your text is still here; try again.', 'error');
      return false;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      const created = !state.id;
      state.id = answer.id;
      state.version = String(answer.version);
      state.revision = String(answer.revision);
      state.status = answer.status;
      hideStale();
      form.dataset.storyId = state.id;
      form.dataset.version = state.version;
      if (created) {
        window.history.replaceState(null, '', `/stories/${state.id}`);
        document.title = `${content.headline} · Newsroom desk`;
        document.querySelector('.nav-new')?.removeAttribute('aria-current');
        if (window.htmx) {
          window.htmx.ajax('GET', `/stories/${state.id}/head`, { target: '.editor-head', swap: 'outerHTML' });
          if (document.getElementById('story-actions')) {
            window.htmx.ajax('GET', `/stories/${state.id}/actions`, { target: '#story-actions', swap: 'outerHTML' });
          }
        }
      }
      applyStatus();
      const removed = answer.sanitizerRemoved && answer.sanitizerRemoved.length
        ? ` — removed: ${answer.sanitizerRemoved.join('; ')}` : '';
      show(state.dirty ? 'Unsaved changes' : `Saved ${time(answer.updatedAt)} by ${answer.updatedBy}${removed}`,
        state.dirty ? 'dirty' : 'saved');
      return true;
    }
    state.dirty = true;
    if (response.status === 401) {
      show('Not saved: you were signed out. Sign in again in another tab, then save; your text is still here.', 'error');
    } else if (response.status === 403) {
      show('Not saved: you are not allowed to change this story.', 'error');
    } else if (response.status === 412 && answer.theirs) {
      show('Not saved: someone else saved this story meanwhile', 'error');
      openConflict(content, answer.theirs);
    } else {
      (answer.errors || []).forEach((e) => fieldError(e.field, e.reason));
      show(`Not saved: ${answer.detail || answer.title || `error ${response.status}`}`, 'error');
    }
    return false;
  }

  function clearErrors() {
    errorsBox.textContent = '';
    errorsBox.hidden = true;
    form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  }

  function fieldError(field, reason) {
    const element = form.elements.namedItem(field) || form.elements.namedItem(field.replace(/\[\d+\].*$/, ''));
    if (element && element.setAttribute) {
      element.setAttribute('aria-invalid', 'true');
    }
    const item = document.createElement('li');
    item.textContent = `${labelOf(field)}: ${reason}`;
    errorsBox.appendChild(item);
    errorsBox.hidden = false;
  }

  function labelOf(field) {
    const element = form.elements.namedItem(field);
    const label = element && element.id ? form.querySelector(`label[for="${element.id}"]`) : null;
    return label ? label.textContent.replace('*', '').trim() : field;
  }

  function openConflict(mine, theirs) {
    const dialog = document.getElementById('conflict-dialog');
    const text = (html) => new DOMParser().parseFromString(html || '', 'text/html').body.textContent;
    dialog.querySelector('[data-slot="their-author"]').textContent =
      `${theirs.updatedBy || 'someone'} at ${time(theirs.updatedAt)}`;
    dialog.querySelector('[data-slot="their-headline"]').textContent = theirs.headline || '';
    dialog.querySelector('[data-slot="their-body"]').textContent = text(theirs.body);
    dialog.querySelector('[data-slot="my-headline"]').textContent = mine.headline;
    dialog.querySelector('[data-slot="my-body"]').value = `${mine.headline}\n\n${mine.summary}\n\n${text(mine.body)}`;
    const close = () => dialog.close();
    dialog.querySelector('[data-action="keep-mine"]').onclick = () => {
      close();
      state.version = String(theirs.version);
      saveNow();
    };
    dialog.querySelector('[data-action="take-theirs"]').onclick = () => {
      state.dirty = false;
      window.location.reload();
    };
    dialog.querySelector('[data-action="copy-mine"]').onclick = async () => {
      const area = dialog.querySelector('[data-slot="my-body"]');
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        dialog.querySelector('[data-slot="copied"]').textContent = 'Copied to the clipboard.';
      } catch (e) {
        dialog.querySelector('[data-slot="copied"]').textContent = 'Selected: press Ctrl+C to copy.';
      }
    };
    dialog.querySelector('[data-action="close"]').onclick = close;
    dialog.showModal();
  }

  return {
    editor,
    saveNow,
    markDirty,
    isDirty: () => state.dirty,
    schema: () => schemaOutput(editor.schema),
    state,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment as the desk's pages write it (NewsroomTime.display), in the newsroom's time zone: "2 Dec 2026, 17:52 UTC".
 * The zone's short name comes from the page, as Java names it; the moments shown here are recent ones.
 */
function time(instant) {
  if (!instant) {
    return '';
  }
  const zone = document.body.dataset.timeZone || 'UTC';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}, ${parts.hour}:${parts.minute} `
    + `${document.body.dataset.zoneLabel || zone}`;
}

function runCommand(editor, command) {
  const chain = editor.chain().focus();
  switch (command) {
    case 'bold': chain.toggleBold().run(); break;
    case 'italic': chain.toggleItalic().run(); break;
    case 'h2': chain.toggleHeading({ level: 2 }).run(); break;
    case 'h3': chain.toggleHeading({ level: 3 }).run(); break;
    case 'bulletList': chain.toggleBulletList().run(); break;
    case 'orderedList': chain.toggleOrderedList().run(); break;
    case 'blockquote': chain.toggleBlockquote().run(); break;
    case 'link': {
      const previous = editor.getAttributes('link').href || 'https://';
      const url = window.prompt('Link address (https://…), empty to remove the link', previous);
      if (url === null) {
        return;
      }
      if (url.trim() === '') {
        chain.unsetLink().run();
      } else {
        chain.extendMarkRange('link').setLink({ href: url.trim() }).run();
      }
      break;
    }
    case 'undo': chain.undo().run(); break;
    case 'redo': chain.redo().run(); break;
    default: break;
  }
}

function isActive(editor, command) {
  switch (command) {
    case 'bold': return editor.isActive('bold');
    case 'italic': return editor.isActive('italic');
    case 'h2': return editor.isActive('heading', { level: 2 });
    case 'h3': return editor.isActive('heading', { level: 3 });
    case 'bulletList': return editor.isActive('bulletList');
    case 'orderedList': return editor.isActive('orderedList');
    case 'blockquote': return editor.isActive('blockquote');
    case 'link': return editor.isActive('link');
    default: return null;
  }
}
