/** The CSRF token of this session (from the page's meta tag), which every state-changing request carries. */
export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}
