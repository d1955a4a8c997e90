import assert from 'node:assert/strict';
import { annotate } from '../../server/src/analysis/annotate';
import { findDates } from '../../server/src/analysis/dates/dates';
import { expandTwoDigitYear, formatWeek, isoWeek, weekdayRelativeTo, yearOfRecurring } from '../../server/src/analysis/dates/timex';

/** The dates found in `text` as "text → value" strings, in order. */
function dates(text: string, published: string): string[] {
  return findDates(text, published).map((d) => `${d.text} → ${d.value}`);
}

function valueOf(text: string, phrase: string, published: string): string | undefined {
  const found = findDates(text, published).find((d) => d.text === phrase);
  return found?.value;
}

describe('findDates: explicit calendar dates', () => {
  const published = '2022-03-03';

  it('reads month-day-year, day-month-year and ISO dates with their offsets', () => {
    const text = 'The treaty, signed on March 3, 2022, replaced one from 3 March 1998 and a draft dated 2021-11-30.';
    const found = findDates(text, published);
    assert.deepEqual(
      found.map((d) => [d.text, d.value, d.resolution]),
      [
        ['March 3, 2022', '2022-03-03', 'explicit'],
        ['3 March 1998', '1998-03-03', 'explicit'],
        ['2021-11-30', '2021-11-30', 'explicit'],
      ],
    );
    for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  });

  it('keeps a weekday written with the date in the span', () => {
    assert.deepEqual(dates('The paper said in an editorial on Monday, Oct. 26, 1998, that the law was clear.', published), [
      'Monday, Oct. 26, 1998 → 1998-10-26',
    ]);
  });

  it('tags a month with a year at month granularity, and a bare year', () => {
    assert.deepEqual(dates('The plant closed in July 1997 and reopened in 2021.', published), ['July 1997 → 1997-07', '2021 → 2021']);
  });

  it('takes the year of a month and day from the publication date, preferring the recent past', () => {
    assert.equal(valueOf('The rocket was rolled out on Nov. 25, engineers said.', 'Nov. 25', '2023-01-07'), '2022-11-25');
    assert.equal(valueOf('The hearing is set for Feb. 10.', 'Feb. 10', '2023-01-07'), '2023-02-10');
    const found = findDates('The launch slipped to March 3.', published)[0];
    assert.equal(found.resolution, 'year-inferred');
  });

  it('tags both days of "April 24 and 25"', () => {
    assert.deepEqual(dates('Leaders meet on April 24 and 25 in the capital.', '2022-02-10'), ['April 24 → 2022-04-24', '25 → 2022-04-25']);
  });

  it('does not take counts, money or the modal "may" for dates', () => {
    assert.deepEqual(dates('Ninety-six countries, seven astronauts and $2,000 may be involved, and 1,998 people signed.', published), []);
  });
});

describe('findDates: weekdays', () => {
  it('resolves an unmarked weekday in a past-tense sentence to the latest such day, not crossing the publication date', () => {
    // Published Monday 2 January 2023.
    assert.equal(valueOf('The agency said on Friday that the probe was lost.', 'Friday', '2023-01-02'), '2022-12-30');
  });

  it('leaves "on" outside the span and resolves the publication day itself', () => {
    const found = findDates('Russia on Thursday announced that it was ending the joint experiments.', '2022-03-03');
    assert.deepEqual(found.map((d) => [d.text, d.value, d.resolution]), [['Thursday', '2022-03-03', 'weekday']]);
  });

  it('resolves "last Sunday" and "next Monday" across a month end', () => {
    // Published Tuesday 1 March 2022.
    const text = 'The crew returned last Sunday and will fly again next Monday.';
    assert.deepEqual(dates(text, '2022-03-01'), ['last Sunday → 2022-02-27', 'next Monday → 2022-03-07']);
  });

  it('looks ahead for a weekday in a future-tense sentence', () => {
    assert.equal(valueOf('The minister will travel to Nairobi on Thursday.', 'Thursday', '2022-03-01'), '2022-03-03');
    assert.equal(valueOf('Protesters planned a march on Saturday.', 'Saturday', '2022-12-29'), '2022-12-31');
  });

  it('looks back across a year end', () => {
    assert.equal(valueOf('Officials said Wednesday that the talks had failed.', 'Wednesday', '2023-01-02'), '2022-12-28');
  });

  it('marks a weekday with a part of the day', () => {
    assert.equal(valueOf('The blast hit the embassy Friday morning, police said.', 'Friday morning', '2022-03-05'), '2022-03-04TMO');
  });

  it('resolves a clock time to its day', () => {
    assert.deepEqual(dates('The deadline was extended until 9 a.m. EST Tuesday.', '2022-03-07'), ['9 a.m. EST Tuesday → 2022-03-08T09:00']);
    assert.deepEqual(dates('The blast came at about 10:35 a.m. on the busy street.', '2022-03-07'), ['10:35 a.m. → 2022-03-07T10:35']);
  });
});

