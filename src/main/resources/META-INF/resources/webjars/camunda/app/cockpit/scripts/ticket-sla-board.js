// ticketflow's "Ticket SLA board" on the Cockpit dashboard. It reads GET /api/reports/sla/board with the
// manager's Cockpit session (the /api chain accepts that session for GETs of /api/reports/** only), so there is
// no second login; the endpoint's group checks (support managers, support leads, administrators) apply.
// Everything from the server is put in with textContent, never as markup. Below the board, the window part
// (ticket-sla-window.js) shows the figures of the last 7, 30 or 90 days with the trend chart.

import {showWindow} from './ticket-sla-window.js';

const BOARD_URL = '/api/reports/sla/board';
const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'WITH_ENGINEERING', 'SOLUTION_PROPOSED'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function duration(seconds) {
  const s = Math.abs(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [];
  if (d) parts.push(d + 'd');
  if (h) parts.push(h + 'h');
  if (m || !parts.length) parts.push(m + 'm');
  return parts.join(' ');
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : (Math.round(rate * 1000) / 10) + ' %';
}

function table(headings, attributes) {
  const t = el('table', null, Object.assign({class: 'table table-condensed cam-table'}, attributes));
  const row = el('tr');
  headings.forEach(h => row.appendChild(el('th', h)));
  t.appendChild(el('thead')).appendChild(row);
  t.appendChild(el('tbody'));
  return t;
}

function openTable(open) {
  const statuses = STATUSES.slice();
  const priorities = PRIORITIES.slice();
  open.byPriorityAndStatus.forEach(c => {
    if (!statuses.includes(c.status)) statuses.push(c.status);
    if (!priorities.includes(c.priority)) priorities.push(c.priority);
  });
  const count = (p, s) => open.byPriorityAndStatus
    .filter(c => (p === null || c.priority === p) && (s === null || c.status === s))
    .reduce((sum, c) => sum + c.count, 0);
  const t = table(['Priority'].concat(statuses, ['Total']), {'data-board': 'open'});
  const body = t.querySelector('tbody');
  priorities.concat([null]).forEach(p => {
    const row = el('tr');
    row.appendChild(el(p === null ? 'th' : 'td', p === null ? 'Total' : p));
    statuses.concat([null]).forEach(s => row.appendChild(el('td', count(p, s),
      {'data-cell': 'open:' + (p || 'ALL') + ':' + (s || 'ALL')})));
    body.appendChild(row);
  });
  return t;
}

function clockTable(name, clocks) {
  const t = table(['Ticket', 'Priority', 'Queue', 'Commitment', 'Due', 'Time to / past due'], {'data-board': name});
  const body = t.querySelector('tbody');
  if (!clocks.length) {
    const row = el('tr');
    row.appendChild(el('td', 'None', {colspan: '6'}));
    body.appendChild(row);
  }
  clocks.forEach(c => {
    const row = el('tr', null, {'data-ticket': c.ticketId, 'data-commitment': c.commitment});
    const ticket = el('td');
    if (c.processInstanceId) {
      ticket.appendChild(el('a', c.ticketId,
        {href: '#/process-instance/' + encodeURIComponent(c.processInstanceId) + '/runtime'}));
    } else {
      ticket.textContent = c.ticketId;
    }
    row.appendChild(ticket);
    row.appendChild(el('td', c.priority));
    row.appendChild(el('td', c.queue));
    row.appendChild(el('td', c.commitment));
    row.appendChild(el('td', c.dueAt ? new Date(c.dueAt).toLocaleString() : '–'));
    row.appendChild(el('td', c.secondsToDue >= 0 ? 'due in ' + duration(c.secondsToDue)
      : duration(c.secondsToDue) + ' past due', {'data-seconds-to-due': String(c.secondsToDue)}));
    body.appendChild(row);
  });
  return t;
}

function complianceTable(week, month) {
  const t = table(['Priority', 'Met / decided (7 days)', '7 days', 'Met / decided (30 days)', '30 days',
    'Median first response (30 days)'], {'data-board': 'compliance'});
  const body = t.querySelector('tbody');
  const priorities = PRIORITIES.slice();
  month.byPriority.concat(week.byPriority).forEach(c => {
    if (!priorities.includes(c.priority)) priorities.push(c.priority);
  });
  const find = (window, p) => window.byPriority.find(c => c.priority === p) || {decided: 0, met: 0, rate: null, medianSeconds: null};
  const line = (label, w, m) => {
    const row = el('tr', null, {'data-priority': label});
    row.appendChild(el('td', label));
    row.appendChild(el('td', w.met + ' / ' + w.decided, {'data-cell': 'compliance7d:' + label}));
    row.appendChild(el('td', percent(w.rate)));
    row.appendChild(el('td', m.met + ' / ' + m.decided, {'data-cell': 'compliance30d:' + label}));
    row.appendChild(el('td', percent(m.rate)));
    row.appendChild(el('td', m.medianSeconds === null || m.medianSeconds === undefined ? '–' : duration(m.medianSeconds),
      {'data-cell': 'median30d:' + label}));
    body.appendChild(row);
  };
  priorities.forEach(p => line(p, find(week, p), find(month, p)));
  line('All', week, month);
  return t;
}

function render(node, board) {
  node.textContent = '';
  const section = el('section', null, {id: 'ticket-sla-board', 'data-generated-at': board.generatedAt});
  section.appendChild(el('h1', 'Ticket SLA board', {class: 'section-title'}));
  section.appendChild(el('p', 'As of ' + new Date(board.generatedAt).toLocaleString() + ' · ' + board.openTickets.total
    + ' open tickets', {'data-cell': 'open-total'}));
  section.appendChild(el('h3', 'Open tickets by priority and status'));
  section.appendChild(openTable(board.openTickets));
  section.appendChild(el('h3', 'Breached (' + board.breached.length + ')', {'data-cell': 'breached-count'}));
  section.appendChild(clockTable('breached', board.breached));
  section.appendChild(el('h3', 'At risk (' + board.atRisk.length + ')', {'data-cell': 'at-risk-count'}));
  section.appendChild(clockTable('at-risk', board.atRisk));
  section.appendChild(el('h3', 'First-response compliance'));
  section.appendChild(el('p', 'Tickets created in the window whose first response is decided (met or breached); '
    + 'compliant when met by its due time. Median: creation to first reply.', {class: 'text-muted'}));
  section.appendChild(complianceTable(board.firstResponse7d, board.firstResponse30d));
  const windowPart = el('div', null, {id: 'ticket-sla-window'});
  section.appendChild(windowPart);
  node.appendChild(section);
  showWindow(windowPart, 7);
}

function failed(node, message) {
  node.textContent = '';
  const section = el('section', null, {id: 'ticket-sla-board'});
  section.appendChild(el('h1', 'Ticket SLA board', {class: 'section-title'}));
  section.appendChild(el('p', message, {class: 'text-danger', 'data-cell': 'error'}));
  node.appendChild(section);
}

export default {
  id: 'ticketSlaBoard',
  pluginPoint: 'cockpit.dashboard',
  priority: 10,
  render: node => {
    node.textContent = 'Loading the ticket SLA board…';
    fetch(BOARD_URL, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => {
        if (response.status === 401 || response.status === 403) {
          throw new Error('Your groups do not show the ticket SLA board (support managers, support leads, administrators).');
        }
        if (!response.ok) {
          throw new Error('The ticket SLA board could not be loaded (HTTP ' + response.status + ').');
        }
        return response.json();
      })
      .then(board => render(node, board))
      .catch(e => failed(node, e.message));
  }
};
