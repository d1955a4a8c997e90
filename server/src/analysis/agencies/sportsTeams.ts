/**
 * Sports clubs named after their town or county ("Essex", "NEW YORK", "Hamilton"): in a sports report these
 * names are teams, which act (they beat, draw, lose) like any other organisation. Two signals: results and
 * standings lines ("Lotte 6 Hyundai 2", "Dundee 3 1 2 0 3 2 5"), and match verbs around a name.
 */

const SPORT_HEADLINE = /^(?:SOCCER|FOOTBALL|CRICKET|BASEBALL|BASKETBALL|RUGBY(?: UNION| LEAGUE)?|(?:ICE )?HOCKEY|NFL|NBA|NHL|AMERICAN FOOTBALL|VOLLEYBALL|HANDBALL|TENNIS|GOLF|SQUASH|BOXING|ATHLETICS|CYCLING|MOTOR RACING|MOTORCYCLING|FORMULA ONE|SKIING|SWIMMING|ROWING|SAILING|HORSE RACING|BADMINTON|SNOOKER|CHESS)\b/;
const INDIVIDUAL_SPORT_HEADLINE = /^(?:TENNIS|GOLF|SQUASH|BOXING|ATHLETICS|SKIING|SWIMMING|BADMINTON|SNOOKER|CHESS)\b/;

// Words that hardly occur outside sports reports ("final", "points", "draw" and "beat" do).
const SPORT_WORDS =
  /\b(?:league|League|division|Division|championship|Championship|innings|wickets?|goals?|scored|striker|midfielder|defender|goalkeeper|coach|playoffs?|halftime|half-time|stadium|fixtures?|standings|semi-?finals?|quarter-?finals?|tournament|batsman|bowler|pitcher|homers?|homered|inning|touchdown|quarterback|relegated|relegation|kick-off|hat-trick|runs batted in|grand slam|seeded|unseeded)\b/g;

/** Whether a paragraph reads as a sports report. */
export function isSportsText(paragraph: string): boolean {
  if (SPORT_HEADLINE.test(paragraph)) return true;
  SPORT_WORDS.lastIndex = 0;
  let count = 0;
  const sample = paragraph.length > 4000 ? paragraph.slice(0, 4000) : paragraph;
  while (SPORT_WORDS.exec(sample)) if (++count >= 3) return true;
  return false;
}

/** Tennis, golf, boxing…: players, not teams, beat one another. */
export function isIndividualSport(paragraph: string): boolean {
  return INDIVIDUAL_SPORT_HEADLINE.test(paragraph) || /\b(?:seeded|unseeded|\d+(?:st|nd|rd|th) seed|top seed)\b/.test(paragraph.slice(0, 2000));
}

export interface TeamSpan {
  start: number;
  end: number;
}

// Cycling and motor racing results name each rider's team after the country: "1. Olaf Ludwig ( Germany ) Telekom 4 hours".
const TEAM_AFTER_COUNTRY = /^\d{1,3}\. [^()]+\( [\p{Lu}][\p{L} .]* \) ,? ((?:[\p{Lu}][\p{L}\p{N}.'’\-]*)(?: [\p{Lu}][\p{L}\p{N}.'’\-]*){0,3})(?= ,? \d| all same time| s\.t\.|$)/u;

// A team name in a results line: capitalised words, possibly with "'s", "of", "&", dots and hyphens.
const NAME = String.raw`[\p{Lu}][\p{L}\p{M}.'’\-]*(?: (?:'s|’s|of|de|del|di|&|[\p{Lu}][\p{L}\p{M}.'’\-]*))*`;
const RESULT_LINE = new RegExp(String.raw`^(${NAME}) (\d{1,3})(?: \( [^)]*\))? (${NAME}) \d{1,3}\b`, 'u');
const STANDING_LINE = new RegExp(String.raw`^(${NAME}) \d{1,3}(?: \d{1,3}){2,}|^(${NAME}) \d{1,3} \d{1,3} \.\d{3}|^(${NAME}) \d{1,4}(?: for \d+| and \d+| \( \d+)`, 'u');
// Cricket and rugby scorecards name teams mid-line: "Venue : Essex 372 and 27-2 , Kent 108-3 ."
const SCORE_IN_LINE = new RegExp(String.raw`(?:^|: |, |; )(${NAME}) \d{1,3}(?:-\d{1,2})?(?: and \d{1,3}(?:-\d{1,2})?)?(?= \(| ,| \.|$| points| pts)`, 'gu');
const SCHEDULE_LINE = new RegExp(String.raw`^(${NAME}) (?:AT|at|v|vs\.?|VS\.?) (${NAME})\s*$`, 'u');
const PERSONISH = /^(?:\p{Lu}\. |\p{Lu}\p{Ll}+ \p{Lu}\. )|\b(?:Mr|Mrs|Dr)\b/u;
const DATELINE = /^\p{Lu}[\p{Lu} .]* \d{4}-\d\d-\d\d/u;

/**
 * Team names at the start of results and standings lines. Only in sports text with at least two such lines,
 * so a stray "Chapter 3 4 5" line elsewhere stays untouched; lines naming a country in brackets are athletes.
 */
