// The chain page: one complaint's journey across the organisations, read from the hub's audit API.
// Every piece of data is written with textContent (never innerHTML): titles and details come from other systems.
(() => {
  'use strict';

  const KEY_STORAGE = 'hub.apiKey';
  const ROLE_ORDER = ['servicedesk', 'facility', 'contractor'];
  const ROLE_LABELS = { servicedesk: 'Service desk', facility: 'Building manager', contractor: 'Contractor' };
  const MILESTONE_LABELS = {
    Forwarded: 'Forwarded to the building manager',
    WorkOrderSent: 'Work order sent to the contractor',
    Accepted: 'Contractor accepted the work order',
    Appointment: 'Appointment set',
    Delayed: 'Delayed (e.g. waiting for parts)',
    Done: 'Work done',
    Refused: 'Contractor refused; another one is being found',
    Cancelled: 'Cancelled',
    StillWaiting: 'Still waiting; the reporter was told',
  };
  // Entries an auditor needs but a reader of the journey does not: the hub hearing its own writes, repeats, clamps.
  const BOOKKEEPING_OUTCOMES = ['SkippedAsEcho', 'SkippedAsDuplicate', 'Ignored', 'Clamped'];
  const BOOKKEEPING_KINDS = ['ClockClamped', 'Superseded'];
  const PAGE_SIZE = 500;
  const MAX_PAGES = 20;

  const byId = (id) => document.getElementById(id);

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  // The test harness (and a bookmarked link) may hand the key over as #key=…: keep it for this tab, then drop it from the URL.
  function takeKeyFromFragment() {
    if (!location.hash) {
      return;
    }
    const key = new URLSearchParams(location.hash.slice(1)).get('key');
    if (key) {
      sessionStorage.setItem(KEY_STORAGE, key);
    }
    history.replaceState(null, '', location.pathname + location.search);
  }

  async function api(path) {
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (!key) {
      throw new ApiError(401, '');
    }
    const response = await fetch(path, {
      headers: { 'X-Api-Key': key, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.status === 401) {
      sessionStorage.removeItem(KEY_STORAGE);
      throw new ApiError(401, 'The API key was refused. Enter a valid key.');
    }
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        message = problem.detail || problem.title || message;
      } catch {
        // Not a problem body; keep the status line.
      }
      throw new ApiError(response.status, message);
    }
    return response.json();
  }

  function requested() {
    const parts = location.pathname.split('/').filter(Boolean);
    if (parts.length >= 2 && parts[0] === 'chain') {
      return { caseId: decodeURIComponent(parts[1]) };
    }
    const ref = new URLSearchParams(location.search).get('ref');
    return ref ? { ref } : {};
  }

  async function allEvents(caseId) {
    const events = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await api('/api/cases/' + encodeURIComponent(caseId) + '/events?page=' + page + '&pageSize=' + PAGE_SIZE);
      events.push(...result.items);
      if (!result.hasMore) {
        return { events, complete: true };
      }
    }
    return { events, complete: false };
  }

  function setState(state) {
    document.body.dataset.state = state;
  }

  function say(text) {
    byId('message').textContent = text;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function utc(iso) {
    return iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '';
  }

  function duration(seconds) {
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (minutes < 1) {
      return '<1m';
    }
    if (hours < 1) {
      return minutes + 'm';
    }
    if (days < 1) {
      return hours + 'h ' + String(minutes % 60).padStart(2, '0') + 'm';
    }
    return days + 'd ' + (hours % 24) + 'h';
  }

  function roleLabel(role) {
    return ROLE_LABELS[role] || role;
  }

  // An appointment is told in its own offset (the contractor's local time), e.g. "2026-12-03 08:00–11:00 (UTC+01:00)".
  function localWindow(from, until) {
    const offset = from.length > 19 ? from.slice(from.search(/[Zz+-](?=[^T]*$)/)) : '';
    const zone = offset === '' || offset === 'Z' || offset === '+00:00' ? 'UTC' : 'UTC' + offset;
    return from.slice(0, 16).replace('T', ' ') + (until ? '–' + until.slice(11, 16) : '') + ' (' + zone + ')';
  }

  function isBookkeeping(entry) {
    return BOOKKEEPING_OUTCOMES.includes(entry.outcome) || BOOKKEEPING_KINDS.includes(entry.kind);
  }

  function outcomeClass(outcome) {
    return 'outcome outcome-' + String(outcome).replace(/[^A-Za-z]/g, '');
  }

  function rolesOf(detail) {
    const roles = [...ROLE_ORDER];
    for (const link of detail.links) {
      if (!roles.includes(link.role)) {
        roles.push(link.role);
      }
    }
    return roles;
  }

  function laneOf(entry, roleBySystem) {
    return roleBySystem.get(entry.targetSystem) || roleBySystem.get(entry.sourceSystem) || null;
  }

  function renderSummary(detail) {
    byId('case-title').textContent = detail.title || '(no title)';
    byId('case-id').textContent = detail.caseId;
    byId('case-status').textContent = detail.status || '—';
  }

  function renderNow(journey) {
    const now = journey.now;
    const at = byId('now-at');
    at.replaceChildren();
    if (!now) {
      at.textContent = 'No organisation holds a record yet';
      byId('now-who').textContent = '';
      byId('now-since').textContent = '';
    } else {
      at.append(element('strong', now.isFinished ? 'Finished' : roleLabel(now.role)));
      at.append(' · ' + (now.party ? now.party + ' · ' : '') + now.system + (now.number ? ' ' + now.number : ''));
      byId('now-who').textContent = now.person ? 'last heard from ' + now.person : '';
      const stay = journey.stays.find((s) => s.isCurrent);
      byId('now-since').textContent = (now.isFinished ? 'finished at ' : 'since ') + utc(now.since) + ' UTC'
        + (stay ? ' · ' + duration(stay.heldSeconds) : '');
    }
    const next = journey.next;
    byId('next-step').textContent = next ? next.text + ' — ' + roleLabel(next.role) : 'Nothing: the complaint is ' + (journey.isFinished ? 'finished' : 'waiting');
    byId('next-when').textContent = next && next.expectedFrom ? 'expected ' + localWindow(next.expectedFrom, next.expectedUntil) : '';
    byId('now').classList.toggle('finished', journey.isFinished);
  }

  function renderStatuses(journey) {
    const list = byId('statuses');
    list.replaceChildren();
    for (const system of journey.systems) {
      const item = element('li');
      item.dataset.system = system.system;
      item.append(element('span', roleLabel(system.role), 'who'), ' ');
      item.append(element('span', system.system + (system.number ? ' ' + system.number : ''), 'record'), ' ');
      item.append(element('strong', system.statusName || '—', 'status-name'));
      if (system.statusValue && system.statusName && system.statusValue !== system.statusName) {
        item.append(element('span', ' (' + system.statusValue + ')', 'code'));
      }
      list.append(item);
    }
  }

  function renderMilestones(journey) {
    const list = byId('milestones');
    list.replaceChildren();
    if (journey.milestones.length === 0) {
      list.append(element('li', 'No milestone yet', 'empty'));
    }
    for (const step of journey.milestones) {
      const item = element('li');
      item.dataset.milestone = step.milestone;
      item.append(element('time', utc(step.at) + ' UTC'));
      const label = MILESTONE_LABELS[step.milestone] || step.milestone;
      item.append(element('span', step.milestone === 'Appointment' && step.appointmentStart
        ? label + ': ' + localWindow(step.appointmentStart, step.appointmentEnd) : label, 'what'));
      item.append(element('span', ' · ' + roleLabel(step.role), 'who'));
      if (step.reporterToldAt) {
        item.append(element('span', 'reporter told at ' + utc(step.reporterToldAt) + ' UTC', 'told'));
      }
      list.append(item);
    }

    const stays = byId('stays');
    stays.replaceChildren();
    const longest = Math.max(1, ...journey.stays.map((s) => s.heldSeconds));
    for (const stay of journey.stays) {
      const item = element('li', null, stay.isCurrent ? 'current' : '');
      item.dataset.role = stay.role;
      item.append(element('span', roleLabel(stay.role) + (stay.party ? ' · ' + stay.party : ''), 'who'));
      const bar = element('span', null, 'bar');
      bar.append(element('span', null, 'fill'));
      bar.firstChild.dataset.share = String(Math.max(2, Math.round(100 * stay.heldSeconds / longest)));
      item.append(bar, element('span', duration(stay.heldSeconds) + (stay.isCurrent ? ' so far' : ''), 'held'));
      stays.append(item);
    }
    // Widths from data (the CSP allows no inline style attributes in markup, but CSSOM is fine).
    for (const fill of stays.querySelectorAll('.fill')) {
      fill.style.width = fill.dataset.share + '%';
    }
  }

  function renderLane(role, detail, steps) {
    const links = detail.links.filter((l) => l.role === role);
    const stays = detail.stays.filter((s) => s.role === role);
    const current = stays.some((s) => s.isCurrent);
    const lane = element('article', null, 'lane');
    lane.dataset.role = role;
    lane.classList.add(links.length === 0 ? 'absent' : current ? 'current' : 'done');

    const heading = element('h3', role);
    if (current) {
      heading.append(element('span', 'now here', 'badge'));
    }
    lane.append(heading);

    if (links.length === 0) {
      lane.append(element('p', 'not involved yet', 'record'));
    }
    for (const link of links) {
      lane.append(element('p', link.system + ' · ' + (link.number || link.externalId), 'record'));
    }
    if (stays.length > 0) {
      const waited = element('p', null, 'waited');
      waited.append('waited ', element('strong', duration(stays.reduce((sum, s) => sum + s.waitedSeconds, 0))));
      const first = stays[0];
      const last = stays[stays.length - 1];
      waited.append(' (' + utc(first.from) + ' → ' + (last.until ? utc(last.until) : 'now') + ')');
      lane.append(waited);
    }

    const list = element('ol', null, 'steps');
    for (const entry of steps) {
      const item = element('li', null, isBookkeeping(entry) ? 'bookkeeping' : '');
      item.append(element('time', utc(entry.at)));
      item.append(element('span', entry.kind + ' '));
      item.append(element('span', entry.outcome, outcomeClass(entry.outcome)));
      const route = [entry.sourceSystem, entry.targetSystem].filter(Boolean).join(' → ');
      if (route) {
        item.append(element('div', route));
      }
      if (entry.error || entry.detail) {
        item.append(element('div', entry.error || entry.detail));
      }
      list.append(item);
    }
    lane.append(list);
    return lane;
  }

  function renderEntries(events) {
    const body = byId('entries').tBodies[0];
    body.replaceChildren();
    for (const entry of events) {
      const row = element('tr', null, isBookkeeping(entry) ? 'bookkeeping' : '');
      row.append(
        element('td', entry.sequence),
        element('td', utc(entry.at)),
        element('td', entry.kind),
        element('td', entry.sourceSystem),
        element('td', entry.targetSystem),
        element('td', entry.outcome, outcomeClass(entry.outcome)),
        element('td', entry.error || entry.detail, 'detail'));
      body.append(row);
    }
  }

  function render(detail, journey, loaded) {
    renderSummary(detail);
    renderNow(journey);
    renderStatuses(journey);
    renderMilestones(journey);
    const roleBySystem = new Map(detail.links.map((l) => [l.system, l.role]));
    const lanes = byId('lanes');
    lanes.replaceChildren();
    for (const role of rolesOf(detail)) {
      const steps = loaded.events.filter((e) => laneOf(e, roleBySystem) === role);
      lanes.append(renderLane(role, detail, steps));
    }
    renderEntries(loaded.events);
    byId('journal-count').textContent = String(loaded.events.length);
    byId('bookkeeping-count').textContent = String(loaded.events.filter(isBookkeeping).length);
    say(loaded.complete ? '' : 'Showing the first ' + loaded.events.length + ' entries; use `hub log --case ' + detail.caseId + '` for all.');
    byId('case').hidden = false;
  }

  function showMatches(reference, matches) {
    say('"' + reference + '" matches ' + matches.length + ' cases; choose one:');
    const list = element('ul');
    for (const match of matches) {
      const item = element('li');
      const link = element('a', match.caseId);
      link.href = '/chain/' + encodeURIComponent(match.caseId);
      item.append(link, ' ' + (match.title || '') + ' (' + match.matchedBy + ')');
      list.append(item);
    }
    byId('message').append(list);
    setState('choose');
  }

  function askForKey(reason) {
    const form = byId('key-form');
    if (reason) {
      byId('key-reason').textContent = reason;
    }
    form.hidden = false;
    byId('key-input').focus();
    setState('needs-key');
  }

  async function load() {
    const target = requested();
    if (!target.caseId && !target.ref) {
      say('Enter a reference to trace a complaint.');
      setState('idle');
      return;
    }
    try {
      let caseId = target.caseId;
      if (!caseId) {
        byId('find-ref').value = target.ref;
        const matches = await api('/api/cases?ref=' + encodeURIComponent(target.ref));
        if (matches.length === 0) {
          say('No case found for "' + target.ref + '".');
          setState('not-found');
          return;
        }
        if (matches.length > 1) {
          showMatches(target.ref, matches);
          return;
        }
        caseId = matches[0].caseId;
      }
      const detail = await api('/api/cases/' + encodeURIComponent(caseId));
      const journey = await api('/api/cases/' + encodeURIComponent(caseId) + '/journey');
      const loaded = await allEvents(caseId);
      render(detail, journey, loaded);
      setState('ready');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        askForKey(error.message);
        return;
      }
      say(error.message);
      setState('error');
    }
  }

  function start() {
    takeKeyFromFragment();
    byId('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY_STORAGE, byId('key-input').value);
      byId('key-input').value = '';
      byId('key-form').hidden = true;
      say('');
      load();
    });
    byId('show-bookkeeping').addEventListener('change', (event) => {
      byId('journal').classList.toggle('with-bookkeeping', event.target.checked);
    });
    byId('find').addEventListener('submit', (event) => {
      event.preventDefault();
      location.assign('/chain?ref=' + encodeURIComponent(byId('find-ref').value.trim()));
    });
    load();
  }

  start();
})();
