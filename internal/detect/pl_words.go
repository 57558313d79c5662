package detect

// Small hand-made word lists for the places family, beyond what internal/lexicon holds.
// All lower case; keys as lexicon.Key makes them (no apostrophes or dots).

import "github.com/scrubshq/scrubs/internal/result"

// plSmallWords are words left out when judging whether a sentence is in Title Case.
var plSmallWords = WordSet("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
	"with", "by", "from", "is", "was", "i", "&")

// plAbbrevDot are words that may carry a dot inside a name ("St. Luke's", "Mt. Vernon").
var plAbbrevDot = WordSet("st", "mt", "ft", "dr", "co", "rd", "ave", "no", "gen", "jr", "sr")

// plStop are words that never belong to a place or organisation name, even when
// capitalised (sentence starts, all-capital posts).
var plStop = WordSet(
	"the", "a", "an", "at", "in", "to", "from", "of", "my", "our", "your", "his", "her",
	"their", "its", "this", "that", "these", "those", "on", "by", "with", "for", "or", "is",
	"was", "are", "were", "be", "been", "i", "we", "you", "he", "she", "they", "it", "me", "us",
	"him", "them", "via", "into", "onto", "nearest", "whole", "every", "each", "any", "some",
	"no", "not", "dear", "hi", "hello", "thanks", "thank", "please", "when", "where", "which",
	"what", "who", "why", "how", "if", "so", "but", "as", "after", "before", "during", "since",
	"until", "about", "also", "just", "very", "all", "both", "more", "most", "other",
	"another", "such", "only", "same", "than", "too", "then", "there", "here", "now", "today",
	"yesterday", "tomorrow", "tonight", "last", "next", "our", "im", "ive", "id", "its", "got",
	"get", "went", "go", "going", "sent", "took", "taken", "admitted", "transferred",
	"discharged", "moved", "work", "working", "works", "worked", "visit", "visited",
	"visiting", "rang", "called", "nearby", "outside", "inside", "near", "over", "under",
	"up", "down", "out", "off", "back", "local", "new", "old", "big", "little", "busy", "poor",
	"amazing", "great", "good", "bad", "best", "worst", "lovely", "proud", "shout", "huge",
	"massive", "ok", "okay", "yes", "yeah", "oh", "rip", "re", "fwd", "lol", "omg", "ps",
	"pls", "nhs", "staff", "team", "patient", "patients", "pt", "pts", "and", "or", "but",
	"nor", "yet", "&")

// plKeepInName are stop words that may still stand inside a name: "New Cross Hospital",
// "Good Hope Hospital", "Great Western Hospital", "Old Road Surgery".
var plKeepInName = WordSet("new", "old", "great", "good", "little", "big", "local")

// plGeneric are words allowed in an organisation's name that do not name it on their own
// ("Royal", "General", "University", "Community"): "General Hospital" with nothing before
// it is not an entity.
var plGeneric = WordSet(
	"royal", "general", "district", "county", "city", "town", "village", "community",
	"cottage", "memorial", "war", "university", "universities", "teaching", "new", "old",
	"main", "central", "north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "northeast", "northwest", "southeast", "southwest", "upper", "lower", "mid",
	"middle", "greater", "local", "family", "group", "health", "healthcare", "care", "medical",
	"medicine", "nhs", "hsc", "children", "childrens", "child", "kids", "womens", "women",
	"mens", "men", "maternity", "eye", "dental", "psychiatric", "psychiatry", "mental",
	"rehabilitation", "rehab", "orthopaedic", "orthopedic", "specialist", "private",
	"independent", "primary", "secondary", "urgent", "emergency", "treatment", "regional",
	"national", "integrated", "nursing", "residential", "acute", "elderly", "cancer",
	"heart", "cardiac", "stroke", "renal", "day", "surgical", "clinical", "research",
	"catholic", "methodist", "baptist", "anglican", "evangelical", "pentecostal", "orthodox",
	"christian", "parish", "state", "grammar", "high", "infant", "infants", "junior",
	"comprehensive", "sixth", "form", "international", "british", "english", "scottish",
	"welsh", "irish", "american", "federal", "foundation", "trust", "partnership", "partners",
	"service", "services", "unit", "centre", "center", "hospital", "hospitals", "practice",
	"surgery", "clinic", "home", "homes", "house", "hospice", "infirmary", "board", "system",
	"network", "specialty", "speciality", "womens", "ambulance", "dementia", "respite",
	"neuro", "neurological", "spinal", "burns", "fertility", "pain", "memory", "fracture",
	"diabetes", "sexual", "walk-in", "walk", "in", "out", "outpatient", "outpatients",
	"inpatient", "virtual", "online", "digital", "veterans", "va", "military", "army", "police",
	"fire", "prison", "secure", "forensic", "learning", "disability", "disabilities", "autism",
	"paediatric", "pediatric", "neonatal", "geriatric", "senior", "seniors", "adult", "adults",
	"youth", "young", "student", "students", "staff", "school", "college", "academy", "free",
	"open", "public", "city", "metropolitan", "borough", "town", "parish", "council", "county",
	"med", "uni", "law", "grad", "nursing", "boarding", "summer", "sunday", "night",
	"driving", "art", "drama", "dance", "music", "business", "language")

// plRoyalTitles are titles that stand inside organisation names ("Queen Elizabeth
// Hospital", "Princess Royal", "Sir Robert Peel").
var plRoyalTitles = WordSet("queen", "king", "prince", "princess", "lady", "sir", "duke",
	"duchess", "lord", "dame", "earl", "countess", "st", "saint", "mount", "mt")

// plSurgeryNeg are words that name an operation, not a GP surgery ("Knee Surgery").
var plSurgeryNeg = WordSet("knee", "hip", "heart", "brain", "eye", "back", "spine", "spinal",
	"bowel", "cancer", "weight", "loss", "cosmetic", "plastic", "laser", "keyhole", "major",
	"minor", "emergency", "day", "open", "elective", "robotic", "bariatric", "cardiac", "dental",
	"oral", "foot", "hand", "breast", "lung", "liver", "kidney", "bladder", "shoulder", "ankle",
	"wrist", "neck", "face", "nose", "ear", "tummy", "gastric", "bypass", "transplant",
	"cataract", "vascular", "orthopaedic", "orthopedic", "trauma", "paediatric", "pediatric",
	"neuro", "colorectal", "urology", "tree", "veterinary", "vet", "dog", "pet", "jaw", "gum",
	"sinus", "hernia", "gender", "reconstructive", "corrective", "exploratory", "abdominal",
	"thoracic", "ent", "eye", "lasik", "fertility", "skin", "brain", "bone", "joint", "lap",
	"laparoscopic", "keyhole", "same", "first", "second", "third", "fourth", "my", "his",
	"her", "their", "big", "major", "life", "saving", "life-saving", "hand", "general",
	"surgery", "cleft", "lip", "palate", "mohs", "hemorrhoid", "haemorrhoid", "varicose",
	"vein", "veins", "carpal", "tunnel", "wisdom", "tooth", "teeth", "toe", "finger",
	"ovarian", "womb", "uterine", "prostate", "thyroid", "appendix", "gallbladder", "hip",
	"private", "nhs", "routine", "planned", "urgent", "repeat", "revision", "further")

// plPracticeNeg are words before "Practice" that do not name a GP practice ("Best Practice").
var plPracticeNeg = WordSet("best", "good", "clinical", "nursing", "general", "private",
	"advanced", "reflective", "evidence", "evidence-based", "professional",
	"safe", "poor", "bad", "standard", "common", "usual", "normal", "current", "legal",
	"dental", "group", "target", "band", "exam", "driving", "choir", "football",
	"rugby", "cricket", "netball", "piano", "music", "yoga", "spiritual", "religious",
	"midwifery", "therapy", "psychology", "social", "work", "team", "inclusive", "ethical",
	"sharp", "fire", "evacuation", "drill", "safeguarding", "infection", "prevention",
	"control", "hand", "hygiene", "aseptic", "sterile", "open", "closed", "my", "our", "her",
	"his", "own", "independent", "specialist", "advanced", "practice", "code", "codes")

// plWardGeneric are words before "Ward"/"Unit" that name a kind of ward, not one ward
// ("Maternity Ward", "Stroke Unit").
var plWardGeneric = WordSet("maternity", "labour", "labor", "childrens", "children", "kids",
	"surgical", "medical", "private", "psychiatric", "psych", "covid", "geriatric",
	"elderly", "care", "acute", "day", "isolation", "cardiac", "cardiology", "respiratory",
	"orthopaedic", "orthopedic", "ortho", "general", "female", "male", "mens", "womens",
	"gynae", "gynaecology", "gynecology", "oncology", "haematology", "hematology", "renal",
	"cancer", "mental", "health", "dementia", "rehab", "rehabilitation", "assessment",
	"admissions", "admission", "short", "stay", "observation", "hospital", "whole", "same",
	"another", "other", "different", "busy", "new", "old", "home", "escalation", "surge",
	"stroke", "neuro", "neurology", "neonatal", "postnatal", "antenatal", "delivery", "birth",
	"burns", "trauma", "paediatric", "pediatric", "adult", "adolescent", "intensive",
	"high", "dependency", "coronary", "critical", "step", "down", "stepdown", "medicine",
	"surgery", "elective", "emergency", "frailty", "palliative", "hospice", "liver", "gastro",
	"endoscopy", "urology", "ent", "plastics", "vascular", "colorectal", "spinal", "eye",
	"dialysis", "infectious", "diseases", "transplant", "bariatric", "chest", "heart",
	"medical", "nightingale", "my", "our", "your", "his", "her", "their", "that", "this",
	"the", "a", "each", "every", "any", "one", "first", "last", "next", "previous", "main",
	"big", "little", "small", "large", "huge", "quiet", "hectic", "lovely", "great", "bad",
	"good", "best", "worst", "favourite", "favorite", "agency", "bank", "open", "closed",
	"empty", "full", "dirty", "clean", "electoral", "political", "council", "city", "county",
	"election", "hdu", "itu", "icu", "ccu", "amu", "mau", "covid-19", "flu", "infection",
	"side", "single", "mixed", "bay", "nursing", "specialist", "regional", "national",
	"secure", "forensic", "low", "medium", "locked", "open", "learning", "disability",
	"virtual", "discharge", "transfer", "holding", "escalation", "winter", "pressures")