describe('findDates: dates relative to the publication date', () => {
  const published = '2022-03-03'; // a Thursday in ISO week 9

  it('resolves days', () => {
    assert.deepEqual(dates('Yesterday the council met; today it votes; tomorrow it adjourns.', published), [
      'Yesterday → 2022-03-02',
      'today → 2022-03-03',
      'tomorrow → 2022-03-04',
    ]);
  });

  it('resolves weeks, months and years at their own granularity', () => {
    const text = 'The probe was launched last week, the report is due next month, and costs rose this year.';
    assert.deepEqual(dates(text, published), ['last week → 2022-W08', 'next month → 2022-04', 'this year → 2022']);
  });

  it('leaves "earlier" out of "earlier this month", as TimeML does', () => {
    assert.deepEqual(dates('The mission was delayed earlier this month.', published), ['this month → 2022-03']);
  });

  it('resolves "N units ago"', () => {
    assert.deepEqual(dates('The station was hit two weeks ago; the treaty was signed a decade ago.', published), [
      'two weeks ago → 2022-W07',
      'a decade ago → 2012',
    ]);
  });

  it('crosses a year end for "last week" and "last month"', () => {
    assert.deepEqual(dates('The report came out last week and the fire was last month.', '2021-01-06'), [
      'last week → 2020-W53',
      'last month → 2020-12',
    ]);
  });
});

