// Loads the wasm UI. Kept in a file (not inline) so the CSP can forbid inline scripts.
// If loading fails, say so on the page instead of leaving it blank.
import init from './app.js';

const boot = document.getElementById('boot');
init()
  .then(() => boot?.remove())
  .catch((err) => {
    if (boot) {
      boot.setAttribute('role', 'alert');
      boot.removeAttribute('aria-busy');
      boot.textContent = 'Mastery could not start its interface / Mastery n\u2019a pas pu démarrer son interface: ' + err;
    }
  });