// plPersonVerbs follow a person's name, not a ward's ("Emily Ward said").
var plPersonVerbs = WordSet("said", "says", "told", "asked", "emailed", "messaged", "rang",
	"called", "thinks", "thought", "wrote", "replied", "agreed", "smiled", "laughed",
	"cried", "shouted", "whispered", "signed", "explained", "admitted", "reckons", "and")

// plPrepStrong are words before a place that make it a place ("in Bath", "near Leeds").
var plPrepStrong = WordSet("in", "at", "near", "nr", "outside", "around", "towards",
	"toward", "via", "visiting", "based", "born", "raised", "lives", "lived", "living",
	"moved", "relocated", "commutes", "commuted", "commuting", "holiday", "holidaying",
	"holidays", "evacuated", "stationed", "across", "throughout", "within", "round",
	"between", "nearer", "beyond")

// plPrepWeak are words before a place that make it likely a place ("from Reading",
// "to Leeds") but also stand before people ("a card from Florence").
var plPrepWeak = WordSet("from", "to", "into", "leaving", "left", "visit", "visited",
	"reached", "reach", "drove", "flew", "travelled", "traveled", "transferred", "heading",
	"headed", "en", "route", "back", "of", "and", "or", "&")

// plPlaceAfter are words after a place name that make it a place ("Bath city centre").
var plPlaceAfter = WordSet("village", "town", "city", "area", "county", "borough",
	"district", "centre", "center", "suburbs", "outskirts", "station", "airport", "docks",
	"harbour", "port", "shire", "region", "countryside", "seafront", "marina", "high")

// plOfNouns are words before "of" that make what follows a place ("the town of Hope").
var plOfNouns = WordSet("town", "city", "village", "county", "outskirts", "north", "south",
	"east", "west", "centre", "center", "suburbs", "part", "area", "borough", "people",
	"resident", "residents", "native", "mayor", "edge", "heart", "middle", "streets",
	"hamlet", "parish", "district", "region", "province", "state", "republic", "kingdom",
	"university", "bishop", "duke", "duchess", "earl")

// plDirections may stand before a place inside its name ("North London", "East Leeds").
var plDirections = WordSet("north", "south", "east", "west", "central", "greater", "inner",
	"outer", "northern", "southern", "eastern", "western", "upper", "lower", "old", "new",
	"downtown", "uptown", "mid", "north-east", "north-west", "south-east", "south-west",
	"northeast", "northwest", "southeast", "southwest")

// plAmbiguousPlaces are place names that are common words or names and need a capital and
// context even when the lexicon does not flag them.
var plAmbiguousPlaces = WordSet("bath", "reading", "hope", "wells", "street", "march",
	"deal", "eye", "sale", "settle", "ware", "rye", "mobile", "buffalo", "florence", "will",
	"nice", "best", "split", "of", "hull", "bury", "wick", "wing", "ash", "cork", "bar",
	"born", "goes", "bra", "hit", "male", "bud", "cheddar", "ham", "hook", "lamb", "lock",
	"may", "wool", "flint", "barking", "sandwich", "orange", "sole", "mission", "union",
	"alliance", "temple", "lodge", "church", "bill", "mark", "grace", "faith", "joy", "ivy",
	"rose", "holly", "summer", "dawn", "eve", "amber", "jersey", "chad", "jordan", "georgia",
	"china", "turkey", "guinea", "victoria", "phoenix", "troy", "tyler", "jackson", "austin",
	"dallas", "houston", "sydney", "darwin", "chelsea", "brooklyn", "derby", "victory",
	"unity", "liberty", "independence", "commerce", "industry", "enterprise", "surprise",
	"normandy", "sunny", "crystal", "lorraine", "avon", "kingston", "clinton", "hamilton",
	"washington", "virginia", "indiana", "montana", "carolina", "nevada", "christmas",
	"easter", "halloween", "valentine", "boxing", "paradise", "heaven", "eden", "zion",
	"bethlehem", "nazareth", "jericho", "goshen", "canaan", "babylon")

// plExtraCounties are counties and regions of the UK said on their own that the lexicon
// lacks as County ("Yorkshire"); they are CITY entities per the guide.
var plExtraCounties = WordSet("yorkshire", "cotswolds", "lakeland", "teesside", "tyneside",
	"merseyside", "wearside", "humberside", "cleveland", "midlands", "westmorland",
	"cumberland", "middlesex", "glamorgan", "gwent", "dyfed", "clwyd", "powys", "gwynedd",
	"anglesey", "argyll", "galloway", "ayrshire", "lanarkshire", "strathclyde", "lothians",
	"fermanagh", "tyrone", "antrim", "armagh", "londonderry")

// plExtraPlaces are large towns the lexicon lists under another name ("Kingston upon
// Hull"), with their population.
var plExtraPlaces = map[string]uint32{"hull": 267000}

// plNationWords are countries and nations written as abbreviations or words the lexicon
// may lack.
var plCountryAbbrev = map[string]float64{"uk": 0.75, "usa": 0.8, "uae": 0.8, "u.s.a": 0.8,
	"u.k": 0.75, "drc": 0.6}

// plScotBoards are Scottish health-board names said after "NHS" ("NHS Lothian").
var plScotBoards = WordSet("lothian", "tayside", "fife", "grampian", "highland", "borders",
	"lanarkshire", "ayrshire", "orkney", "shetland", "western", "forth", "greater",
	"dumfries", "glasgow")

// plNHSNotBoard are words after "NHS" that are not a health board ("NHS England", "NHS
// Digital").
var plNHSNotBoard = WordSet("england", "scotland", "wales", "ni", "digital", "direct",
	"jobs", "choices", "app", "login", "number", "pensions", "employers", "providers",
	"confederation", "improvement", "resolution", "supply", "blood", "property",
	"professionals", "trust", "foundation", "trusts", "staff", "nurses", "pay", "workers",
	"inform", "24", "111", "uk", "britain", "british", "the", "and", "is", "was", "has",
	"will", "hospital", "hospitals", "nurse", "doctors", "it", "england's")

// plWardUnits are unit acronyms that are WARD entities, beyond the lexicon's WardUnit.
var plWardUnits = WordSet("hdu", "itu", "icu", "ccu", "nicu", "picu", "scbu", "amu", "mau",
	"sdec", "cdu", "micu", "sicu", "cicu", "cticu", "hasu", "aau", "eau", "sau", "cau")

// plNotWard are words that look like units but are not WARD entities per the guide.
var plNotWard = WordSet("ae", "a&e", "ed", "er", "theatre", "theatres", "theater", "or",
	"resus", "majors", "minors", "tele", "med-surg", "medsurg")

// plRoomCues are words that introduce a bed, bay or room number, and their confidence.
var plRoomCues = map[string]float64{
	"bed": 0.85, "beds": 0.8, "bedspace": 0.85, "bay": 0.85, "bays": 0.8, "room": 0.75,
	"rooms": 0.7, "rm": 0.7, "cubicle": 0.85, "cubicles": 0.8, "cubie": 0.8, "cube": 0.65,
	"sideroom": 0.85, "sr": 0.8, "resus": 0.8, "cot": 0.75, "pod": 0.65, "trolley": 0.65,
	"majors": 0.7, "chair": 0, "incubator": 0.75, "or": 0.75, "ldr": 0.8, "ldrp": 0.8,
}

// plRoomAfterUnit are words after a number that make it a quantity, not a bed or room
// ("bed 4 hours").
var plRoomAfterUnit = WordSet("hours", "hour", "hrs", "hr", "h", "days", "day", "weeks",
	"week", "wks", "months", "month", "years", "year", "yrs", "mins", "minutes", "minute",
	"min", "secs", "seconds", "times", "x", "am", "pm", "oclock", "people", "patients",
	"pts", "nurses", "staff", "of", "percent", "%", "mg", "ml", "kg", "miles", "mile", "feet",
	"ft", "inches", "cm", "mm", "metres", "meters", "or", "nights", "night", "shifts")

// Street suffix strength: plStreetA may follow a bare capitalised name ("Church Lane",
// "High Street"); plStreetB needs a distinctive name, place context or a house number
// ("Acacia Close", "at Meadow Way"); any other lexicon StreetSuffix needs a house number.
var plStreetA = WordSet("street", "road", "lane", "avenue", "crescent", "terrace", "mews",
	"boulevard", "st", "rd", "ln", "ave", "blvd", "avenue")