export function findResultLineTeams(paragraph: string, looksLikePerson: (name: string) => boolean): TeamSpan[] {
  const spans: TeamSpan[] = [];
  let lineStart = 0;
  let lines = 0;
  while (lineStart <= paragraph.length) {
    let lineEnd = paragraph.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = paragraph.length;
    const line = paragraph.slice(lineStart, lineEnd).replace(/\r$/, '');
    const riderTeam = TEAM_AFTER_COUNTRY.exec(line);
    if (riderTeam) {
      addName(riderTeam[1], line.lastIndexOf(riderTeam[1], riderTeam.index + riderTeam[0].length));
      lines++;
    }
    if (line.length < 200 && !DATELINE.test(line) && !/\(\s*\p{Lu}[\p{L} .]*\s*\)\s*\d/u.test(line)) {
      const before = spans.length;
      const result = RESULT_LINE.exec(line);
      if (result) {
        addName(result[1], 0);
        addName(result[3], line.indexOf(result[3], result[1].length + result[2].length + 1));
      } else if (SCHEDULE_LINE.test(line)) {
        const schedule = SCHEDULE_LINE.exec(line)!;
        // "KANSAS CITY AT DETROIT": the visitors are the team; the home side names the venue.
        addName(schedule[1], 0);
        if (!/ at /i.test(line)) addName(schedule[2], line.lastIndexOf(schedule[2]));
      } else {
        const standing = STANDING_LINE.exec(line);
        if (standing) addName(standing[1] ?? standing[2] ?? standing[3], 0);
        else {
          SCORE_IN_LINE.lastIndex = 0;
          for (let m = SCORE_IN_LINE.exec(line); m; m = SCORE_IN_LINE.exec(line)) {
            // Team names are short; a longer match is a headline sentence ("SOUTH AFRICA BEAT ALL BLACKS 32-22").
            if (m[1].split(' ').length <= 3) addName(m[1], m.index + m[0].indexOf(m[1]));
          }
        }
      }
      if (spans.length > before) lines++;
    }
    lineStart = lineEnd + 1;
  }
  return lines >= 2 ? spans : [];

  function addName(name: string, offsetInLine: number): void {
    if (offsetInLine < 0 || PERSONISH.test(name) || looksLikePerson(name)) return;
    spans.push({ start: lineStart + offsetInLine, end: lineStart + offsetInLine + name.length });
  }
}

// Match verbs and prepositions that make a town name a team in a sports report.
const TEAM_BEFORE = /\b(?:(?:homered|homer|scored|goals?|runs|played|plays|playing|signed|debut|starts|started|appearances|hat-trick|pitched|pitching) for|beat|beating|defeated|defeating|against|v|vs\.?|versus|drew with|draw with|drawn with|held|hosts?|hosted|visit|visiting|lost to|losing to|lose to|over|edged|thrashed|routed|crushed|trounced|eliminated|knocked out|joined|join|leave|left|signed for|signed from|moved to|transfer to|loan to|loan from|on loan at|champions|leaders|holders|rivals|title rivals) $/;
const TEAM_AFTER = /^ (?:has (?:won|lost|beaten|drawn)|tied|blanked|routed|shut out|swept|outscored|beat|beating|drew|draw|lost|lose|won|win|defeated|thrashed|routed|crushed|edged|trailed|trail|led|lead|leads|took|take|claimed|clinched|reached|finished|were held|held|climbed|moved|went|slipped|fell|stayed|remain|remained|will play|play|played|have won|have lost|completed|collapsed|declared|replied|closed|extended|made|bowled|batted|rallied|overcame|survived|needed|need|dominated|captain|coach|manager|striker|midfielder|defender|goalkeeper|winger|player|players|fans|supporters|pitcher|batsman|bowler|chairman|president|owner|owners|organisation|organization|franchise|team|side|squad|v|vs\.?|(?:would|will|must|could|can) (?:play|face|meet|host|visit))\b|^ ?['’] ?s (?:\w+ )?(?:win|victory|defeat|draw|lead|coach|manager|captain|players?|striker|goalkeeper|defence|defense|attack|innings|total|title|hopes|chances|fans|home|ground|stadium|franchise|spell|record|squad|side)\b|^ \d{1,3}(?: |$)/;

export function teamContext(before: string, after: string): boolean {
  return TEAM_BEFORE.test(before.slice(-30)) || TEAM_AFTER.test(after.slice(0, 40));
}

/** Forms of a club written before its name ("FC Cincinnati", "AC Milan", "SV Werder Bremen", "RCD Mallorca"). */
const CLUB_PREFIX = /^(?:FC|F\.C\.|AFC|SC|AC|CF|CD|FK|NK|SK|SV|VfB|VfL|TSV|RCD|UD|SD|KV|KRC|GNK|HNK|PFC|CSKA)$/;

export function isClubPrefix(word: string): boolean {
  return CLUB_PREFIX.test(word);
}

/** Whether a headline opens with the name of its sport as a section ("ATHLETICS - ..."), ending at `end`. */
export function isSportsSection(paragraph: string, end: number): boolean {
  return SPORT_HEADLINE.test(paragraph) && /^ ?-/.test(paragraph.slice(end, end + 3));
}

/**
 * The home sides of schedule lines ("DENVER AT PORTLAND"): "at" names where the game is played, a place.
 * Only in text with at least two such lines, like results.
 */
export function scheduleVenues(paragraph: string): TeamSpan[] {
  if (!/ (?:AT|at) /.test(paragraph)) return [];
  const venues: TeamSpan[] = [];
  let lineStart = 0;
  while (lineStart <= paragraph.length) {
    let lineEnd = paragraph.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = paragraph.length;
    const line = paragraph.slice(lineStart, lineEnd).replace(/\r$/, '');
    const schedule = line.length < 80 ? SCHEDULE_LINE.exec(line) : null;
    if (schedule && / (?:AT|at) /.test(line)) {
      const at = line.lastIndexOf(schedule[2]);
      venues.push({ start: lineStart + at, end: lineStart + at + schedule[2].length });
    }
    lineStart = lineEnd + 1;
  }
  return venues.length >= 2 ? venues : [];
}
