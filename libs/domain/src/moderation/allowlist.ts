// False positives of the public lists: entries dropped from them, and innocent phrases that contain a listed word.
//
// Matching is on whole words, so "con" never fires inside "contrat"; what
// remains are list entries that *are* ordinary words on their own. Each group
// says why it goes. An insult that needs the ordinary word keeps a phrase form
// in extra-words.ts ("sale pédale", "ta chatte", "ta gueule").

/** Ordinary French words (objects, food, animals, verbs) that the lists count as insults. */
const ORDINARY_FRENCH = [
  'andouille', // sausage
  'baiser', // "un baiser", a kiss
  'bander', // to bandage
  'beauf', // brother-in-law
  'bourré',
  'bourrée', // stuffed; a folk dance
  'cacou', // Marseille slang, affectionate as often as not
  'caldoche', // New Caledonians of European descent name themselves so
  'chatte', // a female cat; kept as "ta chatte"
  'chauffard', // reckless driver: a road-safety word
  'coche', // a tick box
  'courtaud', // stocky
  'cricri', // a cricket
  'crotte', // "crotte de chien", civic projects talk about it
  'crouton',
  'déconne',
  'déconner', // to fool around
  'enflure', // a swelling
  'épais', // thick
  'folle', // mad (fem.); "grande folle" stays
  'fumier', // manure
  'gerbe', // a wreath
  'gerber',
  'gland', // an acorn
  'gourde', // a water bottle
  'gueule', // "avoir la gueule de bois"; kept as "ta gueule"
  'jouir', // "jouir de ses droits"
  'kikoo',
  'kikou', // "hi!" in teen chat
  'lavette', // a dishcloth
  'magot', // savings
  'manche', // a sleeve; a round of a game
  'meuf', // woman, slang but not an insult
  'minable',
  'misérable', // Hugo's "Les Misérables"
  'minus',
  'nase',
  'naze', // "je suis naze": I'm exhausted
  'niac', // "avoir la niac": fighting spirit, a plausible team name
  'pédale', // a bike pedal; kept as "sale pédale"
  'pet', // also English "pet"
  'péter', // "péter un câble"
  'pipi',
  'pouf', // an ottoman
  'pourriture', // rot
  'punaise', // a drawing pin, and the polite swear
  'ramoner', // to sweep a chimney
  'raton', // "raton laveur"; kept as "sale raton"
  'sale', // dirty: "la vaisselle sale"; every "sale X" insult is listed as a phrase
  'stéarique', // stearic (chemistry)
  'suce', // "il suce un bonbon"; "suceur" stays
  'tanche', // a fish
  'traînée', // a trail; kept as "sale traînée"
  'trique', // a cudgel
  'turlute', // Québec folk singing
];

/** Words of other languages the lists mistake for French insults, and innocent homonyms. */
const OTHER_LANGUAGES = [
  'bitte', // German "please"; a mooring bollard ("bite" stays)
  'chleuh', // the Shilha people of Morocco
  'fritz', // a first name
  'goi', // Vietnamese salad; transliteration of "goy"
  'putin', // a president's name, only a misspelling of "putain" in the list
  'rosbif', // roast beef
];

/**
 * English list entries that are vocabulary a prevention project must be able
 * to use (sex education, consent, cyber-harassment, history) or ordinary words.
 * Blocking "rape" would also block the French "râpe" (a grater).
 */
const PREVENTION_AND_EDUCATION = [
  'anal',
  'anus',
  'clitoris',
  'date rape',
  'daterape',
  'domination',
  'ejaculation',
  'erotic',
  'erotism',
  'escort',
  'eunuch',
  'fecal', // French "fécal"
  'genitals',
  'homoerotic',
  'incest',
  'intercourse',
  'lovemaking',
  'neonazi',
  'nipple',
  'nipples',
  'nude',
  'nudity',
  'paedophile',
  'pedophile',
  'penis',
  'porn',
  'porno',
  'pornography', // "revenge porn" is a cyber-bullying topic
  'pubes',
  'rape',
  'raping',
  'rapist',
  'rectum',
  'sadism',
  'semen',
  'sex',
  'sexo',
  'sexual',
  'sexually',
  'sexuality',
  'sexy',
  'sodomy',
  'swastika',
  'vagina',
  'vulva',
];

/** English entries that are ordinary words, names or titles. */
const ORDINARY_ENGLISH = [
  'alaskan pipeline',
  'ball kicking',
  'barenaked',
  'big black',
  'cornhole', // a bean-bag game
  'deep throat', // the Watergate informant
  'fingering', // guitar fingering
  'girl on', // "Girl on Fire"
  'hard core',
  'hardcore', // a music genre, a game mode
  'hot chick',
  'how to kill',
  'how to murder',
  'jelly donut',
  'lolita',
  'make me come', // "make me come back"
  'nsfw',
  'nsfw images',
  'octopussy',
  'panties',
  'panty',
  'playboy',
  'santorum',
  'scat', // jazz singing
  'skeet', // clay shooting
  'snatch',
  'snowballing',
  'spunk',
  'suck',
  'sucks', // "bullying sucks"
  'swinger',
  'tainted love',
  'taste my',
  'tied up',
  'tight white',
  'tit', // a bird
  'tongue in a',
  'topless',
  'twink',
  'twinkie',
  'undressing',
  'voyeur',
  'voyuer',
  'xx', // the Roman numeral 20
  'yaoi', // a manga genre
];

/** Entries removed from the public lists before use. */
export const REMOVED_LIST_ENTRIES: readonly string[] = [
  ...ORDINARY_FRENCH,
  ...OTHER_LANGUAGES,
  ...PREVENTION_AND_EDUCATION,
  ...ORDINARY_ENGLISH,
];

/**
 * Innocent phrases containing a listed word on its own: inside them the word
 * is not an insult ("un cul-de-sac", "un pique-nique").
 */
export const INNOCENT_PHRASES: readonly string[] = [
  'cul-de-sac',
  'cul-de-poule',
  'cul-de-lampe',
  'cul de bouteille',
  'cul-de-basse-fosse',
  'pique-nique',
  'pique-niques',
  'piques-niques',
  'pique-niquer',
  'chili con carne',
  'con carne',
  'con leche',
  'con brio',
  'con moto',
  'con amore',
  'pros and cons',
  'pros & cons',
  'pain bâtard',
  'bouffon du roi',
  'nicolas gogol',
  'nikolai gogol',
  'moby dick',
  'cum laude',
];