var plStreetB = WordSet("close", "way", "drive", "grove", "gardens", "place", "square",
	"court", "walk", "row", "parade", "rise", "parkway", "circle", "pike", "highway", "wynd",
	"cres", "hwy", "pkwy", "gdns", "sq", "ct", "cir", "pl", "chase", "croft", "fold",
	"brow", "mead", "meadows", "heights", "glen", "trail", "plaza", "esplanade", "promenade",
	"embankment", "quay", "wharf", "approach", "villas", "cottages", "dr")

// plStreetNot are street-like phrases that are not addresses ("memory lane", "Wall
// Street").
var plStreetNot = map[string]bool{"memory lane": true, "easy street": true,
	"civvy street": true, "queer street": true, "fast lane": true, "slow lane": true,
	"middle lane": true, "bus lane": true, "cycle lane": true, "wall street": true,
	"sesame street": true, "coronation street": true, "downing street": true,
	"fleet street": true, "main road": true, "side road": true, "ring road": true,
	"one way": true, "high road": true, "long road": true, "open road": true,
	"rocky road": true, "penny lane": true, "abbey road": true, "skid row": true,
	"death row": true, "no way": true, "any way": true, "either way": true,
	"half way": true, "same way": true, "long way": true, "wrong way": true,
	"right way": true, "milky way": true, "my way": true, "their way": true,
	"street food": true}

// plHouseNumberNot are words after a number that make it a quantity, not a house number
// ("12 Hour Shift", "5 Star Hotel").
var plHouseNumberNot = WordSet("hour", "hours", "day", "days", "week", "weeks", "month",
	"months", "year", "years", "mile", "miles", "minute", "minutes", "star", "stars",
	"times", "x", "percent", "point", "points", "bed", "beds", "bay", "bays", "room",
	"rooms", "floor", "floors", "way", "am", "pm", "foot", "feet", "inch", "yard", "yards",
	"lane", "lanes", "mg", "ml", "kg", "g", "litres", "liters", "pack", "packs", "pound",
	"pounds", "quid", "units", "unit", "patients", "nurses", "staff", "people", "lb", "lbs",
	"st", "stone", "kilo", "kilos", "hr", "hrs", "yr", "yrs", "min", "mins")

// Pubs: "the Red Lion", "the King's Head", "the Rose and Crown".
var plPubNouns = WordSet("arms", "head", "inn", "tavern", "lion", "hart", "bull", "swan",
	"horse", "horses", "crown", "anchor", "bell", "plough", "oak", "dragon", "stag", "fox",
	"hounds", "hound", "feathers", "lamb", "boar", "ship", "star", "cock", "duck", "fleece",
	"bear", "eagle", "falcon", "pheasant", "greyhound", "barge", "wheatsheaf", "chequers",
	"grapes", "globe", "mitre", "unicorn", "griffin", "ram", "buck", "cow", "hare", "hounds",
	"harp", "sun", "moon", "compasses", "keys", "volunteer", "railway")
var plPubAdj = WordSet("red", "white", "black", "golden", "royal", "kings", "queens",
	"green", "blue", "old", "new", "three", "two", "seven", "nags", "saracens", "bricklayers",
	"carpenters", "masons", "coach", "rose", "fox", "dog", "cross", "george", "prince",
	"princess", "dukes", "marquis", "grey", "spotted", "flying", "jolly", "hare", "plough",
	"wheatsheaf", "rising", "half", "fighting", "silver", "brown", "bay", "chequered",
	"crooked", "bell", "blacksmiths", "farmers", "shepherd", "shepherds", "miners",
	"railway", "station", "lord", "ship", "swan", "lamb", "king", "queen", "angel", "feathers")

// plChain is a well-known employer, shop or chain; amb ones are also common words or
// names and need a capital and context.
type plChain struct {
	words []string // keys
	amb   bool
	acro  bool // an acronym: only in capitals in a mixed-case post ("NICE", "RAF")
	hosp  bool // a hospital's or health system's acronym: a HOSPITAL ("UCLA", "UPMC")
}

// plChains are very common employers, shops and chains ("Tesco", "Sainsbury's").
var plChains = func() map[string][]plChain {
	list := []struct {
		s   string
		amb bool
	}{
		{"tesco", false}, {"tescos", false}, {"sainsburys", false}, {"asda", false},
		{"morrisons", false}, {"aldi", false}, {"lidl", false}, {"waitrose", false},
		{"ocado", false}, {"primark", false}, {"argos", false}, {"greggs", false},
		{"wetherspoons", false}, {"wetherspoon", false}, {"poundland", false},
		{"matalan", false}, {"walmart", false}, {"costco", false}, {"starbucks", false},
		{"mcdonalds", false}, {"maccies", false}, {"kfc", false}, {"travelodge", false},
		{"premier inn", false}, {"holiday inn", false}, {"b and q", false}, {"ikea", false},
		{"deliveroo", false}, {"uber", true}, {"walgreens", false}, {"kroger", false},
		{"royal mail", false}, {"network rail", false}, {"john lewis", true},
		{"marks and spencer", false}, {"marks and spencers", false}, {"m and s", false},
		{"tk maxx", false}, {"sports direct", false}, {"jd sports", false},
		{"pizza hut", false}, {"burger king", false}, {"dominos", true}, {"amazon", true},
		{"boots", true}, {"currys", true}, {"subway", true}, {"costa", true}, {"co op", false},
		{"coop", true}, {"halfords", false}, {"wilko", false}, {"superdrug", false},
		{"home bargains", false}, {"screwfix", false}, {"toolstation", false},
		{"homebase", false}, {"dunelm", false}, {"nandos", false}, {"just eat", true},
		{"evri", false}, {"hermes", true}, {"fedex", false}, {"dhl", false}, {"ups", true},
		{"home depot", false}, {"lowes", true}, {"rite aid", false}, {"whole foods", false},
		{"trader joes", false}, {"dollar general", false}, {"dollar tree", false},
		{"taco bell", false}, {"chipotle", true}, {"dunkin", false}, {"target", true},
		{"safeway", false}, {"publix", false}, {"wendys", true}, {"chick-fil-a", false},
		{"morrison", true}, {"iceland", true}, {"b and m", false}, {"pret", true},
		{"selfridges", false}, {"harrods", false}, {"debenhams", false}, {"hmrc", false},
		{"dwp", false}, {"dvla", false}, {"the post office", true}, {"jobcentre", false},
		{"facebook", false}, {"whatsapp", false}, {"instagram", false}, {"tiktok", false},
		{"snapchat", false}, {"youtube", false}, {"linkedin", false}, {"venmo", false},
		{"paypal", false}, {"hinge", true}, {"tinder", true}, {"bumble", true},
		{"macmillan", false}, {"marie curie", false}, {"samaritans", false},
		{"parkrun", false}, {"stagecoach", true}, {"arriva", false}, {"spar", true},
		{"wegmans", false}, {"red cross", false}, {"st john ambulance", false},
		{"age uk", false}, {"nspcc", false}, {"rnli", false}, {"joint commission", false},
		{"western governors", false},
		// platforms, streaming and review sites, and US chains staff name as employers
		{"reddit", false}, {"netflix", false}, {"yelp", false}, {"spotify", false},
		{"twitter", false}, {"discord", false}, {"twitch", false}, {"pinterest", false},
		{"glassdoor", false}, {"mumsnet", false}, {"nextdoor", false}, {"gofundme", false},
		{"justgiving", false}, {"airbnb", false}, {"doordash", false}, {"grubhub", false},
		{"hulu", false}, {"uworld", false}, {"datix", false}, {"waffle house", false},
		{"chilis", false}, {"applebees", false}, {"olive garden", false}, {"ihop", false},
		{"dennys", false}, {"cracker barrel", false}, {"wawa", false}, {"sheetz", false},
		{"radio 4", false}, {"radio 1", false}, {"radio 2", false}, {"sky news", false},
		{"fox news", false}, {"cnn", false}, {"lancet", true}, {"nursing times", false},
		// more shops, chains and charities that come up in a patient's story
		{"best buy", false}, {"petsmart", false}, {"sephora", false}, {"macys", false},
		{"kohls", false}, {"tj maxx", false}, {"old navy", false}, {"walgreen", false},
		{"sams club", false}, {"buc-ees", false}, {"in-n-out", false}, {"popeyes", false},
		{"sonic", true}, {"specsavers", false}, {"wagamama", false}, {"toby carvery", false},
		{"frankie and bennys", false}, {"slug and lettuce", false}, {"all bar one", false},
		{"cancer research uk", false}, {"salvation army", false}, {"make-a-wish", false},
		{"make a wish", false}, {"girl scouts", false}, {"boy scouts", false},
		{"alzheimers society", false}, {"diabetes uk", false}, {"universal studios", false},
		{"six flags", false}, {"planet fitness", false}, {"the gym group", false},
		// government departments and boards
		{"department of health", false}, {"department of health and social care", false},
		{"board of nursing", false}, {"state board of nursing", false},
		{"home office", true}, {"ministry of defence", false}, {"armed forces", true},
		{"royal navy", false}, {"royal air force", false}, {"british army", false},
		{"us army", false}, {"us navy", false}, {"marine corps", false}, {"national guard", false},
	}
	m := map[string][]plChain{}
	for _, c := range list {
		ws := plSplitWords(c.s)
		m[ws[0]] = append(m[ws[0]], plChain{words: ws, amb: c.amb})
	}
	// Acronyms of well-known non-health bodies: regulators, unions, forces, broadcasters.
	for _, a := range []string{"rcn", "bma", "cqc", "nmc", "gmc", "hcpc", "unison",
		"rnli", "fbi", "cia", "fda", "cdc", "osha", "acgme", "ashp", "aanp", "hhs",
		"bbc", "itv", "s4c", "nice", "dea", "ncsbn", "aacn", "ena", "mhra", "ukhsa", "hse",
		"ofsted", "dbs", "nypd", "lapd", "usps", "ups", "dhl", "ymca", "ywca", "rspca",
		"doj", "gphc", "gdc", "ico", "fema", "irs", "tsa", "usda",
		"samhsa", "hrsa", "acog", "rcgp", "rcm", "rcpch", "nhsbsa", "hee", "ukvi",
		"hmpps", "cafcass", "dhsc", "nbc", "cbs", "msnbc", "itn", "gchq", "mi5",
		// professional bodies, registries and journals of the field (not "AMA", "left
		// AMA", nor "CMS", "CMS intact", nor "NIH", "NIH 4", which notes use)
		"csp", "rcp", "rcs", "rcem", "rcoa", "rcpsych", "rcot", "nhsbt", "acep",
		"aap", "aorn", "aapa", "ahrq", "bmj", "jama", "nejm", "hsj",
		// unions and leagues people name in a life story
		"gmb", "nfl", "nba", "mlb", "nhl", "ncaa", "ucas"} {
		m[a] = append(m[a], plChain{words: []string{a}, acro: true})
	}
	// Acronyms that notes also use for something else ("went into RAF", rapid atrial
	// fibrillation): only after "the" or "ex-" ("ex-RAF", "joined the RAF").
	for _, a := range []string{"raf"} {
		m[a] = append(m[a], plChain{words: []string{a}, acro: true, amb: true})
	}
	// Acronyms that US academic medical centres and health systems go by.
	for _, a := range []string{"ucla", "ucsd", "upmc", "uab", "utsw",
		"vumc", "uthealth", "ucmc", "osumc", "uvmc", "ummc", "uwmc", "mgh", "chop", "bwh", "bidmc",
		"nyp", "uclh"} {
		m[a] = append(m[a], plChain{words: []string{a}, acro: true, hosp: true})
	}
	return m
}()

