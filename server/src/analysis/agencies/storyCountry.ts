/**
 * The country a story is about, so that a generic institution ("the Supreme Court", "Parliament", "the
 * Treasury", "the Foreign Ministry") resolves to that country's body: in a story datelined LONDON, "the Supreme
 * Court" is the UK Supreme Court, not the US one. Cues, strongest first: the dateline, the publication's own line
 * ("source: The Guardian", a site's country domain), then the countries the article names (most named wins).
 * The cues are collected per paragraph (memoised with the paragraph) and weighed once per document.
 */
import type { NameToken } from '../text/nameTokens';

export interface CountryCue {
  country: string;
  weight: number;
}

/** How much more a dateline or a publication line counts than one mention of a country in the text. */
const DATELINE_WEIGHT = 6;
const PUBLICATION_WEIGHT = 6;

interface CountryFacts {
  /** As the lexicon writes it ("United States", "United Kingdom"). */
  country: string;
  /** How a generic body of this country is named when the lexicon has none ("French Foreign Ministry"). */
  adjective: string;
  /** Other names, adjectives and demonyms ("Britain", "British", "UK"). */
  names: string;
  /** Cities that open datelines. */
  cities: string;
  /** Country-code top-level domain of its publications. */
  domain?: string;
}

// A gazetteer of real-world facts; names separated by "|".
const COUNTRIES: readonly CountryFacts[] = [
  { country: 'United States', adjective: 'US', names: 'United States|United States of America|U.S.|US|USA|U.S.A.|America|American|Americans', cities: 'Washington|New York|Los Angeles|Chicago|Houston|Boston|San Francisco|Miami|Atlanta|Dallas|Seattle|Detroit|Philadelphia|Denver|Cape Canaveral', domain: 'us' },
  { country: 'United Kingdom', adjective: 'UK', names: 'United Kingdom|UK|U.K.|Britain|Great Britain|British|Briton|Britons|England|English|Scotland|Scottish|Wales|Welsh|Northern Ireland', cities: 'London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol', domain: 'uk' },
  { country: 'Ireland', adjective: 'Irish', names: 'Ireland|Irish|Republic of Ireland', cities: 'Dublin|Cork', domain: 'ie' },
  { country: 'Canada', adjective: 'Canadian', names: 'Canada|Canadian|Canadians', cities: 'Ottawa|Toronto|Montreal|Vancouver|Calgary', domain: 'ca' },
  { country: 'Australia', adjective: 'Australian', names: 'Australia|Australian|Australians', cities: 'Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide', domain: 'au' },
  { country: 'New Zealand', adjective: 'New Zealand', names: 'New Zealand|New Zealander|New Zealanders', cities: 'Wellington|Auckland|Christchurch', domain: 'nz' },
  { country: 'India', adjective: 'Indian', names: 'India|Indian|Indians', cities: 'New Delhi|Delhi|Mumbai|Bombay|Kolkata|Chennai|Bangalore|Bengaluru', domain: 'in' },
  { country: 'Pakistan', adjective: 'Pakistani', names: 'Pakistan|Pakistani|Pakistanis', cities: 'Islamabad|Karachi|Lahore', domain: 'pk' },
  { country: 'France', adjective: 'French', names: 'France|French', cities: 'Paris|Marseille|Lyon|Toulouse|Strasbourg', domain: 'fr' },
  { country: 'Germany', adjective: 'German', names: 'Germany|German|Germans', cities: 'Berlin|Bonn|Frankfurt|Munich|Hamburg|Cologne', domain: 'de' },
  { country: 'Italy', adjective: 'Italian', names: 'Italy|Italian|Italians', cities: 'Rome|Milan|Naples|Turin|Florence', domain: 'it' },
  { country: 'Spain', adjective: 'Spanish', names: 'Spain|Spanish|Spaniards', cities: 'Madrid|Barcelona|Seville|Valencia', domain: 'es' },
  { country: 'Portugal', adjective: 'Portuguese', names: 'Portugal|Portuguese', cities: 'Lisbon|Porto', domain: 'pt' },
  { country: 'Netherlands', adjective: 'Dutch', names: 'Netherlands|Holland|Dutch', cities: 'Amsterdam|The Hague|Rotterdam', domain: 'nl' },
  { country: 'Belgium', adjective: 'Belgian', names: 'Belgium|Belgian|Belgians', cities: 'Brussels|Antwerp', domain: 'be' },
  { country: 'Switzerland', adjective: 'Swiss', names: 'Switzerland|Swiss', cities: 'Bern|Geneva|Zurich', domain: 'ch' },
  { country: 'Austria', adjective: 'Austrian', names: 'Austria|Austrian|Austrians', cities: 'Vienna', domain: 'at' },
  { country: 'Sweden', adjective: 'Swedish', names: 'Sweden|Swedish|Swedes', cities: 'Stockholm|Gothenburg', domain: 'se' },
  { country: 'Norway', adjective: 'Norwegian', names: 'Norway|Norwegian|Norwegians', cities: 'Oslo|Bergen', domain: 'no' },
  { country: 'Denmark', adjective: 'Danish', names: 'Denmark|Danish|Danes', cities: 'Copenhagen', domain: 'dk' },
  { country: 'Finland', adjective: 'Finnish', names: 'Finland|Finnish|Finns', cities: 'Helsinki', domain: 'fi' },
  { country: 'Poland', adjective: 'Polish', names: 'Poland|Polish|Poles', cities: 'Warsaw|Krakow', domain: 'pl' },
  { country: 'Czech Republic', adjective: 'Czech', names: 'Czech Republic|Czechia|Czech', cities: 'Prague', domain: 'cz' },
  { country: 'Hungary', adjective: 'Hungarian', names: 'Hungary|Hungarian|Hungarians', cities: 'Budapest', domain: 'hu' },
  { country: 'Romania', adjective: 'Romanian', names: 'Romania|Romanian|Romanians', cities: 'Bucharest', domain: 'ro' },
  { country: 'Greece', adjective: 'Greek', names: 'Greece|Greek|Greeks', cities: 'Athens|Thessaloniki', domain: 'gr' },
  { country: 'Turkey', adjective: 'Turkish', names: 'Turkey|Turkish|Turks|Türkiye', cities: 'Ankara|Istanbul', domain: 'tr' },
  { country: 'Russia', adjective: 'Russian', names: 'Russia|Russian|Russians|Russian Federation', cities: 'Moscow|St Petersburg|St. Petersburg|Saint Petersburg', domain: 'ru' },
  { country: 'Ukraine', adjective: 'Ukrainian', names: 'Ukraine|Ukrainian|Ukrainians', cities: 'Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv', domain: 'ua' },
  { country: 'Israel', adjective: 'Israeli', names: 'Israel|Israeli|Israelis', cities: 'Jerusalem|Tel Aviv', domain: 'il' },
  { country: 'Egypt', adjective: 'Egyptian', names: 'Egypt|Egyptian|Egyptians', cities: 'Cairo|Alexandria', domain: 'eg' },
  { country: 'Iran', adjective: 'Iranian', names: 'Iran|Iranian|Iranians', cities: 'Tehran', domain: 'ir' },
  { country: 'Iraq', adjective: 'Iraqi', names: 'Iraq|Iraqi|Iraqis', cities: 'Baghdad|Basra', domain: 'iq' },
  { country: 'Saudi Arabia', adjective: 'Saudi', names: 'Saudi Arabia|Saudi|Saudis', cities: 'Riyadh|Jeddah', domain: 'sa' },
  { country: 'South Africa', adjective: 'South African', names: 'South Africa|South African|South Africans', cities: 'Johannesburg|Pretoria|Cape Town|Durban', domain: 'za' },
  { country: 'Nigeria', adjective: 'Nigerian', names: 'Nigeria|Nigerian|Nigerians', cities: 'Abuja|Lagos', domain: 'ng' },
  { country: 'Kenya', adjective: 'Kenyan', names: 'Kenya|Kenyan|Kenyans', cities: 'Nairobi|Mombasa', domain: 'ke' },
  { country: 'China', adjective: 'Chinese', names: 'China|Chinese', cities: 'Beijing|Shanghai|Guangzhou|Shenzhen', domain: 'cn' },
  { country: 'Hong Kong', adjective: 'Hong Kong', names: 'Hong Kong', cities: 'Hong Kong', domain: 'hk' },
  { country: 'Taiwan', adjective: 'Taiwanese', names: 'Taiwan|Taiwanese', cities: 'Taipei', domain: 'tw' },
  { country: 'Japan', adjective: 'Japanese', names: 'Japan|Japanese', cities: 'Tokyo|Osaka', domain: 'jp' },
  { country: 'South Korea', adjective: 'South Korean', names: 'South Korea|South Korean|South Koreans', cities: 'Seoul|Busan', domain: 'kr' },
  { country: 'North Korea', adjective: 'North Korean', names: 'North Korea|North Korean|North Koreans', cities: 'Pyongyang' },
  { country: 'Singapore', adjective: 'Singapore', names: 'Singapore|Singaporean|Singaporeans', cities: 'Singapore', domain: 'sg' },
  { country: 'Malaysia', adjective: 'Malaysian', names: 'Malaysia|Malaysian|Malaysians', cities: 'Kuala Lumpur', domain: 'my' },
  { country: 'Indonesia', adjective: 'Indonesian', names: 'Indonesia|Indonesian|Indonesians', cities: 'Jakarta', domain: 'id' },
  { country: 'Philippines', adjective: 'Philippine', names: 'Philippines|Philippine|Filipino|Filipinos', cities: 'Manila', domain: 'ph' },
  { country: 'Thailand', adjective: 'Thai', names: 'Thailand|Thai', cities: 'Bangkok', domain: 'th' },
  { country: 'Brazil', adjective: 'Brazilian', names: 'Brazil|Brazilian|Brazilians', cities: 'Brasilia|Sao Paulo|São Paulo|Rio de Janeiro', domain: 'br' },
  { country: 'Argentina', adjective: 'Argentine', names: 'Argentina|Argentine|Argentinian|Argentines', cities: 'Buenos Aires', domain: 'ar' },
  { country: 'Mexico', adjective: 'Mexican', names: 'Mexico|Mexican|Mexicans', cities: 'Mexico City|Guadalajara|Monterrey', domain: 'mx' },
  { country: 'Chile', adjective: 'Chilean', names: 'Chile|Chilean|Chileans', cities: 'Santiago', domain: 'cl' },
  { country: 'Colombia', adjective: 'Colombian', names: 'Colombia|Colombian|Colombians', cities: 'Bogota|Bogotá', domain: 'co' },
];

