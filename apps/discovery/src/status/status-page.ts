import type { RegistryStatus } from './registry-status';

const escape = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function rows(status: RegistryStatus): string {
  const lines = status.applications.flatMap((app) =>
    app.instances.map((i) =>
      [app.name, i.id, `${i.hostName} (${i.ipAddr}):${i.port}`, i.status, i.lastRenewal]
        .map((cell) => `<td>${escape(cell)}</td>`)
        .join(''),
    ),
  );
  return lines.length > 0
    ? lines.map((line) => `<tr>${line}</tr>`).join('\n')
    : '<tr><td colspan="5">no instances</td></tr>';
}

/** The dashboard at `/`: one table of instances, refreshing itself every 5 s. */
export function statusPage(status: RegistryStatus): string {
  const preservation = status.selfPreservation;
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>PSS discovery</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>
</head><body>
<h1>PSS discovery</h1>
<p>Mode: ${escape(status.mode)} &middot; instances: ${status.instanceCount} &middot; peers: ${escape(status.peers.join(', ') || 'none')}</p>
<p>Self-preservation: ${preservation.enabled ? 'enabled' : 'disabled'}${preservation.active ? ' &mdash; <strong>ACTIVE: expired leases are kept</strong>' : ''}
(renews last minute ${preservation.renewsLastMinute}, threshold ${preservation.renewalThreshold})</p>
<table><tr><th>application</th><th>instance</th><th>address</th><th>status</th><th>last renewal</th></tr>
${rows(status)}
</table></body></html>`;
}