// plEmployCtx are words before or after a chain name that make it an employer or place
// ("works at Amazon", "outside Boots").
var plEmployCtx = WordSet("at", "in", "outside", "from", "for", "near", "to", "works",
	"worked", "working", "job", "shift", "shifts", "manager", "warehouse", "store", "shop",
	"branch", "car", "park", "carpark", "delivery", "driver", "staff", "employee", "employed",
	"supermarket", "superstore", "depot", "café", "cafe", "queue", "aisle", "checkout",
	"till", "pharmacy", "uniform", "matched", "messaging", "messaged",
	"group", "chat", "page", "post", "app", "account", "profile", "proceeds", "parking",
	"lot", "drive-thru", "crew", "driver", "window", "the")

// plOrgCue is a word or phrase that ends (or begins) an organisation name.
type plOrgCue struct {
	words  []string
	typ    result.Type
	weak   bool // needs a distinctive, uncommon name ("Surgery", "Practice", "General")
	ofTail bool // may take "of <place>" after it ("University of Leeds")
	chain  bool // only counts after another cue ("… Hospital NHS Trust")
}

// plOrgCues by first key.
var plOrgCues = func() map[string][]plOrgCue {
	H, O := result.Hospital, result.Organization
	list := []struct {
		s      string
		typ    result.Type
		weak   bool
		ofTail bool
	}{
		{"hospital", H, false, true}, {"hospitals", H, false, true},
		{"infirmary", H, false, true}, {"hospice", H, false, false},
		{"medical centre", H, false, false}, {"medical center", H, false, false},
		{"medical centers", H, false, false}, {"health centre", H, false, false},
		{"health center", H, false, false}, {"care home", H, false, false},
		{"care centre", H, false, false}, {"care center", H, false, false},
		{"nursing home", H, false, false},
		// specialist and long-term care centres named for a place ("Elm Park
		// Cancer Center", "Bayside Nursing and Rehab"): the place alone is no city here
		{"cancer center", H, false, false}, {"cancer centre", H, false, false},
		{"fertility center", H, false, false}, {"fertility centre", H, false, false},
		{"fertility clinic", H, false, false}, {"nursing center", H, false, false},
		{"nursing centre", H, false, false}, {"nursing and rehab", H, false, false},
		{"nursing and rehabilitation", H, false, false}, {"rehab center", H, false, false},
		{"rehabilitation center", H, false, false}, {"rehabilitation centre", H, false, false},
		{"surgery center", H, false, false}, {"surgical center", H, false, false},
		{"family health", H, false, false}, {"family medicine", H, false, false},
		{"residential home", H, false, false}, {"rest home", H, false, false},
		{"retirement home", H, false, false}, {"nhs trust", H, false, false},
		{"nhs foundation trust", H, false, false}, {"foundation trust", H, false, false},
		{"hsc trust", H, false, false}, {"health board", H, false, false},
		{"ambulance service", H, false, false}, {"medical practice", H, false, false},
		{"health system", H, false, false}, {"medical group", H, true, false},
		{"sanatorium", H, false, false}, {"urgent care centre", H, false, false},
		{"urgent treatment centre", H, false, false}, {"walk-in centre", H, false, false},
		{"clinic", H, true, false}, {"surgery", H, true, false}, {"practice", H, true, false},
		{"royal", H, true, false}, {"regional", H, true, false}, {"medical", H, true, false},
		{"district", H, true, false}, {"childrens", H, true, false}, {"rehab", H, true, false},
		{"ortho", H, true, false}, {"assisted living", H, false, false},
		{"pediatrics", H, true, false}, {"paediatrics", H, true, false},
		{"dialysis", H, true, false}, {"womens", H, true, false}, {"senior living", H, false, false},
		{"memory care", H, false, false}, {"skilled nursing", H, false, false},
		{"urgent care", H, false, false}, {"family practice", H, false, false},
		{"pcn", H, false, false}, {"primary care network", H, false, false},
		{"womens unit", H, false, false}, {"birth centre", H, false, false},
		{"birth center", H, false, false}, {"maternity unit", H, false, false},
		{"medical center", H, false, false}, {"hosp", H, false, true},
		{"adventist", H, true, false}, {"behavioral", H, true, false}, {"behavioural", H, true, false},
		{"general", H, true, false}, {"memorial", H, true, false}, {"trust", H, true, false},
		{"healthcare", H, true, false}, {"health", H, true, false},
		{"ltd", O, false, false}, {"limited", O, false, false}, {"plc", O, false, false},
		{"inc", O, false, false}, {"llc", O, false, false}, {"llp", O, false, false},
		{"corp", O, false, false}, {"corporation", O, false, false},
		{"council", O, false, true}, {"school", O, false, true}, {"academy", O, false, true},
		{"college", O, false, true}, {"university", O, false, true}, {"fc", O, false, false},
		{"uni", O, false, false}, {"news", O, true, false}, {"gazette", O, true, false},
		{"echo", O, true, false}, {"herald", O, true, false}, {"chronicle", O, true, false},
		{"courier", O, true, false}, {"tribune", O, true, false}, {"telegraph", O, true, false},
		{"advertiser", O, true, false},
		{"elementary", O, false, false}, {"elementary school", O, false, false},
		{"state", O, true, false}, {"cafe", O, false, false}, {"café", O, false, false},
		{"bakery", O, false, false}, {"brewery", O, false, false}, {"pizzeria", O, false, false},
		{"bistro", O, false, false}, {"diner", O, true, false}, {"sons", O, false, false},
		{"afc", O, false, false}, {"united", O, true, false}, {"rovers", O, false, false},
		{"wanderers", O, false, false}, {"albion", O, true, false},
		{"police", O, false, false}, {"constabulary", O, false, false},
		{"fire and rescue", O, false, false}, {"fire and rescue service", O, false, false},
		{"fire service", O, false, false}, {"fire brigade", O, false, false},
		{"church", O, true, false}, {"chapel", O, true, false}, {"cathedral", O, true, false},
		{"mosque", O, true, false}, {"synagogue", O, true, false}, {"gurdwara", O, true, false},
		{"building society", O, false, false}, {"housing association", O, false, false},
		{"football club", O, false, false}, {"rugby club", O, false, false},
		{"cricket club", O, false, false}, {"golf club", O, false, false},
		{"social club", O, false, false}, {"sports club", O, false, false},
		{"leisure centre", O, false, false}, {"sports centre", O, false, false},
		{"community centre", O, false, false}, {"primary", O, true, false},
		{"solicitors", O, true, false}, {"prison", O, true, false},
		{"barracks", O, false, false}, {"club", O, true, true}, {"hotel", O, true, false},
		{"motel", O, true, false}, {"crematorium", O, false, false}, {"cemetery", O, true, false},
		{"association", O, true, true}, {"society", O, true, true}, {"institute", O, true, true},
		{"journal", O, true, true}, {"foundation", O, false, true},
		{"sixth form", O, false, false}, {"sixth form college", O, false, false},
		{"comp", O, true, false}, {"high", O, true, false}, {"city", O, true, false},
		{"staffing", O, true, false}, {"solutions", O, true, false}, {"pharma", O, true, false},
		{"pharmaceuticals", O, true, false}, {"diagnostics", O, true, false},
		{"aesthetics", O, true, false}, {"holdings", O, true, false},
		{"industries", O, true, false}, {"consulting", O, true, false},
		{"logistics", O, true, false}, {"motors", O, true, false}, {"tutoring", O, true, false},
		{"therapeutics", O, true, false}, {"labs", O, true, false},
		{"technologies", O, true, false}, {"direct", O, true, false},
		// outpatient practices and local businesses named for a place ("Brookfield
		// Eye Center", "Fairview Family Dental"): the place name alone is no city here
		{"eye center", H, false, false}, {"eye centre", H, false, false},
		{"family dental", H, false, false}, {"dental", H, true, false}, {"imaging", H, false, false},
		{"realty", O, false, false}, {"realtors", O, false, false},
		{"funeral home", O, false, false}, {"funeral directors", O, false, false},
		{"library", O, true, false},
		// venues and charities named for a place or a person ("Alhambra Theatre",
		// "Coalfields Relief Fund")
		{"theatre", O, true, false}, {"theater", O, true, false}, {"fund", O, true, false},
	}
	m := map[string][]plOrgCue{}
	for _, c := range list {
		ws := plSplitWords(c.s)
		m[ws[0]] = append(m[ws[0]], plOrgCue{words: ws, typ: c.typ, weak: c.weak, ofTail: c.ofTail})
	}
	return m
}()

