// The window part of ticketflow's "Ticket SLA board": the manager picks 7, 30 or 90 days and the board shows, for
// the tickets created in them, compliance of every commitment, the figures per queue, the customers' satisfaction
// and a chart of the daily trend. It reads GET /api/reports/sla?days=N with the Cockpit session, like the board.
// The chart is drawn with uPlot, served with the plugin from ./vendor (Cockpit runs offline: no CDN).
// Everything from the server is put in with textContent, never as markup.

import uPlot from './vendor/uPlot.esm.js';

const WINDOWS = [7, 30, 90];
const COMMITMENTS = [['firstResponse', 'First response'], ['resolution', 'Resolution'], ['update', 'Periodic updates']];

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : (Math.round(rate * 1000) / 10) + ' %';
}

function score(value) {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

function table(headings, name) {
  const t = el('table', null, {class: 'table table-condensed cam-table', 'data-board': name});
  const row = el('tr');
  headings.forEach(h => row.appendChild(el('th', h)));
  t.appendChild(el('thead')).appendChild(row);
  t.appendChild(el('tbody'));
  return t;
}

function stylesheet() {
  const href = new URL('./vendor/uPlot.min.css', import.meta.url).href;
  if (!document.querySelector('link[href="' + href + '"]')) {
    document.head.appendChild(el('link', null, {rel: 'stylesheet', href: href}));
  }
}

function complianceTable(report) {
  const t = table(['Commitment', 'Met / decided', 'Compliance', 'Median'], 'window-compliance');
  const body = t.querySelector('tbody');
  COMMITMENTS.forEach(([key, label]) => {
    const c = report[key];
    const row = el('tr', null, {'data-commitment': key});
    row.appendChild(el('td', label));
    row.appendChild(el('td', c.met + ' / ' + c.decided, {'data-cell': 'window:' + key}));
    row.appendChild(el('td', percent(c.rate), {'data-cell': 'window-rate:' + key}));
    row.appendChild(el('td', c.medianSeconds === null || c.medianSeconds === undefined ? '–'
      : (Math.round(c.medianSeconds / 360) / 10) + ' h'));
    body.appendChild(row);
  });
  return t;
}

function queueTable(queues) {
  const t = table(['Queue', 'Open', 'At risk', 'Breached', 'First response', 'Resolution', 'Satisfaction'], 'queues');
  const body = t.querySelector('tbody');
  if (!queues.length) {
    body.appendChild(el('tr')).appendChild(el('td', 'None', {colspan: '7'}));
  }
  queues.forEach(q => {
    const row = el('tr', null, {'data-queue': q.queue});
    const cell = (name, text) => row.appendChild(el('td', text, {'data-cell': 'queue:' + q.queue + ':' + name}));
    row.appendChild(el('td', q.queue));
    cell('open', q.open);
    cell('atRisk', q.atRisk);
    cell('breached', q.breached);
    cell('firstResponse', percent(q.firstResponseRate));
    cell('resolution', percent(q.resolutionRate));
    cell('satisfaction', score(q.satisfaction));
    body.appendChild(row);
  });
  return t;
}

function satisfaction(s) {
  const p = el('p', null, {'data-board': 'satisfaction'});
  p.appendChild(el('strong', score(s.average), {'data-cell': 'satisfaction-average'}));
  p.appendChild(el('span', ' average of ' + s.responses + ' scores · ', {'data-cell': 'satisfaction-responses'}));
  p.appendChild(el('span', ['1', '2', '3', '4', '5'].map(k => k + '★ ' + s.distribution[k]).join(' · '),
    {'data-cell': 'satisfaction-distribution'}));
  return p;
}

function trendChart(trend, width) {
  const holder = el('div', null, {id: 'ticket-sla-trend', 'data-points': String(trend.length)});
  // x: each day at noon UTC, so the axis shows the day's date whatever the browser's zone.
  const days = trend.map(d => Date.parse(d.date + 'T12:00:00Z') / 1000);
  const data = [days, trend.map(d => d.opened), trend.map(d => d.closed), trend.map(d => d.breached)];
  const options = {
    width: Math.max(320, Math.min(width || 900, 1100)),
    height: 260,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {x: {time: true}},
    series: [
      {label: 'Day', value: (u, v) => v === null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)},
      {label: 'Opened', stroke: '#1f77b4', width: 2},
      {label: 'Closed', stroke: '#2ca02c', width: 2},
      {label: 'Breached', stroke: '#d62728', width: 2}
    ],
    axes: [{}, {label: 'Tickets'}]
  };
  new uPlot(options, data, holder);
  return holder;
}

function render(node, report, days, pick) {
  node.textContent = '';
  const picker = el('div', null, {class: 'btn-group', role: 'group', 'data-board': 'window-picker'});
  WINDOWS.forEach(n => {
    const button = el('button', n + ' days', {type: 'button', 'data-days': String(n),
      class: 'btn btn-default' + (n === days ? ' active' : '')});
    button.addEventListener('click', () => pick(n));
    picker.appendChild(button);
  });
  node.appendChild(el('h3', 'The last ' + days + ' days', {'data-cell': 'window-title', 'data-days': String(days)}));
  node.appendChild(picker);
  node.appendChild(el('p', 'Tickets created since ' + new Date(report.firstResponse.from).toLocaleString()
    + '; days in ' + report.zone + '.', {class: 'text-muted'}));
  node.appendChild(complianceTable(report));
  node.appendChild(el('h4', 'Per queue'));
  node.appendChild(queueTable(report.byQueue));
  node.appendChild(el('h4', 'Customer satisfaction'));
  node.appendChild(satisfaction(report.satisfaction));
  node.appendChild(el('h4', 'Opened, closed and breached per day'));
  node.appendChild(trendChart(report.trend, node.clientWidth));
}

/** Shows the window part in {@code node}, starting with {@code days}; a pick loads the window again. */
export function showWindow(node, days) {
  stylesheet();
  const pick = n => {
    node.setAttribute('data-loading', String(n));
    fetch('/api/reports/sla?days=' + n, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => {
        if (!response.ok) {
          throw new Error('The SLA report could not be loaded (HTTP ' + response.status + ').');
        }
        return response.json();
      })
      .then(report => {
        render(node, report, n, pick);
        node.removeAttribute('data-loading');
      })
      .catch(e => {
        node.textContent = '';
        node.appendChild(el('p', e.message, {class: 'text-danger', 'data-cell': 'window-error'}));
      });
  };
  pick(days);
}