/** Lower-cased name or city → country; names of up to four words. */
const BY_NAME = new Map<string, string>();
const BY_CITY = new Map<string, string>();
const BY_DOMAIN = new Map<string, string>();
const ADJECTIVE = new Map<string, string>();
/** Names as written and in capitals ("France", "FRANCE"): the text is scanned without lower-casing each word. */
const AS_WRITTEN = new Map<string, string>();
/** First words, as written, of names of several words ("United", "South"). */
const FIRST_WORDS = new Set<string>();
for (const facts of COUNTRIES) {
  for (const name of facts.names.split('|')) {
    BY_NAME.set(name.toLowerCase(), facts.country);
    for (const form of [name, name.toUpperCase()]) {
      AS_WRITTEN.set(form, facts.country);
      if (form.includes(' ')) FIRST_WORDS.add(form.split(' ')[0]);
    }
  }
  for (const city of facts.cities.split('|')) BY_CITY.set(city.toLowerCase(), facts.country);
  if (facts.domain) BY_DOMAIN.set(facts.domain, facts.country);
  ADJECTIVE.set(facts.country, facts.adjective);
}

/** The word a generic body of the country is named with: "French" for France, "UK" for the United Kingdom. */
export function countryAdjective(country: string): string | undefined {
  return ADJECTIVE.get(country);
}