// plHospitalish are words inside a "… Trust" name that make it a healthcare trust.
var plHospitalish = WordSet("hospital", "hospitals", "health", "healthcare", "nhs", "care",
	"ambulance", "mental", "partnership", "teaching", "infirmary", "community", "medical",
	"hsc", "clinical", "childrens")

// plHospitalCtxAfter are words after a saint's name that make it a hospital ("St Mary's
// A&E").
var plHospitalCtxAfter = WordSet("hospital", "ae", "a&e", "a", "maternity", "ward",
	"wards", "icu", "itu", "hdu", "ed", "er", "nicu", "scbu", "picu", "resus", "theatres",
	"outpatients", "paeds", "childrens", "hospice", "infirmary", "emergency", "nursing", "nurses")

// plSaintOrg are words after a saint's name that make it a school or church.
var plSaintOrg = WordSet("school", "primary", "church", "college", "academy", "cathedral",
	"chapel", "parish", "rc", "ce", "c", "catholic", "juniors", "infants", "high", "church's")

// plHealthCtx are words that mark a healthcare setting in the same sentence.
var plHealthCtx = WordSet("ward", "wards", "shift", "shifts", "nurse", "nurses", "nursing",
	"patient", "patients", "pt", "admitted", "discharged", "transferred", "ae", "a&e",
	"maternity", "consultant", "doctor", "doctors", "hospital", "placement", "icu", "itu",
	"hdu", "theatre", "theatres", "clinic", "staff", "bed", "beds", "bay", "resus", "rota",
	"staffed", "understaffed", "short-staffed", "matron", "hca", "hcas", "midwife", "midwives",
	"paeds", "obs", "handover", "nights", "earlies", "lates",
	// and as US staff say it
	"unit", "trauma", "oncology", "chemo", "clinicals", "rn", "rns", "nicu", "picu", "surgery",
	"residency", "pts")

