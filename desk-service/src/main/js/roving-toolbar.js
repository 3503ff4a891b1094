// One Tab stop for a toolbar, as the WAI-ARIA toolbar pattern has it: Tab enters at the button last used and leaves
// for the next control; the arrow keys, Home and End move between the buttons. Without it, a keyboard user crosses
// every formatting button on the way from the summary to the story's settings.
export function rovingToolbar(toolbar) {
  const buttons = () => Array.from(toolbar.querySelectorAll('button'));
  const rove = (current) => buttons().forEach((button) => { button.tabIndex = button === current ? 0 : -1; });
  rove(buttons()[0]);
  toolbar.addEventListener('focusin', (event) => {
    if (event.target.matches('button')) {
      rove(event.target);
    }
  });
  toolbar.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const next = {
      ArrowRight: all[(at + 1) % all.length],
      ArrowLeft: all[(at - 1 + all.length) % all.length],
      Home: all[0],
      End: all[all.length - 1],
    }[event.key];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
}
