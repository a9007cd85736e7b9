// The planning page of `mixlab serve` (GET /): per channel a spend per period (slider + number),
// the horizon, and what the server's own POST /whatif and POST /optimize answer for them — the
// planned response with its 90 % interval, total spend and ROAS, the optimiser's split of the same
// budget (with a button that applies it), and each channel's response curve with the current and
// planned spend marked. Plain browser JavaScript, no build step; Plotly comes from the server
// (/plotly.min.js). <body data-busy> is "true" while an input waits for its answer (tests wait on it).

/** Milliseconds an input waits for the next one before the page asks the server. */
const DEBOUNCE_MS = 200;
/** Points of each response curve (0 … the slider's end), plus the current spend. */
const CURVE_POINTS = 24;
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#7f7f7f"];

const $ = (selector) => document.querySelector(selector);
const state = {
  model: null, // id of the model answering
  channels: [], // channel names, in the model's order
  current: {}, // current spend per period (the server's recent average), by channel
  rows: {}, // { number, slider, current, response, roas } elements by channel
  curves: null, // { periods, max: {channel: end of grid}, answer } of the last curve request
  optimal: null, // the last /optimize answer
  unit: "periods", // what a period is: weeks, days
  timer: null, // the debounce timer
  controller: null, // aborts the refresh under way
};

/** Six significant digits: what the page shows and sends as a spend (the inputs hold what is sent). */
const round6 = (x) => Number(x.toPrecision(6));

/** fmt(x, digits) → x with thousands separators, `digits` decimals at most (fewer when |x| is large). */
function fmt(x, digits = 2) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "—";
  const d = Math.abs(x) >= 1000 ? 0 : digits;
  return x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

/** ratio(x) → a ROAS with two decimals. */
const ratio = (x) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(2) : "—");

/** niceCeil(x) → the smallest 1, 2 or 5 × 10^k at least x (the end of a slider). */
function niceCeil(x) {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x * (1 - 1e-12));
}

/** api(path, body, signal) → the JSON answer of POST path?model=… for the current model. @throws Error with the server's message */
async function api(path, body, signal) {
  const response = await fetch(`${path}?model=${encodeURIComponent(state.model)}`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal,
  });
  if (response.ok) return response.json();
  const error = await response.json().then((a) => a.error, () => undefined);
  throw new Error(`${path}: ${error ?? `${response.status} ${response.statusText}`}`);
}

function showError(message) {
  $("[data-status]").textContent = message;
}

/** periods() → the horizon typed in, or null when it is not an integer ≥ 1. */
function periods() {
  const k = Number($("[data-plan-periods]").value);
  return Number.isInteger(k) && k >= 1 ? k : null;
}

/** plannedSpend() → spend per period by channel from the number inputs, or null (and a message) when one is not a number ≥ 0. */
function plannedSpend() {
  const spend = {};
  for (const c of state.channels) {
    const input = state.rows[c].number;
    const v = input.value.trim() === "" ? Number.NaN : Number(input.value);
    input.classList.toggle("bad", !(v >= 0));
    if (!(v >= 0)) {
      showError(`the spend of ${c} must be a number ≥ 0`);
      return null;
    }
    spend[c] = v;
  }
  return spend;
}

function setBusy() {
  document.body.dataset.busy = String(state.timer !== null || state.controller !== null);
}

/** schedule() asks the server again DEBOUNCE_MS after the last input. */
function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.timer = null;
    refresh();
  }, DEBOUNCE_MS);
  setBusy();
}

/** refresh() sends the inputs to /whatif and /optimize (and the curves when they need it) and shows the answers; an older refresh still under way is aborted. */
async function refresh() {
  state.controller?.abort();
  const spend = plannedSpend();
  const k = periods();
  if (spend === null || k === null) {
    if (k === null) showError("the horizon must be a whole number of periods ≥ 1");
    state.controller = null;
    return setBusy();
  }
  const controller = new AbortController();
  state.controller = controller;
  setBusy();
  const whatIfBody = { spend, periods: k };
  const budget = state.channels.reduce((s, c) => s + spend[c] * k, 0);
  try {
    // The plan is the page's answer; the optimiser's split and the curves may fail alone (the
    // curves' 413 over a long horizon) and say so where they would be.
    const [plan, optimal, curves] = await Promise.allSettled([
      api("/whatif", whatIfBody, controller.signal),
      api("/optimize", { budget, periods: k }, controller.signal),
      ensureCurves(spend, k, controller.signal),
    ]);
    if (controller.signal.aborted) return;
    if (plan.status === "rejected") throw plan.reason;
    showError(optimal.status === "rejected" ? optimal.reason.message : "");
    showPlan(plan.value, whatIfBody, budget);
    if (optimal.status === "fulfilled") showOptimal(optimal.value, spend, k, plan.value.response);
    else clearOptimal();
    if (curves.status === "fulfilled") drawCurves(plan.value);
    else clearCurves(k, curves.reason.message);
  } catch (err) {
    if (controller.signal.aborted) return;
    showError(err.message);
  } finally {
    if (state.controller === controller) {
      state.controller = null;
      setBusy();
    }
  }
}