// plHospCompass are compass words (and "County", "City") that name a hospital before
// "General" ("Northern General", "County General"): "General" with only a generic word before it is no name
// otherwise.
var plHospCompass = WordSet("north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "central", "county", "city")

// plHospDenominations are churches that many hospitals are named after, said on their own
// or before a post-name cue ("transferred to Methodist", "Baptist Memorial", "Lutheran
// General").
var plHospDenominations = WordSet("methodist", "baptist", "presbyterian", "lutheran",
	"adventist", "episcopal", "wesleyan")

// plDenomNotHosp are words after a denomination that make it a church or a faith, not a
// hospital ("Methodist church", "Baptist minister").
var plDenomNotHosp = WordSet("church", "churches", "chapel", "minister", "ministers",
	"pastor", "preacher", "congregation", "faith", "school", "college", "university",
	"youth", "hymn", "hymns", "tradition", "upbringing", "family", "families", "parents",
	"service", "services", "circuit", "conference", "mission", "missionary", "missionaries",
	"sunday", "bible", "seminary", "convention", "denomination")

// plHospBrands are health systems, dialysis, senior-living and independent hospital
// operators (general knowledge of the field) whose sites are called by the brand and the
// place ("Kaiser Oakland", "DaVita Eastfield", "Sunrise of Springfield", "Spire Leeds").
// The value says whether the brand is an everyday word ("Banner", "Sunrise"), which counts
// only before a place.
var plHospBrands = map[string]bool{
	// US health systems
	"kaiser": false, "sutter": false, "inova": false, "adventhealth": false, "ascension": true,
	"baylor": false, "banner": true, "christus": false, "ochsner": false, "sentara": false,
	"novant": false, "intermountain": false, "geisinger": false, "wellstar": false,
	"medstar": false, "upmc": false, "sanford": false, "avera": false, "essentia": false,
	"aspirus": false, "mclaren": false, "integris": false, "corewell": false, "wellspan": false,
	"honorhealth": false, "prisma": false, "atrium": true, "advocate": true, "trinity": true,
	"dignity": true, "hca": false, "tristar": false, "centracare": false, "thedacare": false,
	"mercyone": false, "ssm": false, "osf": false,
	// dialysis, senior living, post-acute care
	"davita": false, "fresenius": false, "brookdale": false, "sunrise": true, "atria": false,
	"kindred": true, "encompass": true,
	// UK independent hospitals and care providers
	"bupa": false, "spire": true, "nuffield": false, "priory": true, "cygnet": false,
	"barchester": false, "ramsay": false, "bmi": false,
}

// plHospLeads are the words that open a hospital name without a cue word: "Royal" before
// a place, compass words, denominations and brands (plHospLead).
var plHospLeads = func() map[string]bool {
	m := WordSet("royal", "children")
	for _, s := range []map[string]bool{plHospCompass, plHospDenominations} {
		for w := range s {
			m[w] = true
		}
	}
	for w := range plHospBrands {
		m[w] = true
	}
	return m
}()

// plRoyalNotHosp are place words after "Royal" that name a show, race, regiment or
// firm rather than a hospital ("Royal Ascot", "Royal Windsor Horse Show").
var plRoyalNotHosp = WordSet("ascot", "windsor", "highland", "welsh", "scots", "irish",
	"dutch", "canadian", "australian", "caribbean", "albert", "oak", "mail", "navy", "mint",
	"marines", "ballet", "opera", "court", "family", "british", "english", "scottish",
	"american", "jordanian", "thai", "danish", "swedish", "norwegian", "belgian")

// plTeamWords are sports teams' nicknames (general knowledge of US and UK leagues) that,
// capitalised after a place, make the pair a club ("Denver Broncos", "Leicester Tigers"),
// and the initials of a town's public services ("Lubbock FD", "Plainview HS"), which
// count only in capitals.
var plTeamWords = WordSet(
	// American football, baseball, basketball, ice hockey
	"patriots", "eagles", "cowboys", "giants", "jets", "packers", "steelers", "ravens",
	"chiefs", "broncos", "raiders", "chargers", "seahawks", "49ers", "rams", "cardinals",
	"falcons", "panthers", "buccaneers", "vikings", "colts", "texans", "titans", "jaguars",
	"bengals", "browns", "bills", "dolphins", "commanders", "lions", "bears", "saints",
	"yankees", "mets", "dodgers", "cubs", "braves", "astros", "mariners", "padres",
	"phillies", "pirates", "reds", "royals", "twins", "rangers", "orioles", "rays",
	"nationals", "brewers", "rockies", "diamondbacks", "marlins", "guardians", "athletics",
	"lakers", "celtics", "bulls", "knicks", "warriors", "spurs", "rockets", "mavericks",
	"nuggets", "suns", "hawks", "pistons", "pacers", "bucks", "hornets", "wizards",
	"cavaliers", "cavs", "76ers", "sixers", "blazers", "grizzlies", "pelicans",
	"timberwolves", "clippers", "raptors", "bruins", "canucks", "flyers", "penguins",
	"blackhawks", "oilers", "canadiens", "leafs", "capitals", "predators", "sharks", "ducks",
	"devils", "islanders", "sabres", "senators", "hurricanes", "kraken", "stars",
	// rugby, cricket and other UK clubs
	"rhinos", "tigers", "wolves", "quins", "centurions", "dragons", "scarlets", "ospreys",
	"bees", "owls", "blades", "magpies", "foxes", "hammers", "gunners", "canaries",
	"seagulls", "potters", "cherries", "baggies", "toffees", "steamers", "flames",
	// public services by their initials
	"fd", "pd", "hs", "ems", "vfd")

// plHospitalPrep are words before a hospital name that make it a place ("admitted to").
var plHospitalPrep = WordSet("in", "at", "to", "from", "into", "admitted", "transferred",
	"moved", "sent", "via", "outside", "near", "visiting", "visited", "leaving", "left",
	"joined", "works", "worked", "working", "placement", "over", "down", "up")

// ---- professions ----

// plProfMod are words that may stand between a determiner and an occupation ("a retired
// headmaster", "the local vicar").
var plProfMod = WordSet("retired", "former", "ex", "local", "young", "old", "elderly",
	"cute", "only", "female", "male", "lovely", "nice", "new", "fit", "handsome", "poor",
	"grumpy", "friendly", "brilliant", "good", "great", "top", "big", "famous", "real",
	"semi-retired", "part-time", "full-time", "self-employed", "successful", "keen",
	"qualified", "trainee", "professional", "freelance", "head", "chief", "senior",
	"village", "parish", "school", "primary", "secondary", "lovely", "big", "little",
	"famous", "well-known", "married", "single", "widowed", "divorced", "volunteer",
	"unemployed", "-", "semi", "newly", "recently", "proud", "busy", "hardworking",
	"hard-working", "independent", "skilled", "apprentice", "assistant", "deputy", "junior",
	"supply", "music", "maths", "science", "english", "pe", "art", "history", "driving",
	"primary-school", "high-school", "university", "college", "club", "church", "hot",
	"sexy", "gorgeous", "sweet", "rude")

// plProfStrong are words right before an occupation that make it describe a person
// ("retired headmaster", "former miner").
var plProfStrong = WordSet("retired", "former", "ex", "local", "semi-retired")

// plProfDet are determiners before an occupation ("a vicar", "her husband, a firefighter").
var plProfDet = WordSet("a", "an", "the", "our", "their", "his", "her", "this", "that",
	"your", "my")

// plFirstPerson are words that make an occupation the author's own ("I'm a teacher").
var plFirstPerson = WordSet("i", "im", "ive", "id", "me", "myself", "we", "weve",
	"us", "ourselves", "my", "our", "am")

// plThirdPerson are words that make an occupation describe someone else ("her husband is
// a builder").
var plThirdPerson = WordSet("he", "she", "hes", "shes", "they", "theyre", "his", "her",
	"husband", "wife", "son", "daughter", "dad", "mum", "mom", "father", "mother",
	"brother", "sister", "uncle", "aunt", "auntie", "grandad", "grandpa", "grandma", "nan",
	"nana", "granny", "grandson", "granddaughter", "partner", "boyfriend", "girlfriend",
	"fiance", "fiancee", "patient", "pt", "lady", "man", "woman", "gentleman", "guy",
	"chap", "bloke", "relative", "friend", "neighbour", "neighbor", "who", "whose",
	"whom", "hubby", "stepdad", "stepmum", "cousin", "nephew", "niece", "colleague",
	"mr", "mrs", "ms", "miss", "gent", "elderly", "fella", "lad", "girl", "boy", "kid",
	"child", "visitor", "family", "relatives", "resident", "client", "him")

// plProfAfterOK are words that may follow an occupation that names a person ("a vicar
// who", "the farmer said").
var plProfAfterOK = WordSet("who", "that", "which", "and", "or", "but", "from", "in", "at",
	"on", "with", "for", "of", "to", "by", "as", "so", "then", "when", "while", "after",
	"before", "since", "because", "is", "was", "has", "had", "said", "says", "told",
	"called", "named", "lives", "lived", "works", "worked", "died", "came", "comes", "went",
	"goes", "retired", "himself", "herself", "he", "she", "they", "whose", "there", "here",
	"now", "too", "also", "recently", "once", "back", "still", "are", "were", "will",
	"would", "could", "can", "did", "does", "got", "gets", "brought", "rang", "phoned",
	"visited", "visits", "turned", "used", "until", "till", "if", "though", "although",
	"whom", "like", "all", "by", "trade", "profession", "until", "til", "being", "just",
	"very", "again", "anyway", "apparently", "either", "even", "actually", "himself", "his",
	"her", "their", "last", "yesterday", "today", "tonight", "overnight", "earlier",
	// an interjection closes the clause ("saw the plumber haha")
	"lol", "haha", "lmao", "tbh", "though", "tho", "x", "xx")

// plProfAmbiguous are occupations that are also everyday words in other senses ("pilot
// study", "the driver of change").
var plProfAmbiguous = WordSet("agent", "anchor", "coach", "cook", "judge", "model", "pilot",
	"minister", "officer", "director", "manager", "executive", "developer", "president",
	"principal", "secretary", "marine", "mason", "warden", "usher", "valet", "trader",
	"driver", "student", "pensioner", "captain", "inspector", "governor", "conductor",
	"host", "reader", "runner", "player", "designer", "producer", "editor", "guard",
	"merchant", "researcher", "administrator", "instructor", "steward", "maid", "performer",
	"tutor", "clerk", "cleaner", "sergeant", "constable", "dj", "ceo", "chairman", "potter",
	"painter", "engineer", "technician", "scientist", "detective", "banker", "chemist",
	"artist", "writer", "author", "singer", "dancer", "athlete", "swimmer", "cyclist",
	"boxer", "courier", "porter", "carer", "volunteer", "worker", "landlord", "landlady",
	"trainer", "vet", "gardener", "miner", "curator", "angler", "sailor", "marine",
	"foreman", "shepherd", "sweep", "chancellor", "mayor", "sheriff", "prosecutor")

// plNotProfession are occupation words this family leaves to FEATURE or drops.
var plNotProfession = WordSet("mp", "msp", "mla", "mep", "influencer", "celebrity chef",
	"pensioner", "student", "youtuber", "tiktoker", "manager", "director", "executive",
	"administrator", "secretary", "officer", "agent", "developer", "principal", "deputy head",
	"ceo", "chief executive", "chairman", "chairwoman")

// plExtraOccupations are occupations the lexicon lacks.
var plExtraOccupations = WordSet("quarterback", "rancher", "bookseller", "recruiter",
	"newsagent", "stylist", "beekeeper", "crofter", "harbourmaster", "shopkeeper",
	"stockman", "cowboy", "logger", "fisherwoman", "fireman", "firewoman", "binman",
	"roadie", "bouncer", "landscaper", "locksmith", "upholsterer", "farrier", "blacksmith",
	"gamekeeper", "vintner", "brewer", "distiller", "baker", "confectioner", "mariachi",
	"trucker", "realtor",
	"busker", "violinist", "organist", "cellist", "harpist",
	"postmaster", "postmistress", "codebreaker", "lineman", "linemen", "stonemason")

// plProfDomain are words that stand inside an occupation's name ("science teacher",
// "football coach", "news anchor").
var plProfDomain = WordSet("science", "maths", "math", "pe", "music", "english", "history",
	"art", "drama", "french", "spanish", "geography", "chemistry", "physics", "biology",
	"football", "rugby", "cricket", "tennis", "golf", "swimming", "driving", "riding",
	"dance", "yoga", "fitness", "news", "sports", "weather", "taxi", "bus", "lorry",
	"van", "truck", "delivery", "primary", "supply", "school", "head", "ski", "fishing",
	"boxing", "hockey", "basketball", "baseball", "piano", "guitar", "singing", "flying",
	"tv", "radio", "church", "youth", "forklift", "crane", "tram", "train", "coach", "police",
	"construction", "factory", "steel", "oil", "rig", "dock", "ballet", "opera", "jazz",
	"session", "postal", "road", "railway", "farm", "bar", "pub", "restaurant", "hotel",
	"kindergarten", "preschool", "nursery", "sunday", "sixth-form", "dairy", "chem", "bio",
	"sheep", "cattle", "poultry", "pig", "arable", "hill")

// plProfPlace are occupations that also name a shop ("from the chemist").
var plProfPlace = WordSet("chemist", "butcher", "baker", "barber", "hairdresser", "florist",
	"newsagent", "jeweller", "jeweler", "greengrocer", "fishmonger", "optician", "vet",
	"dentist", "bookmaker", "tailor", "cobbler", "grocer")

// plHealthWords mark a healthcare role inside a several-word occupation.
var plHealthWords = WordSet("nurse", "nurses", "nursing", "doctor", "doctors", "medical",
	"midwife", "midwives", "therapist", "paramedic", "surgeon", "physician", "dental",
	"clinical", "health", "healthcare", "care", "ward", "hca", "theatre", "ambulance",
	"patient", "pharmacy", "pharmacist", "radiographer", "physio", "support")

// ---- features ----

// plFeatureWords are single-word features and their confidence; a negative confidence
// means the word needs its own rule.
var plFeatureWords = map[string]float64{
	"birthmark": 0.6, "amputee": 0.6, "albino": 0.6, "dwarfism": 0.6, "celebrity": 0.6,
	"celeb": 0.55, "influencer": 0.55, "youtuber": 0.6, "tiktoker": 0.6, "olympian": 0.65,
	"paralympian": 0.65, "millionaire": 0.55, "billionaire": 0.6, "centenarian": 0.6,
	"supercentenarian": 0.7, "quadruplets": 0.75, "quintuplets": 0.8, "sextuplets": 0.8,
	"octuplets": 0.85, "triplets": 0.6, "prisoner": 0.6, "inmate": 0.6, "convict": 0.55,
	"handcuffed": 0.55, "refugee": 0.55, "murdered": 0.55, "manslaughter": 0.55,
	"arson": 0.55, "progeria": 0.75, "elephantiasis": 0.75, "hypertrichosis": 0.75,
	"anencephaly": 0.7, "craniopagus": 0.8, "hutchinson-gilford": 0.8, "tattooed": 0.55,
	"royalty": 0.55, "notorious": 0.55, "infamous": 0.55, "paparazzi": 0.6,
	"surrogate": 0.55, "well": -1,
	"mp": -1, "msp": -1, "famous": -1, "tattoo": -1, "tattoos": -1, "conjoined": -1,
	"stabbing": -1, "shooting": -1, "footballer": -1, "viral": -1, "olympic": -1,
	"singer": -1, "actress": -1, "actor": -1, "winner": -1, "rapper": -1, "comedian": -1,
	"cricketer": -1, "popstar": -1, "contestant": -1, "presenter": -1, "star": -1, "judge": -1,
}

// plFeatPhrase is a several-word feature (keys) and its confidence.
type plFeatPhrase struct {
	words []string
	conf  float64
}

// plFeaturePhrases are several-word features by first key.
var plFeaturePhrases = func() map[string][]plFeatPhrase {
	list := []struct {
		s    string
		conf float64
	}{
		{"off the telly", 0.7}, {"off the tv", 0.65}, {"off tv", 0.6},
		{"on the telly", 0.55}, {"tv star", 0.7}, {"reality star", 0.7},
		{"reality tv star", 0.75}, {"soap star", 0.7}, {"pop star", 0.65},
		{"film star", 0.65}, {"movie star", 0.65}, {"tiktok star", 0.7},
		{"instagram star", 0.7}, {"youtube star", 0.7}, {"local celebrity", 0.7},
		{"minor celebrity", 0.7}, {"celebrity chef", 0.7}, {"lottery winner", 0.65},
		{"world record", 0.6}, {"world record holder", 0.7}, {"oldest woman", 0.65},
		{"oldest man", 0.65}, {"oldest person", 0.65}, {"oldest resident", 0.6},
		{"hit and run", 0.55}, {"police custody", 0.6}, {"in custody", 0.55},
		{"port wine stain", 0.6}, {"asylum seeker", 0.55}, {"conjoined twins", 0.8},
		{"member of parliament", 0.6}, {"made the headlines", 0.55},
		{"in the papers", 0.5},
		{"went viral", 0.6}, {"gone viral", 0.6}, {"double amputee", 0.65},
		{"triple amputee", 0.7}, {"quadruple amputee", 0.75}, {"locked-in syndrome", 0.75},
		{"locked in syndrome", 0.75}, {"harlequin ichthyosis", 0.8},
		{"epidermolysis bullosa", 0.7}, {"proteus syndrome", 0.8},
		{"fibrodysplasia ossificans progressiva", 0.85}, {"stone man syndrome", 0.8},
		{"tree man syndrome", 0.8}, {"werewolf syndrome", 0.75}, {"alien hand syndrome", 0.75},
		{"foreign accent syndrome", 0.75}, {"cotard syndrome", 0.75},
		{"cotards syndrome", 0.75}, {"xeroderma pigmentosum", 0.75},
		{"treacher collins", 0.7}, {"moebius syndrome", 0.75}, {"mobius syndrome", 0.75},
		{"situs inversus", 0.65}, {"olympic medallist", 0.7}, {"olympic medalist", 0.7},
		{"gold medallist", 0.65}, {"gold medalist", 0.65}, {"war hero", 0.6},
		{"on death row", 0.6}, {"under police guard", 0.6}, {"with police guard", 0.55},
		{"on a tag", 0.5}, {"face tattoo", 0.65}, {"lottery win", 0.6},
		{"won the lottery", 0.6},
	}
	m := map[string][]plFeatPhrase{}
	for _, f := range list {
		ws := plSplitWords(f.s)
		m[ws[0]] = append(m[ws[0]], plFeatPhrase{ws, f.conf})
	}
	return m
}()

// plExt is what this family's lists hold for a key beyond its bits: the organisation
// cues, chains and feature phrases that start with it. The matchers find it by the
// index plWord.ext that the memo keeps with a word (plExtOf), not by a map lookup.
type plExt struct {
	orgCues []plOrgCue     // plOrgCues[key]
	chains  []plChain      // plChains[key]
	feats   []plFeatPhrase // plFeaturePhrases[key]
}

// plExts holds plExt of every key that has one, from index 1 (index 0: none), and
// plExtIndex the index of each such key.
var plExts, plExtIndex = func() ([]plExt, map[string]uint16) {
	idx := map[string]uint16{}
	exts := []plExt{{}}
	at := func(key string) *plExt {
		if _, ok := idx[key]; !ok {
			idx[key] = uint16(len(exts))
			exts = append(exts, plExt{})
		}
		return &exts[idx[key]]
	}
	for k, v := range plOrgCues {
		at(k).orgCues = v
	}
	for k, v := range plChains {
		at(k).chains = v
	}
	for k, v := range plFeaturePhrases {
		at(k).feats = v
	}
	if len(exts) > 1<<16 {
		panic("detect: too many plExts")
	}
	return exts, idx
}()

// plExtOf returns the plExts index of the key (0: none).
func plExtOf(key string) uint16 { return plExtIndex[key] }

// plFamousNouns are person nouns after "famous" ("famous footballer").
var plFamousNouns = WordSet("footballer", "singer", "actor", "actress", "author", "writer",
	"player", "boxer", "chef", "presenter", "comedian", "musician", "rapper", "model",
	"youtuber", "influencer", "person", "face", "athlete", "cricketer", "golfer", "jockey",
	"dancer", "artist", "politician", "celebrity", "tiktoker", "streamer", "sportsman",
	"sportswoman", "darts", "rugby", "tennis", "snooker", "drag", "dj", "poet", "painter",
	"novelist", "broadcaster", "newsreader", "journalist", "scientist", "chess", "family",
	"mum", "dad", "grandad", "gran", "local", "tv", "radio", "soap", "reality")

// plEventNouns end a notable event ("the M62 pile-up", "the bonfire crash").
var plEventNouns = WordSet("crash", "pile-up", "pileup", "fire", "blaze", "stabbing",
	"stabbings", "shooting", "shootings", "explosion", "bombing", "attack", "derailment",
	"collapse", "disaster", "riot", "riots", "flood", "floods", "siege", "massacre",
	"tragedy", "murders", "murder", "rampage", "bombings", "attacks", "crush", "sinking",
	"hijacking", "poisoning", "poisonings", "outbreak", "inferno", "blast", "accident",
	"rollover", "shootout", "stampede")

// plEventNotable are ordinary nouns that make an event notable ("the bonfire crash").
var plEventNotable = WordSet("bonfire", "motorway", "bus", "coach", "train", "school",
	"nightclub", "club", "factory", "stadium", "festival", "concert", "fireworks", "tower",
	"pier", "helicopter", "plane", "ferry", "warehouse", "mosque", "church", "arena",
	"mall", "supermarket", "carnival", "parade", "rail", "boat", "airshow", "hotel",
	"tram", "bridge", "level", "crossing", "mine", "pit", "chemical", "gas", "minibus",
	"fairground", "rollercoaster", "marathon", "derby", "cup", "pub", "cinema", "theatre",
	"hospital", "flats", "estate", "tower-block", "campsite", "beach", "lorry", "tanker",
	"airport", "station", "bank", "shopping", "centre", "market", "village", "town", "city",
	"firework", "fireworks", "prom", "homecoming", "rodeo", "farm", "tractor", "quad",
	"gas", "year", "graduation", "wedding", "party", "stag", "hen", "rave", "gig")

// plPainWords after "stabbing"/"shooting" make it a symptom ("stabbing pain").
var plPainWords = WordSet("pain", "pains", "sensation", "sensations", "headache",
	"headaches", "feeling", "feelings", "ache", "aches", "twinges", "cramps", "star",
	"stars", "range", "practice", "season", "script", "schedule", "video", "film", "guard")

// plSplitWords splits a phrase at spaces.
func plSplitWords(s string) []string {
	var ws []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				ws = append(ws, s[start:i])
			}
			start = i + 1
		}
	}
	return ws
}

