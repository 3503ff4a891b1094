// The desk's one script: htmx for the server-rendered partial updates, and the story editor (Tiptap body,
// save with the story's ETag, autosave of drafts, conflict dialog, photo upload with progress).
import htmx from 'htmx.org';
import { startStoryEditor } from './story-editor.js';
import { startPhotoDesk } from './photo-desk.js';
import { csrfToken } from './csrf.js';

// The page's Content-Security-Policy forbids inline styles and eval: htmx must not add either.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
htmx.config.selfRequestsOnly = true;
window.htmx = htmx;

document.addEventListener('htmx:configRequest', (event) => {
  event.detail.headers['X-CSRF-Token'] = csrfToken();
});

// Confirmed actions: the question comes from the server-rendered data-confirm attribute.
document.addEventListener('htmx:confirm', (event) => {
  const question = event.detail.elt.getAttribute('data-confirm');
  if (!question) {
    return;
  }
  event.preventDefault();
  const proceed = () => {
    if (window.confirm(question)) {
      event.detail.issueRequest(true);
    }
  };
  // Publishing acts on the saved story: save pending changes first.
  if (window.deskEditor && window.deskEditor.isDirty()) {
    window.deskEditor.saveNow().then((saved) => { if (saved) proceed(); });
  } else {
    proceed();
  }
});

// Signed out (session expired) during an htmx call: go to the sign-in page rather than show a broken fragment.
document.addEventListener('htmx:responseError', (event) => {
  const status = event.detail.xhr.status;
  const target = document.getElementById('flash');
  if (status === 401) {
    window.location.assign('/sign-in?expired=1');
  } else if (target) {
    target.textContent = status === 403 ? 'You are not allowed to do that.' : errorText(event.detail.xhr);
    target.hidden = false;
  }
});

function errorText(xhr) {
  try {
    const problem = JSON.parse(xhr.responseText);
    const errors = (problem.errors || []).map((e) => `${e.field}: ${e.reason}`).join('; ');
    return [problem.detail || problem.title, errors].filter(Boolean).join(' — ');
  } catch (e) {
    return `The request failed (${xhr.status}).`;
  }
}

function start() {
  const editorForm = document.getElementById('story-form');
  if (editorForm) {
    window.deskEditor = startStoryEditor(editorForm);
  }
  const photo = document.getElementById('photo-desk');
  if (photo) {
    startPhotoDesk(photo, () => window.deskEditor && window.deskEditor.markDirty());
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
