/**
 * Deterministic news text for the benchmark: articles assembled from templates written for this
 * bench (never from the evaluation data), in the shapes that cost the taggers time — lexicon
 * agencies, acronym definitions, unknown companies, full and relative dates, quotes in both
 * attribution orders, partial quotes, guillemets, long paragraphs, multi-paragraph quotes and an
 * embedded post line. Sizes are UTF-8 bytes with decimal units (1 MB = 1,000,000 bytes).
 */
import { SeededRandom } from './random';

export interface BenchSize {
  readonly name: string;
  readonly bytes: number;
}

export const BENCH_SIZES: readonly BenchSize[] = [
  { name: '5 KB', bytes: 5_000 },
  { name: '100 KB', bytes: 100_000 },
  { name: '1 MB', bytes: 1_000_000 },
];

/** A Thursday, so that "on Monday" and "last week" resolve to interesting values. */
export const BENCH_PUBLICATION_DATE = '2023-05-11';

/** How far below the requested size a generated text may end (the last paragraph that still fits). */
export const SIZE_TOLERANCE = 0.03;

// Real agencies, as a reporter would write them the first time (the lexicon should know them).
const KNOWN_AGENCIES: ReadonlyArray<{ first: string; later: string }> = [
  { first: 'NASA', later: 'NASA' },
  { first: 'Roscosmos', later: 'Roscosmos' },
  { first: 'the European Space Agency (ESA)', later: 'ESA' },
  { first: 'the German Aerospace Center (DLR)', later: 'DLR' },
  { first: 'the Japan Aerospace Exploration Agency (JAXA)', later: 'JAXA' },
  { first: 'the Indian Space Research Organisation (ISRO)', later: 'ISRO' },
  { first: 'the European Commission', later: 'the Commission' },
  { first: 'the World Health Organization', later: 'the WHO' },
  { first: 'the International Monetary Fund', later: 'the IMF' },
  { first: 'the United Nations', later: 'the UN' },
  { first: 'the World Bank', later: 'the World Bank' },
  { first: 'the Bank of England', later: 'the Bank of England' },
  { first: 'the Federal Reserve', later: 'the Fed' },
  { first: 'the Pentagon', later: 'the Pentagon' },
  { first: 'the Kremlin', later: 'the Kremlin' },
  { first: 'Airbus', later: 'Airbus' },
  { first: 'Boeing', later: 'Boeing' },
  { first: 'SpaceX', later: 'SpaceX' },
  { first: 'the French space agency CNES', later: 'CNES' },
];

const NEWS_AGENCIES = ['Reuters', 'the Associated Press', 'Agence France-Presse', 'Interfax', 'TASS'];

// Parts of invented public bodies whose names are defined with an acronym in the text.
const BODY_REGIONS = ['Northern', 'Coastal', 'Federal', 'Regional', 'National', 'Baltic', 'Pacific', 'Central', 'Alpine', 'Western'];
const BODY_DOMAINS = ['Rail Safety', 'Water', 'Grid Resilience', 'Satellite Data', 'Fisheries', 'Aviation Noise', 'Housing', 'Seismic Monitoring', 'Orbital Debris', 'Flood Defence'];
const BODY_KINDS = ['Authority', 'Board', 'Agency', 'Commission', 'Office', 'Council', 'Institute'];

// Invented companies that no lexicon lists.
const COMPANY_STEMS = ['Veltmark', 'Orsalin', 'Brightwell', 'Kallistor', 'Harrowgate', 'Norvane', 'Tessaly', 'Quillon', 'Marrowby', 'Dunmere', 'Calder Ridge', 'Ostrava Lane'];
const COMPANY_KINDS = ['Holdings Inc', 'Logistics Ltd', 'Aerospace GmbH', 'Systems Corp', 'Energy AG', 'Capital Partners LLC', 'Industries plc'];

// Invented people.
const FIRST_NAMES = ['Maria', 'Tomas', 'Aiko', 'Daniel', 'Priya', 'Olena', 'Kwame', 'Ingrid', 'Rafael', 'Sofia', 'Lukas', 'Amara', 'Hannah', 'Yusuf', 'Elena', 'Mateo'];
const LAST_NAMES = ['Lindqvist', 'Okafor', 'Tanabe', 'Moreau', 'Raman', 'Kovalenko', 'Mensah', 'Halvorsen', 'Ibarra', 'Castellano', 'Brenner', 'Adeyemi', 'Whitcombe', 'Demir', 'Petrescu', 'Valdés'];
const ROLES = ['a spokesperson for', 'the head of', 'the director general of', 'the chief executive of', 'a senior engineer at', 'an adviser to', 'the chief economist at', 'a board member of'];

