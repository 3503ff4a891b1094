// The lead photo: upload by drag-and-drop or file picker with a progress bar, or choose among recent uploads; caption,
// credit and by-line prefilled from the photo's own IPTC/XMP (media-service reads them), alt text required to save.
import { csrfToken } from './csrf.js';

export function startPhotoDesk(root, changed) {
  const input = root.querySelector('#photo-file');
  const zone = root.querySelector('.drop-zone');
  const progress = root.querySelector('#photo-progress');
  const message = root.querySelector('#photo-message');
  const thumb = root.querySelector('#photo-thumb');
  const field = (name) => root.querySelector(`[name="${name}"]`);

  input.addEventListener('change', () => {
    if (input.files.length) {
      upload(input.files[0]);
    }
  });
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add('drop-active');
  }));
  ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('drop-active')));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      upload(event.dataTransfer.files[0]);
    }
  });
  const remove = root.querySelector('#photo-remove');
  if (remove) {
    remove.addEventListener('click', () => {
      ['leadImage.mediaId', 'leadImage.caption', 'leadImage.credit', 'leadImage.altText'].forEach((name) => {
        field(name).value = '';
      });
      root.querySelector('#photo-byline').textContent = '';
      thumb.hidden = true;
      thumb.removeAttribute('src');
      root.classList.remove('has-photo');
      changed();
    });
  }
  // Recent uploads arrive by htmx after the page loaded, hence one listener on the card.
  root.addEventListener('click', (event) => {
    const chosen = event.target.closest('button[data-media-id]');
    if (!chosen) {
      return;
    }
    const data = chosen.dataset;
    use({ id: data.mediaId, caption: data.caption, credit: data.credit, altText: data.altText, byline: data.byline });
    root.querySelector('#recent-details').open = false;
    message.textContent = 'Chosen. Check the caption and credit, and the alt text.';
    const alt = field('leadImage.altText');
    (alt.value ? root.querySelector('#recent-details summary') : alt).focus();
  });

  function upload(file) {
    const data = new FormData();
    data.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', '/photos');
    request.setRequestHeader('X-CSRF-Token', csrfToken());
    request.responseType = 'json';
    progress.hidden = false;
    progress.value = 0;
    message.textContent = `Uploading ${file.name}…`;
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        progress.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    request.addEventListener('load', () => {
      progress.hidden = true;
      const asset = request.response || {};
      if (request.status === 201 || request.status === 200) {
        use(asset);
        message.textContent = 'Uploaded. Check the caption and credit, and describe the photo in the alt text.';
        field('leadImage.altText').focus();
      } else if (request.status === 401) {
        message.textContent = 'Not uploaded: you were signed out. Sign in again and retry.';
      } else {
        message.textContent = `Not uploaded: ${asset.detail || asset.title || `error ${request.status}`}`;
      }
    });
    request.addEventListener('error', () => {
      progress.hidden = true;
      message.textContent = 'Not uploaded: the desk cannot be reached.';
    });
    request.send(data);
  }

  function use(asset) {
    field('leadImage.mediaId').value = asset.id;
    field('leadImage.caption').value = asset.caption || '';
    field('leadImage.credit').value = asset.credit || '';
    field('leadImage.altText').value = asset.altText || '';
    root.querySelector('#photo-byline').textContent = asset.byline ? `By-line: ${asset.byline}` : '';
    thumb.src = `/photos/${asset.id}/thumb`;
    thumb.alt = asset.altText || 'Thumbnail of the lead photo';
    thumb.hidden = false;
    root.classList.add('has-photo');
    changed();
  }
}