describe('findDates: decades, quarters, seasons, fiscal years, references', () => {
  const published = '2022-03-03';

  it('normalises decades (three digits, as TIMEX3 writes them) and two-digit years', () => {
    assert.deepEqual(dates("Budgets grew in the 1990s and shrank in the early '80s.", published), ['1990s → 199', "early '80s → 198"]);
  });

  it('resolves quarters and fiscal years (a fiscal year as its calendar year, as TimeBank has it)', () => {
    assert.deepEqual(dates('Profit rose in the third quarter of 2021 and in fiscal 1999.', published), [
      'the third quarter of 2021 → 2021-Q3',
      'fiscal 1999 → 1999',
    ]);
    assert.equal(valueOf('Sales fell in the fourth quarter, the company said.', 'the fourth quarter', published), '2021-Q4');
  });

  it('resolves seasons', () => {
    assert.equal(valueOf('The crew will launch in the summer.', 'summer', published), '2022-SU');
    assert.equal(valueOf('He was shot last fall.', 'last fall', published), '2021-FA');
  });

  it('tags holidays on their real dates', () => {
    assert.equal(valueOf('The boy was rescued on Thanksgiving Day.', 'Thanksgiving Day', '2023-01-10'), '2022-11-24');
    assert.equal(valueOf('Pilgrims gathered for Easter.', 'Easter', '2022-04-20'), '2022-04-17');
  });

  it('tags "now" contrasting with another time as PRESENT_REF, but not "will now" or a sentence-opening "Now,"', () => {
    assert.deepEqual(dates('For now, the embassy works from a hotel.', published), ['now → PRESENT_REF']);
    assert.deepEqual(dates('The experiments will now be conducted independently.', published), []);
    assert.deepEqual(dates('Now, the agency says, the plan has changed.', published), []);
  });

  it('gives a generic "today" PRESENT_REF and keeps the day where "today" is the day', () => {
    const published = '2022-10-05';
    assert.deepEqual(dates('Pensions matter more in the world today, the minister said today.', published), [
      'today → PRESENT_REF',
      'today → 2022-10-05',
    ]);
    assert.deepEqual(dates("In today's economy, savers lose out.", published), ['today → PRESENT_REF']);
    assert.deepEqual(dates('The children of today read less.', published), ['today → PRESENT_REF']);
    assert.deepEqual(dates('The council votes today at noon.', published), ['today → 2022-10-05', 'noon → 2022-10-05T12:00']);
    assert.deepEqual(dates("Today's meeting was cancelled.", published), ['Today → 2022-10-05']);
  });

  it('does not read dates inside hashtags, handles or model names', () => {
    assert.deepEqual(dates('Follow #ClassOf2020 and @Vote2022 for news of the ceremony on March 3.', published), ['March 3 → 2022-03-03']);
    assert.deepEqual(dates('The A320 and the F2020 prototypes flew in 2019.', published), ['2019 → 2019']);
  });

  it('leaves a date: or published: header line out: it is metadata, not a date in the story', () => {
    assert.deepEqual(dates('---\ndate: 2022-03-03\ntitle: Launch\n---', published), []);
    assert.deepEqual(dates('Published: March 3, 2022\nThe launch is on March 10.', published), ['March 10 → 2022-03-10']);
  });

  it('tags "recently" as PAST_REF and "currently" as PRESENT_REF, as TimeML does', () => {
    assert.deepEqual(dates('The port recently reopened and currently handles 40 ships a day.', published), [
      'recently → PAST_REF',
      'currently → PRESENT_REF',
    ]);
    assert.deepEqual(dates('Three ministers resigned, most recently last October.', '2022-03-03'), ['last October → 2021-10']);
    assert.deepEqual(dates('Most recently, the agency froze its projects. Five crew members currently living aboard are safe.', published), []);
    assert.deepEqual(dates('The company is currently being audited.', published), ['currently → PRESENT_REF']);
  });

  it('tags the future as FUTURE_REF', () => {
    assert.deepEqual(dates('Nobody knows what the future holds.', published), ['the future → FUTURE_REF']);
    assert.deepEqual(dates('The base stays open for the foreseeable future.', published), []);
  });

  it('does not tag durations or sets', () => {
    assert.deepEqual(dates('The talks lasted three years and the crew trains every week, for two weeks at a time.', published), []);
  });
});

describe('findDates: broadcast and business forms', () => {
  it('reads years spelt out as transcripts write them', () => {
    assert.deepEqual(dates('Atlanta, nineteen ninety-six. January nineteen ninety-seven. By the year two thousand.', '1998-03-03'), [
      'nineteen ninety-six → 1996',
      'January nineteen ninety-seven → 1997-01',
      'the year two thousand → 2000',
    ]);
  });

  it('resolves "last night", "the last half of", vague "years ago" and "last February" in early March', () => {
    assert.deepEqual(dates('Rebels attacked last night; profit fell in the last half of 1997.', '1998-03-03'), [
      'last night → 1998-03-02TNI',
      'the last half of 1997 → 1997-H2',
    ]);
    assert.deepEqual(dates('The mill closed several years ago.', '1998-03-03'), ['several years ago → PAST_REF']);
    assert.deepEqual(dates('Two helicopters crashed last February.', '1998-03-01'), ['last February → 1997-02']);
    assert.deepEqual(dates('Two helicopters crashed last October.', '1998-03-01'), ['last October → 1997-10']);
  });

  it('reads "in the past", "the past year", "the full year" and "year-end", but no durations', () => {
    assert.deepEqual(
      dates('In the past, the port grew slowly; over the past year it doubled. Sales for the full year rose and the sale closes by year-end.', '1998-03-03'),
      ['the past → PAST_REF', 'the past year → 1997', 'the full year → 1998', 'year-end → 1998-12'],
    );
    assert.deepEqual(dates('Sales fell over the past two months, and the year before they rose.', '1998-03-03'), []);
  });
});

