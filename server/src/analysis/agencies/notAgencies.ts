/**
 * Names that are not agencies: countries, regions, cities, nationalities, languages, months, weekdays,
 * space stations, religions, titles. A gazetteer of real-world facts, used to keep rule- and compromise-found
 * candidates out ("Russia", "Germany", "the ISS" are places and things, not actors in the agency sense).
 */

const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Herzegovina|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|
Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|
Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macedonia|North Macedonia|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|
Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|South Korea|Korea|Norway|Oman|
Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|
San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tobago|Tunisia|Turkey|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|
Northern Ireland|Republic of Ireland|Russian Federation|United States|United States of America|US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Vatican City|
Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|Czechoslovakia|Zaire|Chechnya|Tibet|Kurdistan|Hong Kong|Macau|
Puerto Rico|Greenland|Gaza|West Bank|Crimea|Donbas|Catalonia|Basque Country|Flanders|Wallonia|Bavaria|Siberia|Kashmir|Punjab|Bengal|
Quebec|Ontario|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|Tasmania|Queensland|Victoria|New South Wales|NSW`;

const US_STATES = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|
Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|
New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|
Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|D.C.`;

const REGIONS = `Europe|Asia|Africa|North America|South America|Latin America|Central America|Oceania|Antarctica|Arctic|Middle East|
Near East|Far East|Balkans|Caucasus|Scandinavia|Baltic|Baltics|Caribbean|Mediterranean|Pacific|Atlantic|Indian Ocean|Gulf|Persian Gulf|
Eastern Europe|Western Europe|Central Europe|Southeast Asia|Central Asia|East Asia|South Asia|North Africa|West Africa|East Africa|
Sub-Saharan Africa|Horn of Africa|Sahel|Sahara|Amazon|Himalayas|Alps|Black Sea|Red Sea|Baltic Sea|North Sea|South China Sea|
Earth|Moon|Mars|Venus|Jupiter|Saturn|Sun|Milky Way|Outer Space|West|East|North|South|Midwest|Northeast|Southwest|Southeast|Northwest`;

const CITIES = `New York City|London|Paris|Berlin|Moscow|Rome|Madrid|Barcelona|Lisbon|Dublin|Brussels|Amsterdam|The Hague|Rotterdam|Vienna|Prague|Warsaw|
Budapest|Bucharest|Sofia|Belgrade|Zagreb|Sarajevo|Athens|Istanbul|Ankara|Kiev|Kyiv|Minsk|Riga|Tallinn|Vilnius|Helsinki|Stockholm|Oslo|
Copenhagen|Reykjavik|Geneva|Zurich|Bern|Frankfurt|Munich|Hamburg|Cologne|Bonn|Stuttgart|Milan|Naples|Turin|Florence|Venice|Marseille|
Lyon|Toulouse|Strasbourg|Manchester|Liverpool|Birmingham|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|New York|Washington|Los Angeles|
Chicago|Houston|Boston|Philadelphia|San Francisco|Seattle|Miami|Atlanta|Dallas|Detroit|Denver|Phoenix|Las Vegas|New Orleans|
Baltimore|Pittsburgh|Cleveland|Cincinnati|St. Louis|St Louis|Minneapolis|Milwaukee|Kansas City|San Diego|Oakland|Toronto|Montreal|
Vancouver|Ottawa|Mexico City|Havana|Bogota|Lima|Caracas|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Brasilia|Montevideo|Cairo|
Alexandria|Tripoli|Tunis|Algiers|Rabat|Casablanca|Lagos|Abuja|Accra|Dakar|Nairobi|Addis Ababa|Khartoum|Kinshasa|Johannesburg|
Cape Town|Pretoria|Harare|Luanda|Kampala|Kigali|Mogadishu|Jerusalem|Tel Aviv|Beirut|Damascus|Amman|Baghdad|Tehran|Riyadh|Jeddah|Mecca|
Dubai|Abu Dhabi|Doha|Kuwait City|Muscat|Sanaa|Kabul|Islamabad|Karachi|Lahore|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Chennai|
Bangalore|Dhaka|Colombo|Kathmandu|Beijing|Shanghai|Hong Kong|Guangzhou|Shenzhen|Taipei|Tokyo|Osaka|Seoul|Pyongyang|Manila|Jakarta|
Bangkok|Hanoi|Ho Chi Minh City|Kuala Lumpur|Singapore|Sydney|Melbourne|Canberra|Brisbane|Perth|Auckland|Wellington|Grozny|Baikonur|
Cape Canaveral|Houston|Vostochny|Plesetsk|Kourou|Tbilisi|Yerevan|Baku|Almaty|Astana|Tashkent|Bishkek|Dushanbe|Ashgabat|Chisinau|
Bratislava|Ljubljana|Skopje|Tirana|Podgorica|Pristina|Nicosia|Valletta|Luxembourg|Monaco|Gibraltar|Sevastopol|Donetsk|Luhansk|Kharkiv|
Odessa|Mariupol|St Petersburg|St. Petersburg|Saint Petersburg|Novosibirsk|Vladivostok|Yekaterinburg`;