// Bits for this family's own word lists, looked up once per token (plTok.my).
const (
	pbStop uint64 = 1 << iota
	pbGeneric
	pbOrgCue
	pbChain
	pbRoom
	pbStreetA
	pbStreetB
	pbFeatWord
	pbFeatPhrase
	pbWardUnit
	pbNotWard
	pbExtraPlace
	pbExtraCounty
	pbAmbPlace
	pbSmall
	pbDirection
	pbSaint
	pbExtraOcc
	pbCareMove // plCareMoves
	pbMovePrep // plMovePreps
	// Keys that start a matcher's work, so that the passes skip other tokens at once.
	pbThe         // "the"
	pbOrgPrefix   // "nhs", "ysbyty", "hmp"
	pbWardWord    // "ward", "wards", "unit"
	pbCompass     // plCompass
	pbRoadWord    // "i", "us", "sr", "route", "highway", "interstate", "hwy"
	pbCountyWord  // "county", "co"
	pbCountryWord // "us", "u", "gb", "uk", "usa", "uae"
	pbSide        // "side"
	// Word lists the matchers test on words around a candidate (plX[key] is
	// my&pbX != 0; see TestPlBits).
	pbNotPlace          // plNotPlace
	pbHoliday           // plHolidays
	pbPrepStrong        // plPrepStrong
	pbPrepWeak          // plPrepWeak
	pbPlaceAfter        // plPlaceAfter
	pbOfNoun            // plOfNouns
	pbMoveVerb          // plMoveVerbs
	pbPersonBefore      // plPersonBefore
	pbKeepInName        // plKeepInName
	pbRoyalTitle        // plRoyalTitles
	pbHouseNumberNot    // plHouseNumberNot
	pbCueLast           // plCueLast
	pbHospitalPrep      // plHospitalPrep
	pbHospitalCtxAfter  // plHospitalCtxAfter
	pbRoomAfterUnit     // plRoomAfterUnit
	pbHealthCtx         // plHealthCtx
	pbPubCtx            // plPubCtx
	pbNotPlaceAfterMove // plNotPlaceAfterMove
	pbEventNoun         // plEventNouns
	pbEventNotable      // plEventNotable
	pbFeatSecond        // the second words of plFeaturePhrases (see secondMay)
	pbChainSecond       // the second words of plChains
	pbChainOne          // the keys of one-word plChains
	pbLocalPrev         // words before a local name: "at", "in", "by", "of", "for", "from", "to", "the"
	pbCompassWord       // compassWord
	pbHouse             // "house"
	pbAbbrevDot         // plAbbrevDot
	pbPubNoun           // plPubNouns
	pbPubAdj            // plPubAdj
	pbInstHead          // plInstitutionHeads
	pbFirstPerson       // plFirstPerson
	pbThirdPerson       // plThirdPerson
	pbNotProf           // plNotProfession
	pbHospLead          // plHospLeads: words that open a hospital name without a cue word
	pbTeam              // plTeamWords: a team's nickname or a public service's initials after a place
	// pbPostFrame: a word postStaffFrame reads (postFrameWords, postHyphenHalves), so
	// that postRoles scans only the posts that hold one (post.frame)
	pbPostFrame
)

