/**
 * The timeline chart's pure parts: the time axis (zoom, ticks from years to days), rows per article or per
 * agency, mark placement, the SVG export's escaping, and the checks on the webview's messages.
 */
import { strict as assert } from 'node:assert';
import type { TimelineEntry } from '../../server/src/protocol/newsRequests';
import { assignRows, chartEvents, dayAtX, layoutChart, NO_AGENCY_ROW } from '../../client/src/chart/chartLayout';
import { parseChartMessage } from '../../client/src/chart/chartMessages';
import { chartSvgTree, escapeXml, svgDocument } from '../../client/src/chart/chartSvg';
import { axisTicks, dayNumber, fitWindow, isoOfDay, MIN_SPAN_DAYS, windowAtLevel, zoomWindow } from '../../client/src/chart/timeAxis';

const A = 'file:///news/harbour.news';
const B = 'file:///news/pier.news';

function entry(uri: string, from: string | null, to: string | null, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    uri,
    range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } },
    value: from ?? 'PAST_REF',
    label: from ?? 'in the past',
    from,
    to,
    text: 'Tuesday',
    context: 'The council met on Tuesday.',
    articleTitle: uri === A ? 'Harbour vote' : 'Pier reopens',
    agencies: [],
    ...extra,
  };
}

describe('timeline chart: time axis', function () {
  it('turns ISO days into day numbers and back, and rejects anything else', function () {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('2024-03-01')! - dayNumber('2024-02-28')!, 2); // a leap year
    assert.equal(isoOfDay(dayNumber('2022-03-03')!), '2022-03-03');
    for (const bad of [null, undefined, '2022-03', '2022-13-01', 'PAST_REF', '']) assert.equal(dayNumber(bad), undefined, String(bad));
  });

  it('ticks years when zoomed out, months in between and days when zoomed in', function () {
    const width = 1000;
    const decade = { start: dayNumber('2015-01-01')!, end: dayNumber('2025-01-01')! };
    const years = axisTicks(decade, width);
    assert.equal(years.unit, 'year');
    assert.deepEqual(years.ticks.map((tick) => tick.label).slice(0, 3), ['2015', '2016', '2017']);

    const year = { start: dayNumber('2024-01-01')!, end: dayNumber('2025-01-01')! };
    const months = axisTicks(year, width);
    assert.equal(months.unit, 'month');
    assert.equal(months.ticks[0].label, '2024'); // January says its year
    assert.equal(months.ticks[2].label, 'Mar');
    assert.ok(months.ticks[0].major && !months.ticks[1].major);

    const fortnight = { start: dayNumber('2024-02-25')!, end: dayNumber('2024-03-10')! };
    const days = axisTicks(fortnight, width);
    assert.equal(days.unit, 'day');
    assert.equal(days.step, 1);
    assert.equal(days.ticks[0].label, '25 Feb 2024'); // the first tick names the year
    assert.equal(days.ticks[1].label, '26 Feb');
    assert.ok(days.ticks.find((tick) => tick.label === '1 Mar')?.major);
  });

  it('keeps ticks far enough apart for their labels at every zoom', function () {
    let window = { start: dayNumber('1900-01-01')!, end: dayNumber('2100-01-01')! };
    const units = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const { unit, ticks } = axisTicks(window, 800);
      units.add(unit);
      for (let i = 1; i < ticks.length; i++) assert.ok((ticks[i].day - ticks[i - 1].day) * (800 / (window.end - window.start)) >= 50, `${unit} at step ${step}`);
      window = zoomWindow(window, 0.7);
    }
    assert.deepEqual([...units].sort(), ['day', 'month', 'year']);
  });

  it('zooms around the anchor day, never narrower than a week', function () {
    const window = { start: 0, end: 100 };
    const zoomed = zoomWindow(window, 0.5, 20);
    assert.equal(zoomed.end - zoomed.start, 50);
    assert.equal((20 - zoomed.start) / 50, 0.2); // the anchor keeps its place on screen
    const tight = zoomWindow(window, 0.001);
    assert.equal(tight.end - tight.start, MIN_SPAN_DAYS);
    assert.equal(windowAtLevel(window, 'month').end - windowAtLevel(window, 'month').start, 31);
    const single = fitWindow(10, 10);
    assert.ok(single.start < 10 && single.end > 11 && single.end - single.start >= MIN_SPAN_DAYS);
  });
});