/** showPlan(plan, body, budget) writes the /whatif answer: the response (data-value), its interval, spend, ROAS, and each channel's part. */
function showPlan(plan, body, budget) {
  const el = $("[data-planned-response]");
  el.dataset.value = String(plan.response);
  el.dataset.request = JSON.stringify(body);
  el.textContent = fmt(plan.response);
  const interval = $("[data-planned-interval]");
  const hasInterval = typeof plan.response_low === "number" && typeof plan.response_high === "number";
  interval.dataset.low = hasInterval ? String(plan.response_low) : "";
  interval.dataset.high = hasInterval ? String(plan.response_high) : "";
  interval.textContent = hasInterval
    ? `90 % interval ${fmt(plan.response_low)} to ${fmt(plan.response_high)}`
    : "no interval: this model was saved without bootstrap or posterior draws";
  const total = $("[data-total-spend]");
  total.dataset.value = String(budget);
  total.textContent = `${fmt(budget)} (${fmt(budget / plan.periods)} per period)`;
  const roas = $("[data-roas]");
  roas.dataset.value = budget > 0 ? String(plan.response / budget) : "";
  roas.textContent = budget > 0 ? ratio(plan.response / budget) : "—";
  for (const ch of plan.channels) {
    const row = state.rows[ch.name];
    row.response.textContent = fmt(ch.response);
    row.roas.textContent = ratio(ch.roas);
  }
}

/** showOptimal(answer, spend, k, planned) fills the optimiser's table and enables its button. */
function showOptimal(answer, spend, k, planned) {
  state.optimal = answer;
  const body = $("[data-optimal-rows]");
  body.replaceChildren(...answer.allocation.map((a) => tableRow([
    a.name, fmt(spend[a.name]), fmt(a.optimal / k), `${fmt(100 * a.share, 1)} %`, fmt(a.response), ratio(a.mroas),
  ], { "data-optimal": a.name, "data-value": String(a.optimal / k) })));
  const gain = planned !== 0 ? (100 * (answer.optimal_response - planned)) / Math.abs(planned) : Number.NaN;
  $("[data-optimal-summary]").textContent =
    `Same budget (${fmt(answer.budget)}), response ${fmt(answer.optimal_response)}: ${gain >= 0 ? "+" : ""}${fmt(gain, 1)} % on your plan's ${fmt(planned)}.`;
  $("[data-apply-optimal]").disabled = false;
}

function clearOptimal() {
  state.optimal = null;
  $("[data-optimal-rows]").replaceChildren();
  $("[data-optimal-summary]").textContent = "";
  $("[data-apply-optimal]").disabled = true;
}