const NATIONALITIES = `Afghan|Albanian|Algerian|American|Andorran|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|
Azerbaijani|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Briton|Bulgarian|Burmese|Cambodian|Cameroonian|
Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Croatian|Cuban|Cypriot|Czech|Danish|Dane|Dutch|Ecuadorian|Egyptian|English|
Eritrean|Estonian|Ethiopian|European|Filipino|Finnish|Finn|French|Georgian|German|Ghanaian|Greek|Guatemalan|Haitian|Honduran|
Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|
Kosovar|Kurdish|Kurd|Kuwaiti|Kyrgyz|Laotian|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malaysian|
Malian|Maltese|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|Nepali|Nicaraguan|Nigerian|Nigerien|
Norwegian|Omani|Pakistani|Palestinian|Panamanian|Paraguayan|Peruvian|Polish|Pole|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|
Scottish|Scot|Senegalese|Serb|Serbian|Slovak|Slovakian|Slovene|Slovenian|Somali|Spanish|Spaniard|Sri Lankan|Sudanese|Swede|Swedish|
Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Tibetan|Tunisian|Turkish|Turk|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|
Vietnamese|Welsh|Yemeni|Yugoslav|Zambian|Zimbabwean|Soviet|Western|Eastern|Northern|Southern|Asian|African|Arab|Arabic|Latin|
Hispanic|Caucasian|Balkan|Nordic|Scandinavian|Baltic|Chechen|Chechens|Kurds|Palestinians|Israelis|Americans|Russians|Germans|
Europeans|Britons|Serbs|Croats|Muslims|Christians|Jews|Muslim|Christian|Jewish|Catholic|Protestant|Hindu|Buddhist|Sikh|Islamic|
Sunni|Shiite|Shia|Orthodox|West Indian|South African|North Korean|South Korean|New Zealander|Flemish|Walloon|Basque|Catalan|
Bavarian|Siberian|Texan|Californian|Londoner|Muscovite|Sinhalese|Tamil|Pashtun|Hutu|Tutsi|Zulu|Xhosa|Maori|Aboriginal|Roma`;

const LANGUAGES = `Mandarin|Cantonese|Hindi|Urdu|Bengali|Farsi|Persian|Hebrew|Swahili|Esperanto|Latin|Sanskrit|Yiddish|Flemish`;

const TIME_WORDS = `January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|
Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|
Christmas|Easter|Ramadan|Eid|Hanukkah|Thanksgiving|Halloween|New Year|Passover|Diwali|Lent|Today|Yesterday|Tomorrow|Spring|Summer|
Autumn|Winter|Fall|Q1|Q2|Q3|Q4|GMT|UTC|EST|EDT|CET|BST|PST|AM|PM|A.M.|P.M.`;

/** Stations, spacecraft and programmes: places and things the agencies run, not agencies. */
const THINGS = `ISS|International Space Station|Space Station|Mir|Tiangong|Soyuz|Progress|Dragon|Crew Dragon|Starliner|Orion|Artemis|
Apollo|Gemini|Hubble|James Webb Space Telescope|Webb|Mars Rover|Perseverance|Curiosity|Internet|Web|World Wide Web|God|Allah|Bible|
Koran|Quran|Islam|Christianity|Judaism|Hinduism|Buddhism|Covid|COVID|COVID-19|Covid-19|Ebola|AIDS|HIV|SARS|Olympics|Olympic Games|
World Cup|Euro|Euros|Champions League|Premier League|Super Bowl|Grand Prix|Tour de France|Wimbledon|Bitcoin|iPhone|Windows|Android|
Boeing 747|Airbus A380|Brexit|Holocaust|Cold War|World War|World War I|World War II|Mass|Parliament House|White House|Kremlin|
Pentagon Papers|Oval Office|Situation Room|Downing Street|Capitol|Capitol Hill|Wall Street|Main Street|Silicon Valley|Hollywood|Broadway|Vatican|MKS|МКС`;