describe('timex calendar helpers', () => {
  it('puts 2021-01-03 in ISO week 53 of 2020 and 2022-03-03 in week 9', () => {
    assert.deepEqual(isoWeek({ year: 2021, month: 1, day: 3 }), { year: 2020, week: 53 });
    assert.equal(formatWeek({ year: 2022, month: 3, day: 3 }), '2022-W09');
    assert.equal(formatWeek({ year: 2024, month: 12, day: 30 }), '2025-W01');
  });

  it('finds weekdays relative to a day in each direction', () => {
    const monday = { year: 2023, month: 1, day: 2 };
    assert.deepEqual(weekdayRelativeTo(monday, 5, 'past'), { year: 2022, month: 12, day: 30 });
    assert.deepEqual(weekdayRelativeTo(monday, 5, 'future'), { year: 2023, month: 1, day: 6 });
    assert.deepEqual(weekdayRelativeTo(monday, 1, 'past', true), { year: 2022, month: 12, day: 26 });
  });

  it('places a yearly day in the right year', () => {
    const reference = { year: 2022, month: 1, day: 15 };
    assert.equal(yearOfRecurring(reference, 12, 20, 'past'), 2021);
    assert.equal(yearOfRecurring(reference, 12, 20, 'future'), 2022);
    assert.equal(yearOfRecurring(reference, 2, 1, 'nearest'), 2022);
  });

  it('expands two-digit years towards the reference year', () => {
    assert.equal(expandTwoDigitYear(98, 2022), 1998);
    assert.equal(expandTwoDigitYear(21, 2022), 2021);
  });
});

describe('findDates: more forms', () => {
  it('reads an apostrophe year after a preposition', () => {
    assert.deepEqual(dates("The base has been empty since '98.", '2022-03-03'), ["'98 → 1998"]);
  });

  it('reads decade words and ordinal centuries', () => {
    assert.deepEqual(dates('The program began in the sixties and ended in the 20th century.', '2022-03-03'), [
      'sixties → 196',
      'the 20th century → 19',
    ]);
  });

  it('resolves "that same day" and "later that year" to the date they point back to', () => {
    assert.deepEqual(dates('He left in June 1998 and returned later that year.', '2000-01-28'), ['June 1998 → 1998-06', 'later that year → 1998']);
    assert.deepEqual(dates('The bridge was closed that same day.', '2022-03-03'), []);
  });

  it('anchors "the week of" and "the day before" on the date that follows', () => {
    assert.deepEqual(dates('A hearing is planned for the week of March 6.', '2000-02-24'), ['the week of March 6 → 2000-W10']);
    assert.deepEqual(dates('Talks stalled the day before last Tuesday.', '2000-02-24'), ['the day before last Tuesday → 2000-02-21']);
  });
});