function tableRow(cells, attributes = {}) {
  const tr = document.createElement("tr");
  for (const [name, value] of Object.entries(attributes)) tr.setAttribute(name, value);
  for (const text of cells) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

/** applyOptimal() puts the optimiser's split (per period, six digits) into the inputs and asks again. */
function applyOptimal() {
  const k = state.optimal?.periods;
  if (!k) return;
  for (const a of state.optimal.allocation) setSpend(a.name, round6(a.optimal / k));
  schedule();
}

/** setSpend(channel, value) writes a spend into the channel's number and slider (widening the slider when the value is past its end). */
function setSpend(channel, value) {
  const row = state.rows[channel];
  row.number.value = String(value);
  if (value > Number(row.slider.max)) setSliderEnd(row.slider, niceCeil(1.5 * value));
  row.slider.value = String(value);
}

function setSliderEnd(slider, end) {
  slider.max = String(end);
  slider.step = String(end / 200);
}

/**
 * ensureCurves(spend, k, signal) asks /whatif once for every channel's curve on its slider's grid
 * (the model is additive across channels, so scenario j sets every channel to j/N of its slider's
 * end, and one more scenario, naming no channel, holds every channel at its current spend — the
 * server's average over the last k observed periods), unless the last curves cover this horizon and
 * these spends. The current spend column follows that horizon.
 */
async function ensureCurves(spend, k, signal) {
  const max = Object.fromEntries(state.channels.map((c) => [c, Number(state.rows[c].slider.max)]));
  const c = state.curves;
  if (c && c.periods === k && state.channels.every((ch) => c.max[ch] === max[ch] && spend[ch] <= max[ch])) return;
  const scenarios = [];
  for (let j = 0; j <= CURVE_POINTS; j++) scenarios.push(Object.fromEntries(state.channels.map((ch) => [ch, (max[ch] * j) / CURVE_POINTS])));
  scenarios.push({});
  const answer = await api("/whatif", { scenarios, periods: k }, signal);
  state.curves = { periods: k, max, answer };
  for (const ch of answer.scenarios[CURVE_POINTS + 1].channels) {
    state.current[ch.name] = round6(ch.spend / k);
    state.rows[ch.name].current.textContent = fmt(state.current[ch.name]);
  }
}

/** drawCurves(plan) draws one small chart per channel: its curve, the current spend (open circle) and the plan (filled). */
function drawCurves(plan) {
  const { answer, max } = state.curves;
  const n = state.channels.length;
  const columns = Math.min(document.getElementById("curves").clientWidth < 800 ? 2 : 3, n);
  const rows = Math.ceil(n / columns);
  const data = [];
  const annotations = [];
  state.channels.forEach((c, i) => {
    const axis = i === 0 ? "" : String(i + 1);
    const color = COLORS[i % COLORS.length];
    const on = { xaxis: `x${axis}`, yaxis: `y${axis}` };
    const point = (scenario) => scenario.channels.find((ch) => ch.name === c);
    const curve = answer.scenarios.slice(0, CURVE_POINTS + 1);
    const now = point(answer.scenarios[CURVE_POINTS + 1]);
    const planned = point(plan);
    data.push({ ...on, type: "scatter", mode: "lines", name: c, x: curve.map((s) => point(s).spend / plan.periods), y: curve.map((s) => point(s).response), line: { color, width: 2 }, showlegend: false });
    data.push({ ...on, type: "scatter", mode: "markers", name: "current spend", legendgroup: "current", showlegend: i === 0, x: [now.spend / plan.periods], y: [now.response], marker: { size: 16, color: "rgba(0,0,0,0)", line: { color: "#1d2733", width: 2 } } });
    data.push({ ...on, type: "scatter", mode: "markers", name: "planned spend", legendgroup: "planned", showlegend: i === 0, x: [planned.spend / plan.periods], y: [planned.response], marker: { size: 9, color, line: { color: "#1d2733", width: 1 } } });
    annotations.push({ text: `<b>${c.replace(/[<>&]/g, "")}</b>`, xref: `x${axis} domain`, yref: `y${axis} domain`, x: 0.5, y: 1.12, showarrow: false });
  });
  const layout = {
    grid: { rows, columns, pattern: "independent", ygap: 0.3, xgap: 0.1 },
    annotations,
    margin: { t: 70, r: 20, b: 30, l: 60 },
    legend: { orientation: "h", x: 0, y: 1 + 40 / (260 * rows), yanchor: "bottom" }, // 40 px over the plots
    hovermode: "closest",
    height: 100 + 260 * rows,
  };
  // Every x axis from 0 to the end of its channel's grid (a little room for a marker at 0).
  state.channels.forEach((c, i) => {
    layout[`xaxis${i === 0 ? "" : i + 1}`] = { range: [-0.03 * max[c], 1.03 * max[c]] };
  });
  $("[data-curves-note]").textContent = `Each channel's incremental response over ${plan.periods} ${state.unit} (vertical) against its spend per period (horizontal).`;
  document.getElementById("curves").style.height = `${layout.height}px`;
  Plotly.react("curves", data, layout, { responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showTips: false });
}

/** clearCurves(k, why) empties the curves and the current spend column (both depend on the horizon k) and says why. */
function clearCurves(k, why) {
  Plotly.purge("curves");
  document.getElementById("curves").style.height = "0";
  $("[data-curves-note]").textContent = `No response curves or current spend for ${k} ${state.unit}: ${why}`;
  for (const c of state.channels) state.rows[c].current.textContent = "—";
}

/** channelRow(channel, i) → the table row of a channel: name, number, slider, current spend, response, ROAS. */
function channelRow(channel, i) {
  const tr = document.createElement("tr");
  const cell = (child, className) => {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (child) td.append(child);
    tr.append(td);
    return td;
  };
  const swatch = Object.assign(document.createElement("span"), { className: "swatch" });
  swatch.style.background = COLORS[i % COLORS.length];
  cell(swatch).append(channel);
  const number = Object.assign(document.createElement("input"), { type: "number", min: "0", step: "any", required: true });
  number.dataset.channel = channel;
  number.setAttribute("aria-label", `${channel} spend per period`);
  cell(number);
  const slider = Object.assign(document.createElement("input"), { type: "range", min: "0" });
  slider.dataset.slider = channel;
  slider.setAttribute("aria-label", `${channel} spend per period (slider)`);
  cell(slider, "slider");
  const rows = { number, slider, current: cell(document.createTextNode(fmt(state.current[channel]))), response: cell(), roas: cell() };
  number.addEventListener("input", () => {
    const v = Number(number.value);
    if (number.value.trim() !== "" && v >= 0) setSpend(channel, v);
    schedule();
  });
  slider.addEventListener("input", () => {
    number.value = String(round6(Number(slider.value)));
    schedule();
  });
  return { tr, rows };
}

/**
 * loadModel(id, info) starts the page over for a model: the plan with every channel at its current spend
 * (POST /whatif with no spend named) gives the default horizon and the current spend per period.
 */
async function loadModel(id, info) {
  state.controller?.abort();
  clearTimeout(state.timer);
  state.timer = null;
  state.model = id;
  state.curves = null;
  state.optimal = null;
  $("[data-apply-optimal]").disabled = true;
  state.unit = info.frequency === "daily" ? "days" : info.frequency === "weekly" ? "weeks" : "periods";
  $("[data-period-unit]").textContent = state.unit;
  const base = await api("/whatif", { spend: {} });
  state.channels = base.channels.map((c) => c.name);
  state.current = Object.fromEntries(base.channels.map((c) => [c.name, round6(c.spend / base.periods)]));
  $("[data-plan-periods]").value = String(base.periods);
  const top = Math.max(...Object.values(state.current), 0);
  state.rows = {};
  const trs = state.channels.map((c, i) => {
    const { tr, rows } = channelRow(c, i);
    state.rows[c] = rows;
    setSliderEnd(rows.slider, niceCeil(3 * (state.current[c] > 0 ? state.current[c] : top)));
    setSpend(c, state.current[c]);
    return tr;
  });
  $("[data-channel-rows]").replaceChildren(...trs);
  await refresh();
}

/** modelPicker(models, id) fills the model picker (shown only with several models). */
function modelPicker(models, id) {
  const select = $("[data-model-picker]");
  select.replaceChildren(...models.map((m) => Object.assign(document.createElement("option"), { value: m.id, textContent: `${m.id} (${m.model_type})`, selected: m.id === id })));
  $("[data-model-label]").hidden = models.length < 2;
  select.addEventListener("change", () => {
    const url = new URL(window.location.href);
    url.searchParams.set("model", select.value);
    window.history.replaceState(null, "", url);
    loadModel(select.value, models.find((m) => m.id === select.value)).catch((err) => showError(err.message));
  });
}

async function start() {
  const models = await (await fetch("/models")).json();
  const asked = new URLSearchParams(window.location.search).get("model");
  const chosen = asked === null ? models.find((m) => m.default) ?? models[0] : models.find((m) => m.id === asked);
  if (chosen === undefined) throw new Error(`no model ${asked} here; the models are ${models.map((m) => m.id).join(", ")}`);
  modelPicker(models, chosen.id);
  $("[data-plan-periods]").addEventListener("input", schedule);
  $("[data-apply-optimal]").addEventListener("click", applyOptimal);
  await loadModel(chosen.id, chosen);
}

start().catch((err) => {
  showError(err.message);
  document.body.dataset.busy = "false";
});