const CITIES = ['BERLIN', 'PARIS', 'MOSCOW', 'WASHINGTON', 'TOKYO', 'BRUSSELS', 'GENEVA', 'LONDON', 'NAIROBI', 'BENGALURU', 'MONTREAL', 'COLOGNE'];
const WIRE_NAMES = ['Bench Wire', 'Sample Desk', 'Test Newsroom'];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBREVIATIONS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const TOPICS = [
  'the joint satellite programme', 'the new launch schedule', 'the budget for civil research', 'the review of the station’s power module',
  'the cross-border rail link', 'the emergency lending facility', 'the vaccine supply agreement', 'the seismic warning network',
  'the debris-tracking contract', 'the plan to modernise the grid', 'the fisheries quota', 'the data-sharing accord',
];
const VERBS_PAST = ['suspended', 'approved', 'delayed', 'reviewed', 'expanded', 'cancelled', 'renegotiated', 'defended', 'criticised', 'welcomed'];
const CONSEQUENCES = [
  'would cost several hundred million euros', 'could push the first flights into 2025', 'left partners scrambling for alternatives',
  'had been expected for months', 'surprised analysts in the sector', 'was the second such change since 2021',
  'would be revisited by the end of the year', 'affected about 1,200 jobs across three countries',
];

const QUOTE_CLAUSES = [
  'We are reviewing the situation closely', 'Our priority remains the safety of everyone involved', 'Nobody expected the review to take this long',
  'This is a sensible step for our partners', 'We will honour the commitments we can still honour', 'The teams found the issue early',
  'We would rather be late than be wrong', 'There is no reason to change course now', 'The numbers speak for themselves',
  'We have asked for more time and we expect to get it', 'Our engineers have done remarkable work under pressure',
  'It is too early to say what this means for next year', 'The door remains open for talks', 'We did not take this decision lightly',
];
const PARTIAL_QUOTES = [
  'a sensible step', 'deeply regrettable', 'constructive and ongoing', 'a turning point', 'not acceptable', 'the only realistic option',
  'premature', 'a good day for science', 'a question of trust', 'entirely manageable',
];
const GUILLEMET_QUOTES = ['un pas décisif', 'une étape importante', 'pas acceptable', 'une bonne nouvelle', 'un signal fort'];
const SAY_VERBS = ['said', 'told reporters', 'added', 'wrote in a statement', 'said in an interview', 'told a news conference'];
const EMOJI = ['🚀', '🛰️', '📡', '🌍', '✅'];
const HASHTAGS = ['#Launch', '#Space', '#Budget', '#Science', '#Breaking'];
const HANDLES = [
  { name: 'Space Desk', handle: '@SpaceDesk' }, { name: 'Sample Wire', handle: '@SampleWire' }, { name: 'Orbit Watch', handle: '@OrbitWatch' },
];

interface StoryCast {
  agency: { first: string; later: string };
  otherAgency: { first: string; later: string };
  definedBody: { name: string; acronym: string };
  company: string;
  person: string;
  role: string;
  quoteOpen: string;
  quoteClose: string;
  publicationDay: Date;
}

/**
 * News text of about `bytes` UTF-8 bytes (never more, at most SIZE_TOLERANCE less) with a
 * front-matter `date:` header. Above one article's length it is "collected wire copy": many
 * articles separated by blank lines. The same (bytes, seed) always gives the same text.
 */
export function generateBenchText(bytes: number, seed = 1): string {
  const random = new SeededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  const add = (piece: string): boolean => {
    const pieceBytes = Buffer.byteLength(piece, 'utf8') + (parts.length ? 2 : 0);
    if (size + pieceBytes > bytes - 1) return false; // - 1: the final newline
    parts.push(piece);
    size += pieceBytes;
    return true;
  };
  const title = bytes > 20_000 ? 'Collected wire copy' : 'Space agencies rethink their partnerships';
  add(`---\ntitle: ${title}\ndate: ${BENCH_PUBLICATION_DATE}\nauthor: Bench desk\n---\n${title}`);

  // Whole articles while there is room, then short paragraphs until one more would not fit.
  const floor = bytes - 300;
  let cast = castStory(random);
  let full = false;
  while (!full && size < floor) {
    cast = castStory(random);
    if (!add(headline(random, cast)) || !add(dateline(random, cast))) break;
    const paragraphCount = random.int(6, 14);
    // When a paragraph does not fit, another kind (a shorter one) may.
    for (let placed = 0, misses = 0; placed < paragraphCount && !full; ) {
      if (add(bodyParagraph(random, cast))) placed++;
      else full = ++misses >= 20;
    }
  }
  for (let attempts = 0; attempts < 10 && size < bytes - 40; attempts++) add(shortParagraph(random, cast));
  return parts.join('\n\n') + '\n';
}