/** Titles and generic words that begin capitalised runs but never name an agency on their own. */
const TITLES_AND_WORDS = `President|Vice President|Prime Minister|Minister|Secretary|Chancellor|King|Queen|Prince|Princess|Pope|
Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Gen|General|Col|Colonel|Lt|Captain|Capt|Sgt|Sen|Senator|Rep|Representative|Gov|
Governor|Mayor|Judge|Justice|Ambassador|Commissioner|Director|Chairman|Chief|CEO|Coach|Manager|Spokesman|Spokeswoman|Spokesperson|
Editor|Author|Agency|Government|State|Ministry|Party|Company|Group|Council|Court|Army|Police|University|Department|Bank|Union|Club|
Team|Board|Office|Administration|Commission|Committee|Federation|Association|Institute|Center|Centre|Foundation|Service|Authority|
Image|Photo|Video|Source|Sources|Analysts|Analyst|Traders|Dealers|Investors|Economists|Officials|Residents|Witnesses|Doctors|Experts|Critics|Shares|Stocks|Bonds|Prices|Police said|Note|Notes|Update|Updated|Reporting|Editing|Writing|Read|Click|Share|Tweet|Email|Related|Advertisement|
Breaking|Exclusive|Analysis|Opinion|Comment|Editorial|Letter|Letters|Results|Standings|Table|Scores|Summary|Index|Total|Totals|Page`;

/** Adjectives that begin agencies' names ("National Bank", "Democratic Party") but are none alone. */
const NAME_ADJECTIVES = `Democratic|Republican|Democrat|Democrats|Republicans|Conservative|Conservatives|Liberal|Liberals|Socialist|Socialists|
Communist|Communists|Progressive|Federal|National|Royal|Imperial|Presidential|Congressional|Parliamentary|Central|Supreme|General`;

function toSet(...lists: string[]): Set<string> {
  const set = new Set<string>();
  for (const list of lists) {
    for (const raw of list.split('|')) {
      const name = raw.trim().replace(/\s+/g, ' ');
      if (name) set.add(name.toLowerCase());
    }
  }
  return set;
}

const PLACES_AND_PEOPLES = toSet(COUNTRIES, US_STATES, REGIONS, CITIES, NATIONALITIES, LANGUAGES);
const NEVER = toSet(TIME_WORDS, THINGS, TITLES_AND_WORDS);
const ADJECTIVES = toSet(NAME_ADJECTIVES);

/** A month, weekday, title or generic word that may open a capitalised run but is not part of a name. */
export function isFillerWord(word: string): boolean {
  return NEVER.has(word.toLowerCase());
}

const NATIONALITY_WORDS = toSet(NATIONALITIES);

/** "German", "Russian": an adjective of nationality, a modifier before an agency's name. */
export function isNationality(word: string): boolean {
  return NATIONALITY_WORDS.has(word.toLowerCase()) || word === 'U.S.' || word === 'US' || word === 'UK' || word === 'U.K.';
}

const TOWNS = toSet(CITIES, US_STATES);

/** A city or US state: in a sports report, often the name of its club. */
export function isTown(name: string): boolean {
  return TOWNS.has(normalise(name));
}

/** A place or nationality, which a sports results line may still use as a team's name ("Essex 296"). */
export function isPlaceOrPeople(name: string): boolean {
  return PLACES_AND_PEOPLES.has(normalise(name));
}

/** Whether a rule- or model-found name is certainly not an agency. */
export function isNotAnAgency(name: string): boolean {
  const key = normalise(name);
  if (NEVER.has(key) || PLACES_AND_PEOPLES.has(key) || ADJECTIVES.has(key)) return true;
  // "Russian", "Russians", "Germany's": plural and possessive forms of the same words.
  const bare = key.replace(/['’]s$|['’]$/u, '').replace(/ ?['’] ?s$/u, '');
  if (bare !== key && (NEVER.has(bare) || PLACES_AND_PEOPLES.has(bare))) return true;
  if (key.endsWith('s') && PLACES_AND_PEOPLES.has(key.slice(0, -1))) return true;
  return false;
}

function normalise(name: string): string {
  const lower = name.toLowerCase();
  // Most names are one plain word: skip the regexes.
  if (!/[\s'’]/.test(lower)) return lower;
  return lower.replace(/\s+/g, ' ').replace(/ (['’]s)\b/g, '$1').trim();
}