// pbPostFrame must be the last bit of plTok.my.
const _ = uint64(pbPostFrame>>63*2 - 2)

// plBits maps a key to its pb* bits.
var plBits = func() map[string]uint64 {
	m := map[string]uint64{}
	set := func(b uint64, words map[string]bool) {
		for w := range words {
			m[w] |= b
		}
	}
	set(pbThe, WordSet("the"))
	set(pbOrgPrefix, WordSet("nhs", "ysbyty", "hmp"))
	set(pbWardWord, WordSet("ward", "wards", "unit"))
	set(pbRoadWord, WordSet("i", "us", "sr", "route", "highway", "interstate", "hwy"))
	set(pbCountyWord, WordSet("county", "co"))
	set(pbCountryWord, WordSet("us", "u", "gb", "uk", "usa", "uae"))
	set(pbSide, WordSet("side"))
	set(pbLocalPrev, WordSet("at", "in", "by", "of", "for", "from", "to", "the"))
	set(pbCompassWord, WordSet("north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower"))
	set(pbHouse, WordSet("house"))
	for _, l := range plBitLists() {
		set(l.bit, l.set)
	}
	for w := range plOrgCues {
		m[w] |= pbOrgCue
	}
	for w, chs := range plChains {
		m[w] |= pbChain
		for _, ch := range chs {
			if len(ch.words) == 1 {
				m[w] |= pbChainOne
			} else {
				m[ch.words[1]] |= pbChainSecond
			}
		}
	}
	for w, c := range plRoomCues {
		if c > 0 {
			m[w] |= pbRoom
		}
	}
	for w := range plFeatureWords {
		m[w] |= pbFeatWord
	}
	for w, fs := range plFeaturePhrases {
		m[w] |= pbFeatPhrase
		for _, f := range fs {
			m[f.words[1]] |= pbFeatSecond
		}
	}
	for w := range plExtraPlaces {
		m[w] |= pbExtraPlace
	}
	for w := range postFrameWords {
		m[w] |= pbPostFrame
	}
	for w := range postHyphenHalves {
		m[w] |= pbPostFrame
	}
	return m
}()

// plBitList is a word list with its bit in plBits.
type plBitList struct {
	bit uint64
	set map[string]bool
	lw  bool // also looked up by lower-case text (lwIn), not only by key
}

// plBitLists are the word lists that the matchers test through plTok.my.
func plBitLists() []plBitList {
	return []plBitList{
		{pbNotPlace, plNotPlace, false}, {pbHoliday, plHolidays, false},
		{pbPrepStrong, plPrepStrong, false}, {pbPrepWeak, plPrepWeak, false},
		{pbPlaceAfter, plPlaceAfter, false}, {pbOfNoun, plOfNouns, true},
		{pbMoveVerb, plMoveVerbs, true}, {pbPersonBefore, plPersonBefore, false},
		{pbKeepInName, plKeepInName, false}, {pbRoyalTitle, plRoyalTitles, false},
		{pbHouseNumberNot, plHouseNumberNot, false}, {pbCueLast, plCueLast, false},
		{pbHospitalPrep, plHospitalPrep, true}, {pbHospitalCtxAfter, plHospitalCtxAfter, false},
		{pbRoomAfterUnit, plRoomAfterUnit, false}, {pbHealthCtx, plHealthCtx, false},
		{pbPubCtx, plPubCtx, false}, {pbStop, plStop, false}, {pbGeneric, plGeneric, false},
		{pbExtraCounty, plExtraCounties, false}, {pbNotPlaceAfterMove, plNotPlaceAfterMove, false},
		{pbCareMove, plCareMoves, false}, {pbMovePrep, plMovePreps, false},
		{pbStreetA, plStreetA, false}, {pbStreetB, plStreetB, false},
		{pbWardUnit, plWardUnits, false}, {pbNotWard, plNotWard, false},
		{pbAmbPlace, plAmbiguousPlaces, false}, {pbSmall, plSmallWords, false},
		{pbDirection, plDirections, false}, {pbSaint, plSaintWords, false},
		{pbExtraOcc, plExtraOccupations, false}, {pbCompass, plCompass, false},
		{pbEventNoun, plEventNouns, false}, {pbEventNotable, plEventNotable, false},
		{pbAbbrevDot, plAbbrevDot, true}, {pbPubNoun, plPubNouns, false},
		{pbPubAdj, plPubAdj, false}, {pbInstHead, plInstitutionHeads, false},
		{pbFirstPerson, plFirstPerson, false}, {pbThirdPerson, plThirdPerson, false},
		{pbNotProf, plNotProfession, false}, {pbHospLead, plHospLeads, false},
		{pbTeam, plTeamWords, false},
	}
}

// plBitsSlot is a key of plBitsTable: plBits as an open-addressing hash table keyed by a
// hash of a few bytes of the key, cheaper than a Go map for the lookup of every new word
// (plDoc.lookup), most of which find an empty slot or a slot of another length at once.
type plBitsSlot struct {
	key  string
	bits uint64
}

const plBitsTableBits = 13

var plBitsTable = func() *[1 << plBitsTableBits]plBitsSlot {
	var t [1 << plBitsTableBits]plBitsSlot
	if len(plBits)*2 > len(t) {
		panic("detect: plBitsTable too small")
	}
	for w, b := range plBits {
		if w == "" || b == 0 {
			continue
		}
		i := plBitsHash(w)
		for t[i].key != "" {
			i = (i + 1) & (len(t) - 1)
		}
		t[i] = plBitsSlot{w, b}
	}
	return &t
}()

// plBitsHash hashes the length and the first, second and last bytes of a non-empty key.
func plBitsHash(w string) int {
	n := len(w)
	x := uint32(w[0]) | uint32(w[n-1])<<8 | uint32(w[min(1, n-1)])<<16 | uint32(n)<<24
	return int((x * 0x9E3779B1) >> (32 - plBitsTableBits))
}

// plBitsOf returns plBits[key].
func plBitsOf(key string) uint64 {
	if key == "" {
		return 0
	}
	t := plBitsTable
	for i := plBitsHash(key); ; i = (i + 1) & (len(t) - 1) {
		s := &t[i]
		if s.key == "" {
			return 0
		}
		if len(s.key) == len(key) && s.key == key {
			return s.bits
		}
	}
}

// plNotPlace are clinical words and languages that are also place names ("Foley" catheter, "LIMA"
// graft, "OSH" outside hospital).
var plNotPlace = WordSet("foley", "hickman", "groshong", "broviac", "picc", "lima", "rima",
	"osh", "ob", "pe", "nt", "wnl", "mvr", "avr", "cabg", "levin", "dobhoff", "bair", "hugger",
	"sengstaken", "blakemore", "penrose", "malecot", "bard", "whipple", "nissen", "roux",
	"billroth", "mcburney", "kernig", "brudzinski", "babinski", "waterlow", "braden",
	"barthel", "trendelenburg", "fowler", "fowlers", "tegaderm", "mepilex", "allevyn",
	"aquacel", "duoderm", "jelonet", "inadine", "zimmer", "rollator", "hartmann", "hartmanns",
	// languages, which the gazetteer also knows as small towns ("say it in English")
	"english", "spanish", "french", "german", "italian", "portuguese", "polish", "russian",
	"arabic", "urdu", "hindi", "punjabi", "bengali", "mandarin", "cantonese", "turkish",
	"romanian", "somali", "tagalog", "vietnamese", "korean", "japanese", "farsi", "gujarati",
	"swahili", "ukrainian", "lithuanian", "tamil", "yoruba", "igbo", "amharic", "creole")