/**
 * The same text with a run number in every paragraph, so that no paragraph can come from an earlier
 * run's memo. The number goes at the end, where it changes nothing the taggers look for, except in
 * post lines, which must end with the post's date: there it goes into the link.
 */
export function freshVariant(text: string, run: number): string {
  return text.replace(/[^\n](?:[^\n]|\n(?!\n))*/g, (paragraph) =>
    /https?:\/\/\S+/.test(paragraph) ? paragraph.replace(/https?:\/\/\S+/, (link) => `${link}-ed${run}`) : `${paragraph} [ed. ${run}]`,
  );
}

function castStory(random: SeededRandom): StoryCast {
  const agency = random.pick(KNOWN_AGENCIES);
  let otherAgency = random.pick(KNOWN_AGENCIES);
  if (otherAgency === agency) otherAgency = KNOWN_AGENCIES[(KNOWN_AGENCIES.indexOf(agency) + 1) % KNOWN_AGENCIES.length];
  const bodyName = `${random.pick(BODY_REGIONS)} ${random.pick(BODY_DOMAINS)} ${random.pick(BODY_KINDS)}`;
  const acronym = bodyName.split(/\s+/).map((word) => word[0]).join('');
  const curly = random.chance(0.5);
  const daysBefore = random.int(0, 2);
  const publicationDay = new Date(Date.UTC(2023, 4, 11 - daysBefore));
  return {
    agency,
    otherAgency,
    definedBody: { name: bodyName, acronym },
    company: `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_KINDS)}`,
    person: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    role: random.pick(ROLES),
    quoteOpen: curly ? '“' : '"',
    quoteClose: curly ? '”' : '"',
    publicationDay,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fullDate(day: Date): string {
  return `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}

function daysAgo(cast: StoryCast, days: number): Date {
  return new Date(cast.publicationDay.getTime() - days * 86_400_000);
}

/** A date phrase of one of the kinds the date tagger must resolve; `pastOnly` for phrases after "said". */
function datePhrase(random: SeededRandom, cast: StoryCast, pastOnly = false): string {
  const kind = random.int(0, 11);
  switch (pastOnly && (kind === 4 || kind === 7 || kind === 10) ? kind - 4 : kind) {
    case 0: return `on ${random.pick(WEEKDAYS)}`;
    case 1: return 'last week';
    case 2: return `in ${random.int(2015, 2022)}`;
    case 3: return `on ${fullDate(daysAgo(cast, random.int(3, 400)))}`;
    case 4: return 'next month';
    case 5: return 'yesterday';
    case 6: return `${random.pick(['two', 'three', 'four'])} weeks ago`;
    case 7: return `since ${random.pick(MONTHS)}`;
    case 8: return `on ${random.int(1, 28)} ${random.pick(MONTHS)}`;
    case 9: return `on ${random.pick(MONTH_ABBREVIATIONS)} ${random.int(1, 28)}`;
    case 10: return `by the end of ${random.pick(['the year', 'the month', 'the quarter'])}`;
    default: return `last ${random.pick(WEEKDAYS)}`;
  }
}

function quoteText(random: SeededRandom, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(random.pick(QUOTE_CLAUSES));
  return parts.join('. ');
}

function headline(random: SeededRandom, cast: StoryCast): string {
  return `${capitalise(cast.agency.later.replace(/^the /, ''))} ${random.pick(VERBS_PAST)} ${random.pick(TOPICS).replace(/^the /, '')}`;
}

function dateline(random: SeededRandom, cast: StoryCast): string {
  return (
    `${random.pick(CITIES)}, ${fullDate(cast.publicationDay)} (${random.pick(WIRE_NAMES)}) — ${capitalise(cast.agency.first)} ` +
    `said ${datePhrase(random, cast, true)} that it had ${random.pick(VERBS_PAST)} ${random.pick(TOPICS)}, a move that ${random.pick(CONSEQUENCES)}. ` +
    `${capitalise(cast.otherAgency.first)} and ${cast.company} are reviewing their own plans, ${random.pick(NEWS_AGENCIES)} reported.`
  );
}

function bodyParagraph(random: SeededRandom, cast: StoryCast): string {
  const { quoteOpen: open, quoteClose: close } = cast;
  switch (random.int(0, 11)) {
    case 0: // quote first, then the attribution
      return `${open}${quoteText(random, random.int(1, 3))},${close} said ${cast.person}, ${cast.role} ${cast.agency.later}.`;
    case 1: // attribution first, then the quote
      return `${cast.person} ${random.pick(['said', 'told reporters', 'wrote'])} ${datePhrase(random, cast, true)}: ${open}${quoteText(random, random.int(1, 3))}.${close}`;
    case 2: // an agency as the speaker
      return `${open}${quoteText(random, random.int(1, 2))},${close} ${cast.agency.later} ${random.pick(SAY_VERBS)} ${datePhrase(random, cast, true)}.`;
    case 3: // partial quote inside reported speech
      return `${capitalise(cast.otherAgency.later)} called ${random.pick(TOPICS)} ${open}${random.pick(PARTIAL_QUOTES)}${close} and said talks with ${cast.agency.later} were ${open}${random.pick(PARTIAL_QUOTES)}${close}, according to ${random.pick(NEWS_AGENCIES)}.`;
    case 4: // guillemets
      return `In Paris, ${cast.otherAgency.later} called the decision « ${random.pick(GUILLEMET_QUOTES)} », while ${cast.company} said it would publish its own assessment ${datePhrase(random, cast)}.`;
    case 5: // an acronym defined, then used
      return `The ${cast.definedBody.name} (${cast.definedBody.acronym}) said ${datePhrase(random, cast, true)} that it would examine ${random.pick(TOPICS)}. The ${cast.definedBody.acronym} ${random.pick(VERBS_PAST)} a similar plan ${datePhrase(random, cast, true)}.`;
    case 6: // an unknown company and dates
      return `${cast.company}, which supplies parts to ${cast.agency.later}, said ${datePhrase(random, cast, true)} that production had not been affected. Its shares ${random.pick(['rose', 'fell'])} ${random.int(1, 9)}.${random.int(0, 9)} percent ${datePhrase(random, cast, true)}.`;
    case 7: // multi-paragraph quote: the first paragraph has no closing mark
      return `${open}${quoteText(random, random.int(2, 4))}.\n\n${open}${quoteText(random, random.int(1, 3))},${close} ${cast.person} added.`;
    case 8: // an embedded post
      return embeddedPost(random, cast);
    case 9:
    case 10: // long background paragraph
      return backgroundParagraph(random, cast);
    default:
      return `${capitalise(cast.agency.later)} declined to comment ${datePhrase(random, cast, true)}. A spokesperson for ${cast.otherAgency.later} said only that the talks were ${open}${random.pick(PARTIAL_QUOTES)}${close}.`;
  }
}

function backgroundParagraph(random: SeededRandom, cast: StoryCast): string {
  const sentences: string[] = [];
  const count = random.int(12, 40);
  for (let i = 0; i < count; i++) {
    switch (random.int(0, 4)) {
      case 0:
        sentences.push(`${capitalise(random.pick(KNOWN_AGENCIES).later)} ${random.pick(VERBS_PAST)} ${random.pick(TOPICS)} ${datePhrase(random, cast, true)}, a decision that ${random.pick(CONSEQUENCES)}.`);
        break;
      case 1:
        sentences.push(`The ${cast.definedBody.acronym} and ${cast.company} had agreed ${datePhrase(random, cast, true)} to share costs.`);
        break;
      case 2:
        sentences.push(`Officials expect a final decision ${datePhrase(random, cast)}, although ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} of ${random.pick(KNOWN_AGENCIES).later} cautioned that the timeline ${random.pick(CONSEQUENCES)}.`);
        break;
      case 3:
        sentences.push(`${capitalise(random.pick(TOPICS))} ${random.pick(CONSEQUENCES)}, analysts said.`);
        break;
      default:
        sentences.push(`The programme began in ${random.int(2008, 2021)} and has been ${random.pick(VERBS_PAST)} ${random.int(2, 6)} times since then.`);
    }
  }
  return sentences.join(' ');
}

function embeddedPost(random: SeededRandom, cast: StoryCast): string {
  const account = random.pick(HANDLES);
  return (
    `${capitalise(random.pick(TOPICS))} is on track ${random.pick(EMOJI)} Read our statement: https://example.org/news/${random.int(1000, 99999)} ` +
    `${random.pick(HASHTAGS)} — ${account.name} (${account.handle}) ${fullDate(daysAgo(cast, random.int(0, 2)))}`
  );
}

function shortParagraph(random: SeededRandom, cast: StoryCast): string {
  return random.chance(0.5)
    ? `${capitalise(cast.agency.later)} will publish details ${random.pick(['next week', 'next month', `on ${random.pick(WEEKDAYS)}`, 'later this year'])}.`
    : `(Reporting by ${cast.person}; editing by ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)})`;
}