describe('findDates: tense around the date', () => {
  it('keeps a yearless day that passed days ago in its own year, even in a future-tense sentence', () => {
    // Reported speech about a deadline that has just gone by, not the same day a year on.
    assert.equal(valueOf('The ministry said it would publish the audit by Feb. 2.', 'Feb. 2', '2023-02-06'), '2023-02-02');
    assert.equal(valueOf('The summit will open on Feb. 20, organisers said.', 'Feb. 20', '2023-03-01'), '2024-02-20');
  });

  it('reads "until" with a past perfect as looking back', () => {
    // Published Friday 4 March 2022.
    assert.equal(valueOf('Until Thursday, investigators had not named him as a suspect.', 'Thursday', '2022-03-04'), '2022-03-03');
    assert.equal(valueOf('Until Thursday, investigators will keep the road closed.', 'Thursday', '2022-03-01'), '2022-03-03');
  });

  it('does not let the reporting verb outside a quotation set the tense inside it', () => {
    // Published Wednesday 2 March 2022.
    const text = '"Our engineers will inspect every bridge in the northern districts Thursday," the mayor said.';
    assert.equal(valueOf(text, 'Thursday', '2022-03-02'), '2022-03-03');
    assert.equal(valueOf(text.replace(/"/, '``').replace(/,"/, ",''"), 'Thursday', '2022-03-02'), '2022-03-03');
  });

  it('takes neither an adjectival participle nor a future in the past as looking ahead', () => {
    // Published Monday 7 March 2022 and Friday 4 March 2022.
    assert.equal(valueOf('On Friday, when the minister cut short a hastily planned tour, the talks collapsed.', 'Friday', '2022-03-07'), '2022-03-04');
    const detained = 'Border guards detained the man at the crowded ferry terminal in the early hours of Thursday as he was about to be sent home.';
    assert.equal(valueOf(detained, 'Thursday', '2022-03-04'), '2022-03-03');
    assert.equal(valueOf('On Friday, the minister planned to cut short his tour.', 'Friday', '2022-03-07'), '2022-03-11');
  });

  it('reads irregular past tenses as looking back', () => {
    // Published Wednesday 5 October 2022: the Friday and Monday before are 30 September and 3 October.
    assert.equal(valueOf('The chancellor set out a plan on Friday to borrow more.', 'Friday', '2022-10-05'), '2022-09-30');
    assert.equal(valueOf('The statement sent the currency to a record low on Monday.', 'Monday', '2022-10-05'), '2022-10-03');
    assert.equal(valueOf('The vote is set for Friday.', 'Friday', '2022-10-05'), '2022-10-07');
    // Published 5 December 2022: April 2023 is nearer, but "was" puts it in the past.
    assert.equal(valueOf('The last time the reservoir was this full was in April.', 'April', '2022-12-05'), '2022-04');
    assert.equal(valueOf('The fleet grew in April.', 'April', '2022-12-05'), '2022-04');
    // A day just ahead stays ahead even after a past tense.
    assert.equal(valueOf('The board extended the offer to Dec. 16.', 'Dec. 16', '2022-12-05'), '2022-12-16');
  });

  it('reads "this weekend" in a past-tense sentence as the weekend just gone', () => {
    // Published Tuesday 1 March 2022: the weekend before is 26-27 February (2022-W08).
    assert.equal(valueOf('The delegation was a guest at the trade fair this weekend, and met dozens of exhibitors.', 'this weekend', '2022-03-01'), '2022-W08-WE');
    assert.equal(valueOf('The fair opens this weekend.', 'this weekend', '2022-03-01'), '2022-W09-WE');
  });
});

describe('findDates: clock times in words', () => {
  it('reads "at 8 in the evening" as a time on the publication day', () => {
    assert.deepEqual(dates('Polls close at 8 in the evening.', '2022-03-03'), ['8 in the evening → 2022-03-03T20:00']);
  });

  it('takes the day from a weekday written just after the time, past an "a.m."', () => {
    // Published Thursday 3 March 2022.
    assert.deepEqual(dates('The ferry will sail at 6 in the morning (6 a.m. EST Saturday), the operator said.', '2022-03-03'), [
      '6 in the morning → 2022-03-05T06:00',
      '6 a.m. EST Saturday → 2022-03-05T06:00',
    ]);
  });

  it('needs a preposition before the hour', () => {
    assert.deepEqual(dates('He read 4 in the morning papers.', '2022-03-03'), []);
  });
});

describe('reporting periods across paragraphs', () => {
  it('resolves "the quarter", "a year earlier" and "the 1998 period" against the quarter the story reports on', () => {
    const text = [
      'Harbour Freight Ltd. said third-quarter profit rose 12% to $4 million.',
      'In the quarter, revenue grew to $40 million from $35 million a year earlier.',
      'The company had a one-time gain in the 1998 period and expects a better fourth quarter.',
    ].join('\n\n');
    const dates = annotate(text, { publicationDate: '1999-11-02' })
      .annotations.filter((a) => a.type === 'date')
      .map((a) => `${a.text} → ${(a as { value: string }).value}`);
    assert.deepEqual(dates, [
      'third-quarter → 1999-Q3',
      'the quarter → 1999-Q3',
      'a year earlier → 1998-Q3',
      'the 1998 period → 1998-Q3',
      'fourth quarter → 1999-Q4',
    ]);
  });

  it('reads "a year ago" as the year before where no quarter is named', () => {
    const dates = annotate('The bridge opened a year ago.', { publicationDate: '1999-11-02' }).annotations.filter((a) => a.type === 'date');
    assert.deepEqual(dates.map((a) => [a.text, (a as { value: string }).value]), [['a year ago', '1998']]);
  });
});
