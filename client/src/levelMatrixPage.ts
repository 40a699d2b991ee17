/**
 * The webview's page around the server's markup, kept apart from the `vscode` API so that a browser
 * test can load exactly what the webview loads. The policy allows nothing remote and no inline
 * code except the style sheet and the script that carry this page's nonce: an element that slipped
 * past the server's escaping could neither run nor restyle the page.
 */
import { randomBytes } from 'node:crypto';

export function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The page's script, inline under the nonce. It reads only our own data attributes, never
 * evaluates anything, and replaces the body with markup the server escaped. The keyboard needs no
 * handler of its own: a statement's text is a button (Enter and Space click it) and the finding
 * links in its cell are links (Enter follows them).
 */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const host = document.getElementById('clm-host');
  function rendered(version) {
    vscode.postMessage({ type: 'rendered', version: version, cells: host.querySelectorAll('.clm-cell').length });
  }
  function reveal(cell) {
    vscode.postMessage({ type: 'reveal', pointer: cell.dataset.pointer || '', start: Number(cell.dataset.start), end: Number(cell.dataset.end) });
  }
  host.addEventListener('click', function (e) {
    const link = e.target.closest('a[href^="#"]');
    if (link) {
      e.preventDefault();
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (target) {
        target.scrollIntoView({ block: 'center' });
        // A link to a cell leaves the keyboard on the cell's button, ready to select the statement.
        const focus = target.classList.contains('clm-cell') ? target.querySelector('.clm-reveal') : target;
        if (focus && focus.tabIndex >= 0) focus.focus();
      }
      return;
    }
    // The statement's button (a click, or Enter or Space on it) or anywhere else in its cell but a link.
    const cell = !e.target.closest('a') && e.target.closest('.clm-cell');
    if (cell) reveal(cell);
  });
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.body === 'string') {
      const y = window.scrollY;
      host.innerHTML = m.body;
      window.scrollTo(0, y);
      rendered(m.version);
    } else if (m.type === 'click' && typeof m.pointer === 'string') {
      const cell = Array.prototype.find.call(host.querySelectorAll('.clm-cell'), function (c) { return c.dataset.pointer === m.pointer; });
      if (cell) { cell.scrollIntoView({ block: 'center' }); (cell.querySelector('.clm-reveal') || cell).click(); }
    }
  });
  rendered(Number(document.body.dataset.version));
})();
`;

export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function webviewPage(body: string, css: string, version: number, n: string = nonce()): string {
  const csp = [`default-src 'none'`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${css}</style>
</head>
<body data-version="${version}">
<div id="clm-host">${body}</div>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
}