/** The country a name, adjective or demonym stands for ("British" → United Kingdom), if it is one. */
export function countryOfName(name: string): string | undefined {
  return BY_NAME.get(name.toLowerCase());
}

// "LONDON —", "LONDON, March 3 (Reuters) -", "PERTH , Scotland 2001-05-04", "Paris (AFP) –".
const DATELINE = /^[ \t]*(\p{Lu}[\p{Lu}\p{Ll}.'’ -]{1,30}?)[ \t]*(?:,[ \t]*([\p{Lu}][\p{L}. ]{1,30}?))?[ \t]*(?:,[^\n—–]{0,30})?(?:\([^)\n]{1,30}\)[ \t]*)?(?:[—–]|--?[ \t]|\d{4}-\d\d-\d\d)/u;
// "source: The Guardian", "publication: Le Monde", "url: https://www.example.co.uk/…".
const PUBLICATION_LINE = /^[ \t]*(?:source|publication|publisher|outlet|newspaper|url|link)[ \t]*[:=][ \t]*([^\r\n]+)/gim;
const PUBLICATION_AT = /[ \t]*(?:source|publication|publisher|outlet|newspaper|url|link)[ \t]*[:=]/iy;
const PUBLICATION_INITIALS = new Set('sSpPoOnNuUlL \t'.split(''));

/** Whether a line of the paragraph opens like "source:"; tried only at line starts that could (a multiline regex scanned every position). */
function hasPublicationLine(paragraph: string): boolean {
  for (let at = 0; at < paragraph.length; ) {
    if (PUBLICATION_INITIALS.has(paragraph[at])) {
      PUBLICATION_AT.lastIndex = at;
      if (PUBLICATION_AT.test(paragraph)) return true;
    }
    const next = paragraph.indexOf('\n', at);
    if (next === -1) return false;
    at = next + 1;
  }
  return false;
}

/** A cheap test before the dateline pattern: a capital first, a capital, comma or bracket soon, and a dash or an ISO date. */
function mayOpenWithDateline(paragraph: string): boolean {
  const c = paragraph.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || c > 127)) return false;
  const d = paragraph.charCodeAt(1);
  const head = paragraph.length > 80 ? paragraph.slice(0, 80) : paragraph;
  if (!(d >= 65 && d <= 90)) {
    const comma = head.indexOf(',');
    const bracket = head.indexOf('(');
    if (!((comma > 0 && comma < 40) || (bracket > 0 && bracket < 40))) return false;
  }
  return head.includes('—') || head.includes('–') || head.includes(' -') || /\d{4}-\d\d-\d\d/.test(head);
}

