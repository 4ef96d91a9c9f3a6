import { createHash } from 'node:crypto';

/**
 * The site's one stylesheet, served by the website itself (no CDN, no web fonts: the system's
 * own). Small screens first; print shows boarding passes only.
 */
export const STYLESHEET = `
:root { --brand: #7a3e12; --brand-dark: #4e260a; --ink: #1f1a17; --muted: #5c534d; --line: #d8cfc8;
  --bg: #faf7f4; --ok: #1d6b3a; --bad: #a3191f; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.5; }
a { color: var(--brand-dark); }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between;
  padding: .75rem 1rem; background: var(--brand); }
header.site a { color: #fff; text-decoration: none; }
.brand { font-size: 1.25rem; font-weight: 700; } .brand span { font-weight: 400; }
nav { display: flex; gap: 1rem; } nav a:hover { text-decoration: underline; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
footer.site { text-align: center; color: var(--muted); padding: 2rem 1rem; font-size: .875rem; }
form.card, section.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
.grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
.field { display: flex; flex-direction: column; gap: .25rem; }
label, legend { font-weight: 600; }
input, select { font: inherit; padding: .5rem; border: 1px solid #8a7f78; border-radius: .25rem; background: #fff; min-height: 2.75rem; }
input[type=radio] { min-height: 0; width: 1.25rem; height: 1.25rem; margin: 0 .5rem 0 0; }
label.any { display: inline-flex; align-items: center; margin-bottom: .75rem; font-weight: 400; }
.invalid input, .invalid select { border-color: var(--bad); border-width: 2px; }
.error { color: var(--bad); font-size: .9rem; } .hint { color: var(--muted); font-size: .875rem; }
button, .button { font: inherit; font-weight: 600; background: var(--brand); color: #fff; border: 0; border-radius: .25rem;
  padding: .6rem 1.2rem; min-height: 2.75rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--brand-dark); border: 2px solid var(--brand); }
.notice { padding: .75rem 1rem; border-radius: .25rem; margin-bottom: 1rem; border-left: 6px solid; background: #fff; }
.notice.error { border-color: var(--bad); } .notice.info { border-color: var(--ok); }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); }
.flights li { list-style: none; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin-bottom: .75rem;
  display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; }
.flights { padding: 0; } .fare { font-size: 1.25rem; font-weight: 700; }
.seatmap { display: grid; gap: .25rem; overflow-x: auto; }
${Array.from({ length: 10 }, (_, i) => `.letters-${i + 1} { grid-template-columns: 2rem repeat(${i + 1}, minmax(2rem, 2.75rem)); }`).join('\n')}
.seatmap .row { color: var(--muted); align-self: center; }
.seat input { position: absolute; opacity: 0; }
.seat span { display: block; text-align: center; padding: .45rem 0; border: 1px solid #8a7f78; border-radius: .25rem; background: #fff; font-size: .8rem; }
.seat input:checked + span { background: var(--brand); color: #fff; }
.seat input:focus-visible + span { outline: 3px solid #1a5fb4; }
.seat input:disabled + span { background: #e6e0db; color: #8a7f78; text-decoration: line-through; }
fieldset { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 1rem; padding: .75rem; }
.pass { background: #fff; border: 2px dashed var(--brand); border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
.pass dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: .5rem; margin: 0; }
.pass dt { color: var(--muted); font-size: .8rem; } .pass dd { margin: 0; font-weight: 700; font-size: 1.1rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
@media print { header.site, footer.site, .actions, .skip { display: none; } body { background: #fff; } .pass { break-inside: avoid; } }
`;

/** Where the stylesheet is served: its content's hash in the name, so that it can be cached for good. */
export const STYLESHEET_PATH = `/assets/site.${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}.css`;
