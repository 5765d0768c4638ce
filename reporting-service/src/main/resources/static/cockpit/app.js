/*
 * 数字驾驶舱: KPI tiles with targets, town ranking, monthly trend, attention lists, a schematic town map with
 * drill-down (town → establishment one-page view), monthly table and warning notice downloads, live updates from
 * the change stream. Every widget fetches its own endpoint and shows "暂无数据" when it has nothing (or the
 * endpoint is not there): one widget never breaks the page.
 */
(function () {
  'use strict';

  var LABELS = {
    state: { REPORTED: '已上报', TRANSFERRED: '已移交', RECTIFYING: '整改中', REVIEW: '待复核', ENFORCEMENT: '查处中', CLOSED: '已销号', VOIDED: '已作废' },
    source: {
      ENTERPRISE_SELF_CHECK: '企业自查', GRID_PATROL: '网格巡查', LAW_ENFORCEMENT: '执法检查', SUPERIOR_INSPECTION: '上级督查',
      THIRD_PARTY: '第三方服务', PUBLIC_REPORT: '群众举报', SENSOR: '物联感知'
    },
    severity: { GENERAL: '一般', MAJOR: '重大' },
    category: {
      FIRE_SAFETY: '消防安全', ELECTRICAL: '电气安全', DUST_EXPLOSION: '粉尘防爆', HAZARDOUS_CHEMICALS: '危险化学品',
      CONFINED_SPACE: '有限空间', MACHINERY: '机械防护', SPECIAL_EQUIPMENT: '特种设备', GAS: '燃气安全',
      BUILDING: '建筑安全', OCCUPATIONAL_HEALTH: '职业健康', TRAFFIC: '道路交通', OTHER: '其他'
    },
    scope: { CITY: '全市', TOWN: '本镇', DEPARTMENT: '本部门' }
  };

  var config = null;
  var charts = {};
  var state = { scope: null, towns: [], attention: {}, list: 'open-major', overview: null, coverage: [] };
  var api = null;

  // ---------- small helpers ----------
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function label(kind, code) { return (LABELS[kind] && LABELS[kind][code]) || code || '—'; }
  function items(answer) {
    if (!answer) return [];
    if (Array.isArray(answer)) return answer;
    return answer.items || answer.rows || answer.towns || answer.months || answer.warnings || [];
  }
  function num(v) { return typeof v === 'number' ? v : (v && typeof v.value === 'number' ? v.value : null); }
  /** A rate as {value, target, met} from a Rate object or a bare number. */
  function rate(v, fallbackTarget) {
    if (v == null) return null;
    if (typeof v === 'number') return { value: v, target: fallbackTarget, met: fallbackTarget == null ? null : v >= fallbackTarget };
    if (typeof v === 'object') {
      var target = typeof v.target === 'number' ? v.target : fallbackTarget;
      var value = typeof v.value === 'number' ? v.value : null;
      return { value: value, target: target, met: typeof v.met === 'boolean' ? v.met : (value != null && target != null ? value >= target : null) };
    }
    return null;
  }
  function pct(v) { return v == null ? '—' : (Math.round(v * 1000) / 10).toFixed(1) + '%'; }
  function fmt(v) { return v == null ? '—' : (typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v)); }
  function townName(row) { return row.townName || row.townId || '—'; }
  function monthKey(d) { return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'); }
  function pick(obj, keys) {
    if (!obj) return null;
    for (var i = 0; i < keys.length; i++) if (obj[keys[i]] != null) return obj[keys[i]];
    return null;
  }
  function empty(container, colspan) {
    container.textContent = '';
    if (colspan) container.appendChild(el('tr', null, [el('td', { colspan: colspan, class: 'empty', text: '暂无数据' })]));
    else container.appendChild(el('div', { class: 'empty', text: '暂无数据' }));
  }

  // ---------- API ----------
  function Api(base) {
    async function request(path, accept) {
      var token = await CockpitAuth.accessToken();
      var response = await fetch(base + path, { headers: { Authorization: 'Bearer ' + token, Accept: accept || 'application/json' }, cache: 'no-store' });
      if (response.status === 401) {
        await CockpitAuth.refresh();
        token = await CockpitAuth.accessToken();
        response = await fetch(base + path, { headers: { Authorization: 'Bearer ' + token, Accept: accept || 'application/json' }, cache: 'no-store' });
      }
      return response;
    }
    /** JSON, or null when the endpoint is missing, refuses or fails (the widget then shows 暂无数据). */
    this.json = async function (path) {
      try {
        var response = await request(path);
        if (!response.ok) return null;
        return await response.json();
      } catch (e) {
        return null;
      }
    };
    this.blob = async function (path, accept) {
      var response = await request(path, accept);
      if (!response.ok) throw new Error('服务器返回 ' + response.status);
      var disposition = response.headers.get('Content-Disposition') || '';
      var match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
      var name = match ? decodeURIComponent(match[1] || match[2]) : null;
      return { blob: await response.blob(), name: name };
    };
  }

  // ---------- header ----------
  function tickClock() {
    var now = new Date();
    var week = '日一二三四五六'.charAt(now.getDay());
    $('clock-date').textContent = now.getFullYear() + '年' + (now.getMonth() + 1) + '月' + now.getDate() + '日 星期' + week;
    $('clock-time').textContent = now.toLocaleTimeString('zh-CN', { hour12: false });
  }

  function showScope(overview) {
    var claims = CockpitAuth.claims();
    var roles = (claims.realm_access && claims.realm_access.roles) || [];
    var scope = (overview && overview.scope) || null;
    if (!scope) {
      if (roles.indexOf('CITY_ADMIN') >= 0 || roles.indexOf('COCKPIT_VIEWER') >= 0) scope = { kind: 'CITY' };
      else if (claims.town_id) scope = { kind: 'TOWN', townId: claims.town_id };
      else if (claims.department_id) scope = { kind: 'DEPARTMENT', departmentId: claims.department_id };
      else scope = { kind: 'CITY' };
    }
    state.scope = scope;
    var text = scope.kind === 'TOWN' ? '范围：' + (scope.townName || scope.townId)
      : scope.kind === 'DEPARTMENT' ? '范围：' + (scope.departmentName || scope.departmentId)
      : '范围：' + config.cityName + '全市';
    var badge = $('scope');
    badge.textContent = text;
    badge.setAttribute('data-scope-kind', scope.kind);
    badge.setAttribute('data-scope-town', scope.townId || '');
    $('user').textContent = claims.name || claims.preferred_username || '';
  }

  // ---------- KPI tiles ----------
  function setTile(key, text, r, raw) {
    var tile = document.querySelector('.kpi[data-kpi="' + key + '"]');
    if (!tile) return;
    var value = tile.querySelector('.kpi-value');
    if (value.textContent !== text && value.textContent !== '—') {
      tile.classList.add('changed');
      setTimeout(function () { tile.classList.remove('changed'); }, 1500);
    }
    value.textContent = text;
    tile.setAttribute('data-value', raw == null ? '' : String(raw));
    tile.classList.remove('met', 'unmet');
    if (r) {
      if (r.met === true) tile.classList.add('met');
      if (r.met === false) tile.classList.add('unmet');
      var bar = tile.querySelector('.kpi-bar i');
      if (bar) bar.style.width = Math.min(100, Math.round((r.value || 0) * 100)) + '%';
      if (r.target != null) tile.querySelector('.kpi-foot').textContent = '目标 ' + (r.target >= 1 ? '100%' : '≥' + pct(r.target).replace('.0', ''));
    }
  }

  function sectionRate(sections, section, keys, target) {
    var s = sections && sections[section];
    return s ? rate(pick(s, keys), target) : null;
  }

  async function loadOverview() {
    var overview = await api.json('/stats/overview');
    state.overview = overview;
    showScope(overview);
    var h = overview && overview.hazards;
    if (!h) {
      ['total', 'open', 'closed', 'closureRate', 'overdue', 'openMajor'].forEach(function (k) { setTile(k, '暂无数据', null, null); });
    } else {
      setTile('total', fmt(h.total), null, h.total);
      setTile('open', fmt(h.open), null, h.open);
      setTile('closed', fmt(h.closed), null, h.closed);
      var closure = rate(h.closureRate, 1.0);
      setTile('closureRate', closure ? pct(closure.value) : '—', closure, closure && closure.value);
      setTile('overdue', fmt(h.overdue), { value: 0, target: null, met: h.overdue === 0 }, h.overdue);
      setTile('openMajor', fmt(h.openMajor), null, h.openMajor);
    }
    var sections = overview && overview.sections;
    var coverage = sectionRate(sections, 'grid', ['coverage', 'patrolCoverage', 'coverageRate'], 0.9);
    if (!coverage) coverage = await coverageFromTowns();
    setTile('coverage', coverage && coverage.value != null ? pct(coverage.value) : '暂无数据', coverage, coverage && coverage.value);
    var training = sectionRate(sections, 'training', ['participation', 'participationRate', 'trainingParticipation'], 0.8);
    setTile('training', training && training.value != null ? pct(training.value) : '暂无数据', training, training && training.value);
    var handbooks = sectionRate(sections, 'handbooks', ['adoption', 'adoptionRate', 'handbookAdoption'], null);
    setTile('handbooks', handbooks && handbooks.value != null ? pct(handbooks.value) : '暂无数据', handbooks, handbooks && handbooks.value);
    $('as-of').textContent = '数据时间 ' + (overview && overview.asOf ? new Date(overview.asOf).toLocaleString('zh-CN', { hour12: false }) : new Date().toLocaleString('zh-CN', { hour12: false }));
  }

  async function coverageFromTowns() {
    var answer = await api.json('/stats/coverage?month=' + monthKey(new Date()));
    var rows = items(answer);
    state.coverage = rows;
    if (answer && answer.total) return rate(answer.total.coverage || answer.total, 0.9);
    if (!rows.length) return null;
    var est = 0, inspected = 0;
    rows.forEach(function (r) { est += r.establishments || 0; inspected += r.inspected || 0; });
    return est ? { value: inspected / est, target: 0.9, met: inspected / est >= 0.9 } : null;
  }

  // ---------- towns: map, ranking ----------
  function closureClass(row) {
    var r = rate(row.closureRate, 1.0);
    if (!row.total || !r || r.value == null) return 'c-none';
    if (r.value >= 0.95) return 'c-good';
    if (r.value >= 0.8) return 'c-ok';
    if (r.value >= 0.6) return 'c-warn';
    return 'c-bad';
  }

  async function loadTowns() {
    var answer = await api.json('/stats/towns?size=200');
    var rows = items(answer);
    if (state.scope && state.scope.kind === 'TOWN') {
      // a town officer's answer holds their town only; if the ranking is not open to them, show their own block
      rows = rows.filter(function (r) { return r.townId === state.scope.townId; });
      if (!rows.length && state.overview && state.overview.hazards) {
        var h = state.overview.hazards;
        rows = [{ townId: state.scope.townId, townName: state.scope.townName, total: h.total, open: h.open, closed: h.closed,
          closureRate: h.closureRate, overdue: h.overdue, openMajor: h.openMajor, escalated: h.escalated, rank: null }];
      }
    }
    rows.sort(function (a, b) { return (a.rank || 999) - (b.rank || 999); });
    state.towns = rows;
    drawMap(rows);
    drawRanking(rows);
  }

  function drawMap(rows) {
    var map = $('town-map');
    if (!rows.length) { empty(map); return; }
    map.textContent = '';
    rows.forEach(function (row) {
      var r = rate(row.closureRate, 1.0);
      map.appendChild(el('div', { class: 'town ' + closureClass(row), 'data-town-id': row.townId, title: townName(row), onclick: function () { openTown(row.townId); } }, [
        el('div', { class: 'town-name', text: townName(row) }),
        el('div', { class: 'town-rate', text: r && r.value != null ? pct(r.value) : '—' }),
        el('div', { class: 'town-sub', text: '隐患 ' + fmt(row.total) + ' · 超期 ' + fmt(row.overdue) }),
        el('div', { class: 'town-sub', text: '重大 ' + fmt(row.openMajor) })
      ]));
    });
  }

  function drawRanking(rows) {
    var body = $('ranking-table').querySelector('tbody');
    if (!rows.length) {
      empty(body, 7);
      chart('ranking-chart', null);
      return;
    }
    body.textContent = '';
    rows.forEach(function (row, i) {
      var r = rate(row.closureRate, 1.0);
      body.appendChild(el('tr', { 'data-town-id': row.townId, onclick: function () { openTown(row.townId); } }, [
        el('td', { class: 'num', text: fmt(row.rank || i + 1) }), el('td', { text: townName(row) }),
        el('td', { class: 'num', text: fmt(row.total) }), el('td', { class: 'num', text: fmt(row.open) }),
        el('td', { class: 'num', text: fmt(row.overdue) }), el('td', { class: 'num', text: fmt(row.openMajor) }),
        el('td', { class: 'num', text: r ? pct(r.value) : '—' })
      ]));
    });
    var ordered = rows.slice().reverse();
    chart('ranking-chart', {
      grid: { left: 70, right: 50, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return v + '%'; } },
      xAxis: { type: 'value', max: 100, axisLabel: { color: '#7e9cc4', formatter: '{value}%' }, splitLine: { lineStyle: { color: '#12345e' } } },
      yAxis: { type: 'category', data: ordered.map(townName), axisLabel: { color: '#d8e9ff' } },
      series: [{
        type: 'bar', barWidth: '55%',
        data: ordered.map(function (row) {
          var r = rate(row.closureRate, 1.0);
          var v = r && r.value != null ? Math.round(r.value * 1000) / 10 : 0;
          return { value: v, itemStyle: { color: v >= 95 ? '#2bd97c' : v >= 80 ? '#8fd14f' : v >= 60 ? '#f5b83d' : '#ff5b5b', borderRadius: [0, 3, 3, 0] } };
        }),
        label: { show: true, position: 'right', color: '#d8e9ff', formatter: '{c}%' },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#27d3ff', type: 'dashed' }, label: { color: '#27d3ff', position: 'insideEndBottom', formatter: '目标 100%' }, data: [{ xAxis: 100 }] }
      }]
    });
  }

  // ---------- trend ----------
  async function loadMonths() {
    var now = new Date();
    var from = new Date(now.getFullYear(), now.getMonth() - 11, 1);
    var answer = await api.json('/stats/months?from=' + monthKey(from) + '&to=' + monthKey(now) + '&size=200');
    var rows = items(answer).slice().sort(function (a, b) { return String(a.month).localeCompare(String(b.month)); });
    if (!rows.length) { chart('trend-chart', null); return; }
    var series = function (name, key, color, area) {
      var has = rows.some(function (r) { return r[key] != null; });
      return has ? { name: name, type: 'line', smooth: true, symbolSize: 6, data: rows.map(function (r) { return r[key]; }),
        lineStyle: { width: 2, color: color }, itemStyle: { color: color }, areaStyle: area ? { color: color, opacity: 0.12 } : undefined } : null;
    };
    var list = [series('上报', 'reported', '#27d3ff', true), series('销号', 'closed', '#2bd97c', false),
      series('月末未销号', 'openAtEnd', '#f5b83d', false), series('月末超期', 'overdueAtEnd', '#ff5b5b', false)].filter(Boolean);
    chart('trend-chart', {
      grid: { left: 44, right: 16, top: 34, bottom: 26 },
      legend: { top: 0, textStyle: { color: '#d8e9ff' } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.month; }), axisLabel: { color: '#7e9cc4' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#7e9cc4' }, splitLine: { lineStyle: { color: '#12345e' } } },
      series: list
    });
  }

  // ---------- attention lists ----------
  function hazardRow(h, onclick) {
    var severity = h.severity || (h.major ? 'MAJOR' : 'GENERAL');
    var level = h.level || h.escalationLevel;
    return el('tr', { 'data-establishment-id': h.establishmentId || '', onclick: onclick }, [
      el('td', { text: h.establishmentName || h.establishmentId || '—' }),
      el('td', { text: h.townName || h.townId || '—' }),
      el('td', { text: label('category', h.category) }),
      el('td', null, [el('span', { class: 'tag ' + (severity === 'MAJOR' ? 'tag-major' : 'tag-general'), text: label('severity', severity) + (level ? ' · ' + level + '级' : '') })]),
      el('td', { text: label('state', h.state) }),
      el('td', { text: h.deadline ? String(h.deadline).slice(0, 10) : '—' })
    ]);
  }

  async function loadAttention() {
    var lists = ['open-major', 'overdue', 'escalated'];
    var answers = await Promise.all(lists.map(function (l) { return api.json('/stats/hazards?list=' + l + '&size=50'); }));
    lists.forEach(function (l, i) { state.attention[l] = items(answers[i]); });
    drawAttention();
  }

  function drawAttention() {
    var body = $('attention-table').querySelector('tbody');
    var rows = state.attention[state.list] || [];
    if (!rows.length) { empty(body, 6); return; }
    body.textContent = '';
    rows.forEach(function (h) {
      body.appendChild(hazardRow(h, h.establishmentId ? function () { openEstablishment(h.establishmentId, h.establishmentName, null); } : null));
    });
  }

  // ---------- reports and warnings ----------
  function fillMonths() {
    var select = $('report-month');
    var now = new Date();
    for (var i = 0; i < 12; i++) {
      var d = new Date(now.getFullYear(), now.getMonth() - i, 1);
      var key = monthKey(d);
      select.appendChild(el('option', { value: key, text: d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + (i === 0 ? '（本月）' : '') }));
    }
    select.selectedIndex = now.getDate() <= 10 ? 1 : 0; // early in a month the bureau reports the last one
    select.addEventListener('change', loadWarnings);
  }

  async function download(path, fallbackName, accept) {
    var status = $('download-status');
    status.classList.remove('error');
    status.textContent = '正在生成 ' + fallbackName + ' …';
    try {
      var file = await api.blob(path, accept);
      var name = file.name || fallbackName;
      var url = URL.createObjectURL(file.blob);
      var a = el('a', { href: url, download: name });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      status.textContent = '已下载 ' + name + '（' + fmt(file.blob.size) + ' 字节）';
      status.setAttribute('data-downloaded', name);
    } catch (e) {
      status.classList.add('error');
      status.textContent = '下载失败：' + e.message;
    }
  }

  async function loadWarnings() {
    var month = $('report-month').value;
    var answer = await api.json('/warnings?month=' + month);
    var list = $('warnings');
    var rows = items(answer);
    list.textContent = '';
    if (!rows.length) { list.appendChild(el('li', { class: 'empty', text: answer ? '本月无预警' : '暂无数据' })); return; }
    rows.forEach(function (w) {
      list.appendChild(el('li', null, [el('b', { text: w.townName || w.townId || '全市' }),
        document.createTextNode(w.reason || w.ruleName || w.rule || '')]));
    });
  }

  // ---------- drill-down ----------
  var drawerHistory = [];
  function openDrawer(title, body, back) {
    $('drawer-title').textContent = title;
    var container = $('drawer-body');
    container.textContent = '';
    container.appendChild(body);
    $('drawer').classList.remove('hidden');
    $('drawer-back').classList.toggle('hidden', !back);
    $('drawer-back').onclick = back || null;
  }
  function closeDrawer() { $('drawer').classList.add('hidden'); drawerHistory = []; state.openTown = null; state.openEstablishment = null; }

  function facts(pairs) {
    return el('div', { class: 'facts' }, pairs.map(function (p) {
      return el('div', { class: 'fact' }, [el('div', { class: 'fact-label', text: p[0] }), el('div', { class: 'fact-value', text: p[1] })]);
    }));
  }

  function openTown(townId) {
    state.openTown = townId;
    state.openEstablishment = null;
    var row = state.towns.filter(function (r) { return r.townId === townId; })[0] || { townId: townId };
    var body = el('div', { 'data-town-detail': townId });
    var closure = rate(row.closureRate, 1.0);
    body.appendChild(facts([['排名', fmt(row.rank)], ['隐患总数', fmt(row.total)], ['未销号', fmt(row.open)], ['已销号', fmt(row.closed)],
      ['销号率', closure ? pct(closure.value) : '—'], ['超期', fmt(row.overdue)], ['在办重大', fmt(row.openMajor)], ['升级督办', fmt(row.escalated)]]));
    var cov = (state.coverage || []).filter(function (r) { return r.townId === townId; })[0];
    if (cov) {
      var c = rate(cov.coverage, 0.9);
      body.appendChild(facts([['企业数', fmt(cov.establishments)], ['本月已巡查', fmt(cov.inspected)], ['巡查覆盖率', c ? pct(c.value) : '—'], ['目标', '≥90%']]));
    }
    body.appendChild(el('div', { class: 'section-title', text: '本镇重点关注企业（点击查看一企一档）' }));
    var seen = {};
    var table = el('table', { class: 'table' }, [el('thead', null, [el('tr', null, ['企业', '镇（区）', '类别', '等级', '状态', '期限'].map(function (t) { return el('th', { text: t }); }))])]);
    var tbody = el('tbody');
    ['open-major', 'overdue', 'escalated'].forEach(function (l) {
      (state.attention[l] || []).forEach(function (h) {
        if (h.townId !== townId) return;
        var key = (h.id || h.hazardId || '') + l;
        if (seen[key]) return;
        seen[key] = true;
        tbody.appendChild(hazardRow(h, h.establishmentId ? function () { openEstablishment(h.establishmentId, h.establishmentName, townId); } : null));
      });
    });
    if (!tbody.childNodes.length) tbody.appendChild(el('tr', null, [el('td', { colspan: 6, class: 'empty', text: '暂无数据' })]));
    table.appendChild(tbody);
    body.appendChild(table);
    openDrawer(townName(row) + ' · 镇（区）详情', body, null);
  }

  function renderValue(v) {
    if (v == null) return '—';
    if (typeof v !== 'object') return label('state', label('source', String(v)));
    var r = rate(v, null);
    if (r && r.value != null && 'target' in v) return pct(r.value) + (r.target != null ? '（目标 ' + pct(r.target) + '）' : '');
    if (Array.isArray(v)) return v.length + ' 项';
    return Object.keys(v).map(function (k) { return label('source', label('state', k)) + ' ' + (typeof v[k] === 'object' ? JSON.stringify(v[k]) : v[k]); }).join('，');
  }

  var SECTION_TITLES = {
    establishment: '企业概况', facts: '企业概况', hazards: '隐患', patrols: '网格巡查', training: '培训', handbooks: '安全手册',
    checklists: '检查清单', checklistRuns: '检查清单执行'
  };
  var FIELD_TITLES = {
    name: '企业名称', townName: '所属镇（区）', industry: '行业', kind: '类型', address: '地址', total: '总数', open: '未销号', closed: '已销号',
    bySource: '按来源', byState: '按状态', overdue: '超期', lastPatrol: '最近巡查', count: '次数', participation: '参训率', adoption: '采用情况'
  };

  async function openEstablishment(id, name, fromTown) {
    state.openEstablishment = id;
    var back = fromTown ? function () { openTown(fromTown); } : null;
    var loading = el('div', { class: 'empty', text: '加载中…' });
    openDrawer((name || id) + ' · 一企一档', loading, back);
    var view = await api.json('/stats/establishments/' + encodeURIComponent(id));
    var body = el('div', { 'data-establishment-detail': id });
    if (!view) {
      body.appendChild(el('div', { class: 'empty', text: '暂无数据' }));
    } else {
      var title = pick(view, ['name', 'establishmentName']) || (view.establishment && view.establishment.name) || name || id;
      Object.keys(view).forEach(function (key) {
        var value = view[key];
        if (value == null || typeof value !== 'object' || Array.isArray(value)) return;
        body.appendChild(el('div', { class: 'section-title', text: SECTION_TITLES[key] || key }));
        var dl = el('dl', { class: 'kv' });
        Object.keys(value).forEach(function (k) {
          dl.appendChild(el('dt', { text: FIELD_TITLES[k] || k }));
          dl.appendChild(el('dd', { text: renderValue(value[k]) }));
        });
        body.appendChild(dl);
      });
      var plain = Object.keys(view).filter(function (k) { return view[k] == null || typeof view[k] !== 'object'; });
      if (plain.length) {
        var dl2 = el('dl', { class: 'kv' });
        plain.forEach(function (k) { dl2.appendChild(el('dt', { text: FIELD_TITLES[k] || k })); dl2.appendChild(el('dd', { text: renderValue(view[k]) })); });
        body.insertBefore(dl2, body.firstChild);
      }
      $('drawer-title').textContent = title + ' · 一企一档';
    }
    if (state.openEstablishment === id) openDrawer($('drawer-title').textContent, body, back);
  }

  // ---------- charts ----------
  function chart(id, option) {
    var node = $(id);
    if (!window.echarts) { node.textContent = '暂无数据'; return; }
    if (!option) {
      if (charts[id]) { charts[id].dispose(); delete charts[id]; }
      node.textContent = '';
      node.appendChild(el('div', { class: 'empty', text: '暂无数据' }));
      return;
    }
    if (!charts[id]) { node.textContent = ''; charts[id] = echarts.init(node, null, { renderer: 'canvas' }); }
    charts[id].setOption(option, true);
  }

  // ---------- refresh, live updates, nightly reload ----------
  // Hints are gathered (300 ms) and refetches spaced (at least 1.5 s apart): during a burst of events every
  // screen refetches a few times, not once per batch (all cockpit screens share the gateway's per-client budget).
  var refreshTimer = null;
  var lastRefresh = 0;
  var MIN_SPACING = 1500;
  async function refreshAll() {
    lastRefresh = Date.now();
    await loadOverview();
    await Promise.all([loadTowns(), loadMonths(), loadAttention(), loadWarnings()]);
    document.body.setAttribute('data-refreshed-at', String(Date.now()));
  }
  function refreshSoon() {
    if (refreshTimer) return; // one refetch is already due; it takes this hint along
    var wait = Math.max(300, lastRefresh + MIN_SPACING - Date.now());
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refreshAll().then(function () { if (state.openTown && !state.openEstablishment) openTown(state.openTown); });
    }, wait);
  }

  function startStream() {
    var live = $('live');
    CockpitStream.connect({
      url: config.streamPath,
      token: CockpitAuth.accessToken,
      onState: function (on) { live.className = 'live ' + (on ? 'live-on' : 'live-off'); live.setAttribute('data-live', on ? 'true' : 'false'); },
      onEvent: function (evt) {
        if (evt.event === 'change') {
          live.classList.add('live-flash');
          setTimeout(function () { live.classList.remove('live-flash'); }, 800);
          refreshSoon();
        }
      }
    });
    // a safety net when no stream can be held open (e.g. a proxy that cuts it): refetch every minute
    setInterval(function () { if (live.getAttribute('data-live') !== 'true') refreshSoon(); }, 60000);
  }

  function scheduleNightlyReload() {
    var parts = String(config.nightlyReload || '03:00').split(':');
    var now = new Date();
    var at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Number(parts[0]) || 3, Number(parts[1]) || 0, 0);
    if (at <= now) at.setDate(at.getDate() + 1);
    $('reload-at').textContent = String(parts[0]).padStart(2, '0') + ':' + String(parts[1] || '00').padStart(2, '0');
    setTimeout(function () { location.reload(); }, at - now);
  }

  async function main() {
    try {
      var response = await fetch('config.json', { cache: 'no-store' });
      config = await response.json();
    } catch (e) {
      $('login-message').textContent = '无法读取驾驶舱配置，请稍后重试。';
      return;
    }
    try {
      var ready = await CockpitAuth.start(config);
      if (!ready) return; // on the way to the login page
    } catch (e) {
      $('login-message').textContent = e.message;
      var button = $('login-button');
      button.classList.remove('hidden');
      button.onclick = function () { CockpitAuth.login(); };
      return;
    }
    api = new Api(config.apiBase);
    $('login-screen').classList.add('hidden');
    $('app').classList.remove('hidden');
    $('city-name').textContent = config.cityName;
    document.title = config.cityName + '安全生产六化数字驾驶舱';
    $('logout').onclick = CockpitAuth.logout;
    $('drawer-close').onclick = closeDrawer;
    $('drawer').addEventListener('click', function (e) { if (e.target === $('drawer')) closeDrawer(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeDrawer(); });
    Array.prototype.forEach.call(document.querySelectorAll('#list-tabs .tab'), function (tab) {
      tab.onclick = function () {
        Array.prototype.forEach.call(document.querySelectorAll('#list-tabs .tab'), function (t) { t.classList.remove('active'); });
        tab.classList.add('active');
        state.list = tab.getAttribute('data-list');
        drawAttention();
      };
    });
    fillMonths();
    $('download-xlsx').onclick = function () {
      var month = $('report-month').value;
      download('/reports/monthly.xlsx?month=' + month, '安全生产六化月度进展表-' + month + '.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    };
    $('download-notice').onclick = function () {
      var month = $('report-month').value;
      download('/warnings/notice?month=' + month, '预警通报-' + month + '.html', 'text/html');
    };
    tickClock();
    setInterval(tickClock, 1000);
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
    scheduleNightlyReload();
    await refreshAll();
    document.body.setAttribute('data-ready', 'true');
    startStream();
  }

  document.addEventListener('DOMContentLoaded', main);
})();