const DOMAIN = /\bhttps?:\/\/[^\s/]+?\.([a-z]{2})(?:[/:\s]|$)/i;

/**
 * The country cues of one paragraph: its dateline, a publication line (its name looked up by `publicationCountry`,
 * or its web address's country domain), and each country, nationality or demonym it names.
 */
export function findCountryCues(paragraph: string, tokens: readonly NameToken[], publicationCountry: (name: string) => string | undefined): CountryCue[] {
  const cues: CountryCue[] = [];
  const dateline = mayOpenWithDateline(paragraph) ? DATELINE.exec(paragraph.slice(0, 120)) : null;
  if (dateline) {
    const country = (dateline[2] && countryOfName(dateline[2].trim())) ?? BY_CITY.get(dateline[1].trim().toLowerCase());
    if (country) cues.push({ country, weight: DATELINE_WEIGHT });
  }
  if (paragraph.length < 2000 && hasPublicationLine(paragraph)) {
    PUBLICATION_LINE.lastIndex = 0;
    for (let m = PUBLICATION_LINE.exec(paragraph); m; m = PUBLICATION_LINE.exec(paragraph)) {
      const value = m[1].trim().replace(/^["']|["']$/g, '');
      const domain = DOMAIN.exec(value);
      const country = publicationCountry(value.replace(/^the /i, '')) ?? publicationCountry(value) ?? (domain ? BY_DOMAIN.get(domain[1].toLowerCase()) : undefined);
      if (country) cues.push({ country, weight: PUBLICATION_WEIGHT });
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    // Country names start with a capital; most tokens are not one (a per-token look-up was the cost here).
    if (c < 65 || c > 90) continue;
    let key = tokens[i].text;
    let found = AS_WRITTEN.get(key);
    let last = i;
    // Longest name first: "South Africa" before "South", "United States of America" before "United States".
    if (FIRST_WORDS.has(key)) {
      for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
        if (tokens[k].start !== tokens[k - 1].end + 1 || paragraph.charCodeAt(tokens[k - 1].end) !== 32) break;
        key = `${key} ${tokens[k].text}`;
        const country = AS_WRITTEN.get(key);
        if (country) {
          found = country;
          last = k;
        }
      }
    }
    if (found) {
      cues.push({ country: found, weight: 1 });
      i = last;
    }
  }
  return cues;
}

/** The country with the most weight (at least `minimum`), or undefined when nothing points anywhere or two countries tie. */
export function storyCountry(cues: Iterable<CountryCue>, minimum = 2): string | undefined {
  const totals = new Map<string, number>();
  for (const cue of cues) totals.set(cue.country, (totals.get(cue.country) ?? 0) + cue.weight);
  let best: string | undefined;
  let bestWeight = 0;
  let runnerUp = 0;
  for (const [country, total] of totals) {
    if (total > bestWeight) {
      runnerUp = bestWeight;
      best = country;
      bestWeight = total;
    } else if (total > runnerUp) runnerUp = total;
  }
  return bestWeight >= minimum && bestWeight > runnerUp ? best : undefined;
}