describe('timeline chart: layout', function () {
  const entries = [
    entry(A, '2024-03-01', '2024-03-31', { agencies: ['Harbour Authority'] }),
    entry(B, '2024-03-05', '2024-03-05', { agencies: ['Harbour Authority', 'Port Union'], quote: { speaker: 'Ann Berg', preview: '"We are ready"', location: { uri: B, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 14 } } } } }),
    entry(A, '2024-03-08', '2024-03-08'),
    entry(A, null, null),
  ];

  it('places only entries with calendar days, in the order sent', function () {
    const events = chartEvents(entries);
    assert.deepEqual(events.map((event) => [event.id, event.value]), [[0, '2024-03-01'], [1, '2024-03-05'], [2, '2024-03-08']]);
    assert.equal(events[0].to - events[0].from, 31);
    assert.equal(events[1].quote?.speaker, 'Ann Berg');
  });

  it('has one row per article, or one per agency with an event in each of its agencies', function () {
    const events = chartEvents(entries);
    assert.deepEqual(assignRows(events, 'article'), [
      { label: 'Harbour vote', events: [0, 2] },
      { label: 'Pier reopens', events: [1] },
    ]);
    assert.deepEqual(assignRows(events, 'agency'), [
      { label: 'Harbour Authority', events: [0, 1] },
      { label: 'Port Union', events: [1] },
      { label: NO_AGENCY_ROW, events: [2] },
    ]);
  });

  it('draws a day as a point, a month as a bar, and leaves out what is outside the window', function () {
    const events = chartEvents(entries);
    const rows = assignRows(events, 'article');
    const window = { start: dayNumber('2024-02-20')!, end: dayNumber('2024-04-10')! };
    const scene = layoutChart(events, rows, window, 1200);
    const month = scene.marks.find((mark) => mark.eventId === 0)!;
    const day = scene.marks.find((mark) => mark.eventId === 1)!;
    assert.ok(month.width > 100 && day.width === 0);
    assert.ok(day.quote && !month.quote);
    assert.equal(day.row, 1);
    assert.ok(day.x > month.x && day.x < month.x + month.width);
    const narrow = layoutChart(events, rows, { start: dayNumber('2024-03-07')!, end: dayNumber('2024-03-20')! }, 1200);
    assert.deepEqual(narrow.marks.map((mark) => mark.eventId).sort(), [0, 2]);
    const cut = narrow.marks.find((mark) => mark.eventId === 0)!;
    assert.equal(cut.x, narrow.plotLeft); // a month that began before the window starts at its edge
  });

  it('gives row labels at most a quarter of a narrow chart, and turns a pointer position back into its day', function () {
    const events = chartEvents(entries);
    const window = { start: dayNumber('2024-03-01')!, end: dayNumber('2024-04-01')! };
    const narrow = layoutChart(events, assignRows(events, 'article'), window, 400);
    assert.equal(narrow.plotLeft, 100);
    assert.ok(narrow.ticks.every((tick) => tick.x <= narrow.plotRight - 20), 'no tick label runs off the right edge');
    const day = narrow.marks.find((mark) => mark.eventId === 1)!;
    assert.ok(Math.abs(dayAtX(narrow, window, day.x) - (dayNumber('2024-03-05')! + 0.5)) < 1e-9);
  });
});

describe('timeline chart: SVG', function () {
  it('escapes article text in the exported file, so markup in an article stays text', function () {
    const hostile = entry(A, '2024-03-01', '2024-03-01', {
      articleTitle: '<script>alert(1)</script> & "co"',
      context: 'He wrote <img src=x onerror="alert(2)"> on Tuesday.',
      agencies: ["O'Brien & Sons <Ltd>"],
    });
    const events = chartEvents([hostile]);
    for (const grouping of ['article', 'agency'] as const) {
      const scene = layoutChart(events, assignRows(events, grouping), fitWindow(events[0].from, events[0].from), 900);
      const svg = svgDocument(chartSvgTree(scene, events));
      assert.ok(!svg.includes('<script>') && !svg.includes('<img') && !svg.includes('<Ltd>'), svg);
      assert.match(svg, grouping === 'article' ? /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;co&quot;/ : /O&apos;Brien &amp; Sons &lt;Ltd&gt;/);
      assert.match(svg, /&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt;/);
      assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it('drops characters XML cannot hold and lone surrogates, and keeps emoji whole', function () {
    assert.equal(escapeXml('a\u0001b\ud800c 🚀 <'), 'abc 🚀 &lt;');
  });
});

describe('timeline chart: messages from the webview', function () {
  const known = new Set([A]);
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };

  it('accepts an open at a range in an article the chart was given', function () {
    assert.deepEqual(parseChartMessage({ type: 'open', uri: A, range }, known), { type: 'open', uri: A, range });
    assert.deepEqual(parseChartMessage({ type: 'ready' }, known), { type: 'ready' });
  });

  it('rejects other articles, other schemes, malformed ranges and unknown types', function () {
    for (const bad of [
      { type: 'open', uri: B, range },
      { type: 'open', uri: 'command:workbench.action.terminal.new', range },
      { type: 'open', uri: A, range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'open', uri: A, range: { start: { line: 1.5, character: 0 }, end: range.end } },
      { type: 'open', uri: A },
      { type: 'run', command: 'rm -rf' },
      null,
      'open',
      [1, 2],
    ]) {
      assert.equal(parseChartMessage(bad, known), undefined, JSON.stringify(bad));
    }
  });

  it('accepts an SVG export only with a sane grouping, window and width', function () {
    const window = { start: 10, end: 40 };
    assert.deepEqual(parseChartMessage({ type: 'exportSvg', grouping: 'agency', window, width: 800, extra: 1 }, known), { type: 'exportSvg', grouping: 'agency', window, width: 800 });
    assert.equal(parseChartMessage({ type: 'exportSvg', grouping: 'speaker', window, width: 800 }, known), undefined);
    assert.equal(parseChartMessage({ type: 'exportSvg', grouping: 'article', window: { start: 40, end: 10 }, width: 800 }, known), undefined);
    assert.equal(parseChartMessage({ type: 'exportSvg', grouping: 'article', window, width: 1e9 }, known), undefined);
    assert.equal(parseChartMessage({ type: 'exportSvg', grouping: 'article', window: { start: NaN, end: 10 }, width: 800 }, known), undefined);
  });
});
