package detect

// Word lists of the name detector: context cues, frames and stop words. One
// map from a lower-case word to a bit set, so each token costs one lookup.
// These are small hand-made lists of English function words and cue words,
// kept here (not in internal/lexicon) because they describe how names are
// framed, not which words are names.

// nmCue is a set of cue bits; 32 bits, so that a token and a memo slot
// stay small (a cue bit past the 32nd does not compile).
type nmCue uint32

const (
	cuStop          nmCue = 1 << iota // function word or capitalised non-name: never a name unit
	cuGreet                           // greeting before a name: "Hi Tom", "congrats Priya"
	cuSignoff                         // sign-off word before a name at the end: "Thanks, Jen"
	cuCalled                          // "called X", "named X"
	cuPersonNoun                      // "a lady X", "this guy X"
	cuPatientNoun                     // "pt X", "patient X"
	cuStaffNoun                       // "my colleague X", "our HCA X"
	cuFriendNoun                      // "my friend X", "my neighbour X"
	cuPatientCue                      // patient context in the window
	cuStaffCue                        // staff context in the window
	cuOwnMine                         // my, our: the author's own relatives
	cuOwnOther                        // her, his, their…: a third person's relatives
	cuPrep                            // with, by, to, for: a person may follow
	cuPlacePrep                       // in, at, near, from…: a place may follow
	cuDateWord                        // in, on, since, last…: a month may follow
	cuVerbHuman                       // said, asked, rang…: a person did it
	cuAux                             // is, was, has…
	cuPronoun                         // you, I, we…: "Will you", "May I"
	cuOrgSuffix                       // Hospital, Ward, Street…: the words before are a place
	cuClinNoun                        // disease, syndrome, sign, scale…: eponym follows
	cuNotAfterTitle                   // "Mr Right", "Nurse Practitioner": not a name after a title
	cuEponym                          // Parkinson, Crohn, Foley…: eponyms and products
	cuRoleSuffix                      // "Sarah RN", "Jen (HCA)"
	cuShift                           // "from nights", "from days"
	cuDet                             // the, a, this…: before Sister/Nurse means the noun
	cuNeverSurname                    // place-suffix words that are never surnames
	cuKiss                            // x, xx, xxx after a sign-off
	cuAdj                             // lovely, amazing…: between a greeting and a name
	cuClinical                        // any clinical word (document context)
	cuTitle                           // a title word (see nmTitles)
)

var nmCues = func() map[string]nmCue {
	m := make(map[string]nmCue, 1024)
	add := func(c nmCue, words ...string) {
		for _, w := range words {
			m[w] |= c
		}
	}
	add(cuStop,
		"the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "from",
		"with", "without", "into", "onto", "up", "down", "out", "off", "over", "under", "as", "so",
		"than", "then", "that", "this", "these", "those", "there", "here", "where", "when", "what",
		"which", "who", "whom", "whose", "why", "how", "i", "im", "i'm", "ive", "i've", "id", "i'd",
		"ill", "i'll", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "he", "him",
		"his", "she", "her", "hers", "it", "its", "it's", "they", "them", "their", "is", "are", "was",
		"were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "not",
		"no", "yes", "yeah", "ok", "okay", "oh", "ah", "lol", "omg", "wtf", "tbh", "imo", "pls",
		"please", "thanks", "thank", "ty", "cheers", "hi", "hey", "hello", "hiya", "dear", "bye",
		"goodnight", "goodbye", "goodmorning", "happy", "birthday", "bday", "congrats", "congratulations", "welcome", "rip", "morning",
		"evening", "afternoon", "night", "today", "tonight", "tomorrow", "yesterday", "just", "all",
		"any", "some", "every", "each", "both", "either", "neither", "very", "really", "also", "too",
		"could", "would", "should", "shall", "must", "might", "cannot", "cant",
		"can't", "dont", "don't", "didnt", "didn't", "wont", "won't", "isnt", "isn't", "wasnt",
		"wasn't", "after", "before", "because", "about", "again", "still", "never", "always",
		"sometimes", "now", "only", "even", "well", "much", "many", "more", "most", "less", "least",
		"one", "two", "three", "first", "second", "last", "next", "new", "old", "good", "great",
		"best", "bad", "big", "little", "long", "same", "other", "another", "such", "own", "via",
		"per", "etc", "re", "fyi", "nb", "ps", "god", "jesus", "christ", "lord", "christmas", "xmas",
		"easter", "english", "british", "scottish", "welsh", "irish", "american", "european",
		"nhs", "covid", "covid-19", "corona", "brexit", "tory", "tories", "labour", "mum", "mom",
		"dad", "nan", "nana", "grandma", "grandad", "granny", "mummy", "daddy", "mam", "ma", "pa",
		"sis", "bro", "hubby", "wifey", "babe", "baby", "hun", "hon", "mate", "bud", "sir", "madam",
		"everyone", "everybody", "anyone", "someone", "nobody", "somebody", "guys", "folks", "team",
		"shift", "shifts", "day", "days", "week", "weeks", "month", "year", "years", "time",
		"facebook", "instagram", "twitter", "tiktok", "youtube", "whatsapp", "snapchat", "linkedin",
		"reddit", "google", "amazon", "netflix", "iphone", "android", "zoom", "teams", "ok'd",
		"re:", "dr", "mr", "mrs", "ms", "mx", "prof", "nurse", "doctor", "sister", "matron",
		"patient", "patients", "pt", "pts", "diary", "love", "xx", "xxx", "x", "bay", "bed",
		"wife", "husband", "son", "daughter", "brother", "mother", "father", "uncle", "aunt",
		"auntie", "cousin", "nephew", "niece", "partner", "boyfriend", "girlfriend", "grandson",
		"granddaughter", "carer", "nok", "family", "kids", "children", "friend", "friends",
		"colleague", "colleagues", "manager", "boss", "mentor", "consultant", "reg", "registrar",
		"sho", "hca", "hcas", "midwife", "porter", "physio", "student", "students", "lady",
		"gentleman", "man", "woman", "guy", "bloke", "chap", "gent", "girl", "boy", "lad", "lass",
		"like", "love", "hate", "think", "know", "want", "need", "get", "got", "go", "went", "come",
		"came", "see", "saw", "said", "say", "says", "tell", "told", "ask", "asked", "make", "made",
		"take", "took", "give", "gave", "look", "feel", "felt", "let", "put", "keep", "kept", "help",
		"why's", "what's", "that's", "there's", "here's", "who's", "how's", "let's", "lets",
		"bless", "sorry", "sadly", "luckily", "honestly", "anyway", "anyways", "apparently",
		"finally", "literally", "seriously", "absolutely", "definitely", "obviously", "unfortunately",
		"hopefully", "thankfully", "basically", "update", "note", "notes", "edit", "ps", "tldr",
		"am", "pm", "hrs", "mins", "gmc", "nmc", "rcn", "unison", "bma", "a&e", "ae", "ed", "er",
		"icu", "itu", "hdu", "ccu", "nicu", "picu", "amu", "mau", "resus", "gp", "gps", "uk", "usa",
		"us", "eu", "tv", "bbc", "itv", "dm", "dms", "pm'd", "irl", "asap", "aka", "vs", "ie", "eg",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "september", "october", "november", "december",
		"morning's", "everyone's", "nights", "lates", "earlies", "weekend", "weekends", "new year",
		"mothers", "fathers", "valentines", "halloween", "bonfire", "boxing", "eid", "diwali",
		"ramadan", "hanukkah", "christmas's", "omicron", "delta", "pfizer", "moderna", "astrazeneca",
		"tesco", "asda", "sainsburys", "aldi", "lidl", "morrisons", "waitrose", "costa", "greggs",
		"starbucks", "mcdonalds", "kfc", "primark", "boots", "uber", "deliveroo", "spotify", "rt", "rts",
	)
	// Greetings: the next word is a person being addressed.
	add(cuGreet, "hi", "hey", "hello", "hiya", "heya", "howdy", "dear", "morning", "evening",
		"congrats", "congratulations", "welcome", "bye", "goodbye", "rip", "thanks", "thank", "ty",
		"cheers", "birthday", "bday", "retirement", "anniversary", "miss", "love", "yo", "rip",
		"night", "nite", "hugs", "cuddles", "hbd", "xx", "xxx")
	add(cuSignoff, "thanks", "thank", "cheers", "love", "regards", "best", "from", "xx", "xxx", "x",
		"ta", "thx", "bye", "luv", "lots", "wishes", "sincerely", "warmly", "yours")
	add(cuCalled, "called", "named", "call", "calls", "name", "name's", "names", "known",
		"nicknamed", "aka", "initials")
	add(cuPersonNoun, "lady", "gentleman", "gent", "man", "woman", "guy", "bloke", "chap", "girl",
		"boy", "lad", "lass", "fella", "fellow", "kid", "child", "baby", "toddler", "teenager",
		"chappy", "dude", "gal", "widow", "widower", "person", "individual")
	add(cuPatientNoun, "patient", "pt", "pts", "patients", "resident", "residents", "client", "clients",
		"user", "admission", "frequent", "flyer", "regular", "pt's", "patient's", "resident's")
	add(cuStaffNoun, "colleague", "colleagues", "mentor", "manager", "boss", "coworker",
		"co-worker", "workmate", "crewmate", "crewmates", "preceptor", "preceptee", "student", "hca", "hcas", "hcsw", "reg",
		"registrar", "sho", "fy1", "fy2", "f1", "f2", "consultant", "matron", "midwife", "porter",
		"physio", "paramedic", "anp", "acp", "spr", "locum", "nurse", "doctor", "medic", "rn", "sn",
		"cna", "lpn", "np", "ot", "pharmacist", "surgeon", "anaesthetist", "tutor", "lecturer",
		"educator", "supervisor", "deputy", "lead", "teammate", "buddy", "ward-manager", "cns",
		// executives and other workers of a health organisation ("CEO X", "our unit
		// secretary X"): NAME_STAFF by docs/ANNOTATION.md
		"ceo", "cno", "cfo", "coo", "cmo", "administrator", "instructor", "secretary",
		"receptionist", "director",
		// a newly qualified colleague: "the new grad on our unit, X"
		"grad", "grads", "newbie",
		// other members of a care team: "met with caseworker X"
		"caseworker", "chaplain", "dietitian", "dietician",
		// the rest of a care team by job: "our unit clerk X", "the sonographer, X,"
		"clerk", "technician", "tech", "sonographer", "radiographer", "phlebotomist",
		"hygienist", "therapist", "dentist", "orderly", "aide", "intern", "dispatcher", "scribe",
		"housekeeper",
		// an imaging or lab technologist: "our lead CT technologist X"
		"technologist")
	add(cuFriendNoun, "friend", "mate", "bestie", "bff", "neighbour", "neighbor", "pal", "buddy",
		"flatmate", "housemate", "roommate", "classmate", "teacher", "coach", "vicar", "landlord",
		"ex", "crush", "date")
	add(cuPatientCue, "patient", "patients", "pt", "pts", "bed", "beds", "bay", "bays", "cubicle",
		"admitted", "admission", "discharged", "discharge", "dc'd", "resus", "obs", "sats",
		"dnacpr", "dnar", "dnr", "yo", "y/o", "year-old", "lady", "gentleman", "gent", "elderly",
		"confused", "dementia", "delirium", "palliative", "eol", "died", "passed", "deteriorated",
		"deteriorating", "catheter", "cannula", "bloods", "meds", "medication", "morphine",
		"oramorph", "commode", "hoist", "buzzer", "fell", "fall", "fracture", "sepsis", "stroke",
		"frail", "bedbound", "resident", "residents", "client", "clients", "relatives", "visiting", "visitors",
		"ambulance", "conveyed", "scan", "surgery", "op", "diagnosed", "diagnosis",
		"cancer", "chemo", "dialysis", "nbm", "npo", "bp", "gcs", "news", "news2", "ecg", "cxr",
		"wound", "dressing", "pressure", "sore", "incontinent", "pad", "pads", "obs", "vitals",
		"iv", "drip", "fluids", "oxygen", "o2", "nebs", "tto", "ttos", "rehab", "ot", "frequent",
		"flyer", "side", "room", "cubicle", "trolley", "corridor", "arrest", "crashed", "intubated",
		"ventilated", "sedated", "unconscious", "collapsed", "overdose", "od'd", "self-harm", "pills", "tablets",
		"sectioned", "section", "detained", "restrained", "aggressive", "agitated", "wandering",
		"wanders", "absconded", "nok", "relative", "family", "families", "treatment", "ward",
		"triage", "triaged", "admit", "pt's", "patient's", "bedside", "end-of-life", "hospice",
		"pain", "vomiting", "seizure", "fitting", "fitted", "diabetic", "hypo", "copd", "chf",
		"mi", "pe", "dvt", "uti", "aki", "covid", "pneumonia", "cellulitis", "fractured", "hip",
		"nof", "broke", "broken", "bleeding", "bleed", "transfusion", "theatre", "post-op",
		"pre-op", "anaesthetic", "recovery", "clinic", "appointment", "gp", "referral", "referred",
		"prescription", "prescribed", "dose", "overdosed", "sick", "unwell", "ill", "poorly",
		"dying", "deceased", "mortuary", "hospital",
		"a&e", "ed", "er", "icu", "itu", "hdu", "ccu", "amu", "mau", "majors", "minors",
		"carehome", "residential", "visit", "visited", "sats",
		"dementia's", "alzheimers", "parkinsons", "stroke's", "cpr", "rosc", "dnacpr'd")
	add(cuStaffCue, "colleague", "colleagues", "consultant", "consultants", "reg", "registrar",
		"sho", "fy1", "fy2", "f1", "f2", "hca", "hcas", "hcsw", "mentor", "manager", "matron",
		"charge", "midwife", "midwives", "physio", "porter", "porters",
		"student", "preceptor", "preceptee", "shift", "shifts", "nights", "earlies", "lates",
		"handover", "handed", "rota", "break", "breaks", "covered", "cover", "covering", "swap",
		"swapped", "band", "anp", "acp", "spr", "locum", "boss", "coworker",
		"co-worker", "workmate", "crewmate", "team", "teammate", "leaving", "retirement", "retiring", "retired",
		"promotion", "promoted", "qualified", "newly", "preceptorship", "induction", "training",
		"teaching", "supervised", "supervision", "appraisal", "revalidation", "staff", "staffing",
		"short-staffed", "rostered", "on-call", "oncall", "bleep", "bleeped", "crew", "theatres",
		"scrubbed", "sister", "surgeon", "anaesthetist", "pharmacist", "paramedic", "paramedics",
		"rn", "rgn", "rmn", "hcp", "np", "cna", "lpn", "medic", "medics",
		// the author's fellow workers and what they lead: "thanks to my coworkers,
		// especially X", "co-authors X and Y", "X and Y for leading the clinic"
		"coworkers", "co-workers", "workmates", "teammates", "team-mates", "co-author",
		"co-authors", "coauthors", "co-presenter", "co-presenters", "ceo", "cno", "cfo", "coo",
		"cmo", "administrator", "instructor", "secretary", "receptionist", "leading", "organising",
		"organizing", "mentoring", "precepting",
		// students and trainees are staff too: "X and Y passed their OSCEs",
		// "X from my cohort"
		"osce", "osces", "cohort", "placement", "placements", "rotation", "rotations",
		"residency", "internship", "clinicals")
	add(cuOwnMine, "my", "our", "me", "mine", "i", "i'm", "im")
	add(cuOwnOther, "her", "his", "their", "the", "a", "an", "pt's", "patient's", "patients",
		"whose", "your", "hers", "lady's", "man's", "gent's", "woman's", "resident's")
	add(cuPrep, "with", "by", "to", "for", "and", "&", "from", "about", "like", "than", "told",
		"asked", "thank", "tell", "ask", "call", "phoned", "rang", "texted", "messaged", "met",
		"saw", "seen", "see", "visit", "visited", "hugged", "helped", "meet")
	add(cuPlacePrep, "in", "at", "near", "into", "around", "outside", "towards", "toward", "via",
		"from", "to", "visiting", "visit", "through", "across", "north", "south", "east", "west",
		"central", "off", "of", "leaving", "live", "lives", "living", "moved", "based", "born")
	add(cuDateWord, "in", "on", "of", "since", "until", "till", "til", "by", "last", "next",
		"early", "late", "mid", "this", "end", "during", "before", "after", "every", "from",
		"through", "throughout", "beginning", "start", "middle", "half", "whole", "the")
	add(cuVerbHuman, "said", "says", "asked", "asks", "told", "tells", "rang", "phoned", "called",
		"texted", "messaged", "emailed", "shouted", "screamed", "yelled", "laughed", "cried",
		"smiled", "sang", "sings", "thanked", "hugged", "kissed", "came", "comes", "coming", "went",
		"goes", "going", "arrived", "left", "leaves", "leaving", "turned", "walked", "ran", "wants",
		"wanted", "needs", "needed", "loves", "loved", "likes", "liked", "hates", "hated", "knows",
		"knew", "thinks", "thought", "died", "passed", "keeps", "kept", "refused", "refuses",
		"insisted", "insists", "kicked", "swore", "swears", "bit", "punched", "spat", "grabbed",
		"brought", "bought", "baked", "made", "makes", "gave", "gives", "helped", "helps",
		"covered", "covers", "started", "starts", "finished", "joined", "joins", "retires",
		"retired", "qualified", "graduated", "married", "pulled", "managed", "deserves", "works",
		"worked", "lives", "lived", "got", "gets", "did", "does", "says", "sat", "slept",
		"woke", "ate", "eats", "drank", "fell", "collapsed", "remembered", "remembers", "forgot",
		"recognised", "recognized", "waved", "winked", "whispered", "mentioned", "explained",
		"replied", "answered", "agreed", "complained", "moaned", "asks", "visits", "visited",
		"rings", "pops", "popped", "showed", "turns", "told", "hugs", "deserved", "tried", "tries",
		"won", "wins", "organised", "organized", "saved", "handed", "noticed", "spotted", "found",
		"stayed", "stays", "sent", "wrote", "writes", "played", "plays", "danced", "dances")
	add(cuAux, "is", "was", "has", "had", "will", "would", "can", "could", "did", "does",
		"isn't", "wasn't", "hasn't", "doesn't", "didn't", "won't", "can't", "just", "always",
		"never", "still", "also", "finally", "really", "actually", "then", "honestly", "literally",
		"who", "who's", "is'nt")
	add(cuPronoun, "you", "i", "we", "they", "he", "she", "it", "u", "ya", "ye", "be", "not",
		"this", "that", "there", "someone", "anyone", "everyone", "somebody", "anybody", "the",
		"a", "an", "your", "my", "our", "all", "me", "us", "them", "ur", "y'all", "yall")
	add(cuOrgSuffix, "hospital", "hospitals", "infirmary", "ward", "wards", "unit", "street",
		"st", "road", "rd", "lane", "ln", "avenue", "ave", "close", "drive", "dr", "way", "court",
		"crescent", "terrace", "gardens", "square", "place", "grove", "mews", "row", "walk", "hall",
		"house", "park", "surgery", "practice", "centre", "center", "clinic", "hospice", "school",
		"college", "university", "uni", "academy", "church", "chapel", "cathedral", "trust",
		"medical", "health", "healthcare", "care", "home", "lodge", "manor", "primary", "fc", "afc",
		"united", "city", "town", "county", "council", "ltd", "limited", "plc", "inc", "group",
		"bank", "arms", "inn", "hotel", "station", "airport", "building", "wing", "suite",
		"theatre", "theatres", "court", "estate", "village", "green", "bridge", "foundation",
		"society", "association", "club", "restaurant", "cafe", "pub", "tavern", "shop",
		"store", "stores", "market", "centre's", "hospital's", "ward's", "nursing", "residential",
		"retirement", "hotel's", "rovers", "athletic", "wanderers", "borough", "district",
		"institute", "library", "museum", "gallery", "prison", "barracks", "base", "services",
		"service", "team", "department", "dept", "road's", "avenue's", "park's",
		// US roads and a restaurant's "Garden": "Dixie Hwy", "on Elm Blvd"
		"hwy", "highway", "blvd", "boulevard", "pkwy", "parkway", "fwy", "freeway", "expressway",
		"turnpike", "garden",
		// a state university or college ("Tolliver State Community College")
		"state")
	add(cuNeverSurname, "state", "hospital", "hospitals", "infirmary", "unit", "road", "rd", "avenue",
		"ave", "close", "drive", "crescent", "terrace", "gardens", "square", "mews", "surgery",
		"practice", "centre", "center", "clinic", "hospice", "school", "college", "university",
		"uni", "academy", "trust", "medical", "health", "healthcare", "care", "fc", "afc",
		"united", "city", "county", "council", "ltd", "limited", "plc", "inc", "group", "airport",
		"station", "building", "estate", "society", "association", "club", "restaurant", "cafe",
		"pub", "tavern", "shop", "store", "stores", "market", "nursing", "residential",
		"institute", "library", "museum", "gallery", "prison", "services", "service", "team",
		"department", "dept", "st", "ln", "theatre", "theatres", "suite", "wing", "wards",
		"hospital's", "ward's", "centre's", "hwy", "highway", "blvd", "boulevard", "pkwy",
		"parkway", "fwy", "freeway", "expressway", "turnpike")
	add(cuClinNoun, "disease", "diseases", "syndrome", "syndromes", "sign", "signs", "test",
		"tests", "scale", "score", "catheter", "catheters", "tube", "tubes", "palsy", "criteria",
		"manoeuvre", "maneuver", "procedure", "position", "reflex", "line", "lines", "fracture",
		"classification", "ulcer", "stool", "needle", "mask", "bag", "drain", "stockings", "stocking",
		"chart", "tool", "protocol", "law", "effect", "phenomenon", "triad", "disorder",
		"lymphoma", "sarcoma", "tumour", "tumor", "cyst", "cardiomyopathy", "arteritis", "dystrophy",
		"myopathy", "neuropathy", "encephalitis", "operation", "repair", "incision",
		"pouch", "fistula", "gangrene", "dementia", "ataxia", "chorea", "anaemia", "anemia",
		"myeloma", "stage", "grade", "type", "bundle", "block", "wave", "waves", "node", "nodes",
		"duct", "ducts", "canal", "gland", "glands", "bodies", "cells", "cell", "valve", "loop",
		"method", "technique", "regime", "regimen", "pump", "frame", "splint", "boot", "collar",
		"traction", "curve", "index", "formula", "equation", "questionnaire", "assessment",
		"balloon", "cannula", "forceps", "retractor", "speculum", "blade", "airway", "clamp")
	add(cuNotAfterTitle, "award", "awards", "prize", "right", "men", "blobby", "google", "who", "nobody", "universe",
		"world", "president", "speaker", "chairman", "chair", "mayor", "practitioner",
		"practitioners", "specialist", "specialists", "associate", "associates", "manager",
		"consultant", "educator", "lead", "director", "assistant", "assistants", "training",
		"station", "prescriber", "band", "in", "on", "at", "and", "or", "of", "to", "the", "a",
		"an", "is", "was", "said", "says", "tells", "told", "asked", "act", "wrong", "nice", "happy",
		"muscle", "fix-it", "fixit", "perfect", "clean", "motivator", "tickle",
		"worldwide", "whoever", "no", "yes", "who's", "whatshisname", "whatsername",
		"so-and-so", "x", "y", "z", "i", "responsible", "ok", "okay", "feelgood", "seuss",
		"jekyll", "sleep", "doolittle", "dolittle", "zhivago", "strangelove", "dre",
		"frankenstein", "evil", "nurse")
	add(cuEponym, "parkinson", "parkinsons", "crohn", "crohns", "downs", "alzheimer",
		"alzheimers", "hodgkin", "hodgkins", "cushing", "cushings", "graves", "asperger",
		"aspergers", "tourette", "tourettes", "huntington", "huntingtons", "raynaud", "raynauds",
		"guillain", "barre", "guillain-barre", "foley", "swan-ganz", "ganz", "hartmann",
		"hartmanns", "apgar", "braden", "waterlow", "epley", "heimlich", "kernig", "kernigs",
		"babinski", "trendelenburg", "guedel", "yankauer", "venflon", "hickman", "ryle", "ryles",
		"seldinger", "korsakoff", "korsakoffs", "wernicke", "wernickes", "paget", "pagets",
		"meniere", "menieres", "sjogren", "sjogrens", "kawasaki", "ebola", "hashimoto",
		"hashimotos", "cheyne-stokes", "kussmaul", "kaposi", "kaposis", "peyronie", "peyronies",
		"dupuytren", "dupuytrens", "osgood", "schlatter", "bartholin", "bartholins", "colles",
		"duchenne", "marfan", "marfans", "klinefelter", "patau", "rett", "retts", "wilms",
		"tietze", "virchow", "sengstaken", "lachman", "mcmurray", "phalen", "tinel", "romberg",
		"rinne", "snellen", "ishihara", "rovsing", "mcburney", "trousseau", "chvostek",
		"korotkoff", "buerger", "buergers", "doppler", "holter", "valsalva", "ziehl", "neelsen",
		"gram", "petri", "papanicolaou", "tena", "conveen", "zimmer", "stryker", "optiflow",
		"airvo", "bair", "hugger", "entonox", "jelonet", "mepilex", "aquacel", "tegaderm",
		"duoderm", "allevyn", "cavilon", "sudocrem", "canesten", "calpol", "lemsip", "nurofen",
		"gaviscon", "fortisip", "complan", "nutilis", "ozempic", "wegovy", "mounjaro", "viagra",
		"botox", "tamiflu", "valium", "xanax", "prozac", "zoladex", "sinemet", "madopar",
		"aricept", "donepezil", "chlorhexidine", "betadine", "octenisan", "hibiscrub", "tazocin",
		"augmentin", "clexane", "oramorph", "buscopan", "movicol", "senokot", "dulcolax",
		"fybogel", "laxido", "adcal", "fultium", "reye", "reyes", "grey-turner",
		// ICU drugs, lines and charting systems that read like names in notes
		"neo", "neosynephrine", "levophed", "levo", "dopa", "dobutamine", "aline", "a-line",
		"swan", "fick", "quinton", "pacs", "pac", "carevue", "vanco", "vancomycin", "precedex",
		"propofol", "versed", "ativan", "haldol", "lasix", "coumadin", "heparin", "dilaudid",
		"tylenol", "flagyl", "zosyn", "kayexalate", "pepcid", "protonix", "lopressor", "digoxin",
		"fentanyl", "nitro", "nipride", "milrinone", "amio", "amiodarone", "cordis", "picc",
		"mediport", "portacath", "jevity", "ensure", "peptamen", "impact", "isosource",
		"ra", "md", "mds", "uo", "tf", "tr", "gu", "le", "les", "asa", "pvc", "pvcs", "abi", "abis",
		"sbp", "nbp", "sxn", "cpt", "lumen", "thrush", "ho", "np",
		"na", "mi", "min", "crit", "echo", "pacer", "ace", "lue", "rue", "lle", "rle", "perl",
		"perla", "perrl", "perrla", "mae", "maes", "vea", "jp", "cdb", "aao", "overnoc", "noc",
		"zaroxolyn", "zaroxyln", "lido", "integrillin", "aggrastat", "mallory", "weiss", "tele",
		"ekg", "ecg", "cxr", "abg", "abgs", "hct", "riss", "ssri", "nsr", "ogt", "ngt", "kcl",
		"bipap", "cpap", "ambu", "yankauer", "jackson-pratt", "pleurevac", "hemovac", "blake", "hoyer")
	add(cuRoleSuffix, "rn", "rgn", "rmn", "rnld", "sn", "hca", "hcsw", "np", "anp", "acp", "cna",
		"lpn", "lvn", "md", "mbbs", "fy1", "fy2", "sho", "reg", "spr", "cns", "odp", "rm", "bsc",
		"msc", "phd", "frcs", "mrcp", "qn", "ot", "pa", "emt", "nqn", "midwife", "matron", "physio",
		"porter", "student", "sister", "nurse", "medic", "paramedic", "consultant", "hcas",
		"rrt", "crt", "licsw", "lcsw", "msw", "slp", "rd", "cnm", "crna", "aprn", "bsn", "msn",
		"dnp", "ccrn", "rph", "pharmd", "lmsw", "otr", "dpt", "mph")
	add(cuShift, "nights", "days", "lates", "earlies", "night", "work", "uni", "occupational",
		"infection", "pals", "safeguarding", "palliative", "it", "estates", "site", "discharge", "theatres", "pharmacy", "physio",
		"ot", "bank", "agency", "outreach", "ed", "a&e", "icu", "itu", "hdu", "amu", "maternity",
		"paeds", "ortho", "admin", "reception", "recruitment", "hr", "radiology", "xray",
		"x-ray", "switchboard", "security", "catering", "estates", "transport", "dialysis",
		"resus", "majors", "minors", "triage",
		// "X from speech and swallow", "X from social work"
		"speech", "social", "psych", "dietetics", "chaplaincy",
		// more departments: "X from portering", "X from respiratory"
		"portering", "respiratory", "phlebotomy", "pathology", "lab", "housekeeping",
		"cardiology", "endoscopy", "imaging", "payroll", "finance", "facilities", "psychiatry",
		"haematology", "hematology", "microbiology", "anaesthetics", "anesthesia", "education")
	add(cuDet, "the", "a", "an", "this", "that", "my", "her", "his", "their", "our", "your",
		"its", "every", "each", "any", "no", "another", "one", "some", "fellow", "senior", "junior",
		"head", "big", "old", "new", "lovely",
		"poor", "little", "twin", "older", "younger", "eldest", "youngest", "baby", "little")
	add(cuKiss, "x", "xx", "xxx", "xxxx", "xo", "xoxo")
	add(cuAdj, "my", "our", "the", "lovely", "amazing", "dear", "dearest", "wonderful",
		"beautiful", "gorgeous", "favourite", "favorite", "best", "big", "little", "birthday",
		"bday", "retirement", "anniversary", "you", "so", "much", "very", "happy", "belated",
		"fab", "fabulous", "brilliant", "awesome", "darling", "sweet", "special", "precious",
		"old", "friend", "mate", "bestie", "colleague", "boss", "girl", "boy", "lady", "man",
		"sister", "brother", "for", "on", "out", "shout", "shoutout", "big", "massive", "huge",
		"warm", "fellow", "new", "kind", "all", "ever", "and", "&", "one", "done", "well", "luck",
		"good", "soon", "get", "again", "too", "welcome", "back", "congratulations", "congrats",
		"thanks", "thank", "cheers", "hi", "hey", "hello", "morning", "night", "sleep", "tight")
	add(cuClinical, "patient", "patients", "pt", "pts", "bed", "bay", "ward", "wards", "shift",
		"obs", "admitted", "discharged", "resus", "dnacpr", "a&e", "ed", "icu", "itu", "hdu",
		"nurse", "nurses", "doctor", "doctors", "hca", "hospital", "clinic", "theatre", "cubicle",
		"nights", "handover", "meds", "bloods", "consultant", "reg", "sho", "matron", "sister",
		"gp", "surgery", "ambulance", "paramedic", "paramedics", "care", "dementia", "palliative",
		"relatives", "nok", "sats", "bp", "gcs", "news", "cannula", "catheter", "commode",
		"hoist", "buzzer", "trolley", "triage", "majors", "minors", "midwife", "labour",
		"delivery", "maternity", "nicu", "picu", "scbu", "amu", "mau", "cdu", "sdec", "ccu",
		"bays", "beds", "admission", "discharge", "resident", "residents", "carehome",
		"nursing", "hospice", "rota", "bleep", "ward's")
	for w := range nmTitles {
		m[w] |= cuTitle
	}
	return m
}()

// nmWord returns the cue bits of a lower-case word.
func nmWord(w string) nmCue {
	h := nmHash(w)
	if nmCueBits[h>>(64-nmCueBitsLog)>>6]&(1<<(h>>(64-nmCueBitsLog)&63)) == 0 {
		return 0 // most words: no cue word has this hash's top bits
	}
	for i := h & nmCueMask; ; i = (i + 1) & nmCueMask {
		sl := &nmCueTable[i]
		if sl.cue == 0 {
			return 0
		}
		if sl.h == h && sl.w == w {
			return sl.cue
		}
	}
}

// nmCueTable is nmCues as an open-addressing hash table: faster than a Go
// map for the one lookup every token costs.
const nmCueMask = 1<<13 - 1

type nmCueSlot struct {
	h   uint64
	w   string
	cue nmCue
}

var nmCueTable = func() *[nmCueMask + 1]nmCueSlot {
	var t [nmCueMask + 1]nmCueSlot
	if len(nmCues)*2 > len(t) {
		panic("detect: nmCueTable too small")
	}
	for w, c := range nmCues {
		h := nmHash(w)
		i := h & nmCueMask
		for t[i].cue != 0 {
			i = (i + 1) & nmCueMask
		}
		t[i] = nmCueSlot{h, w, c}
	}
	return &t
}()

// nmCueBits has the bit of each cue word's hash (its top nmCueBitsLog bits) set: 8 KiB
// that stay in a core's cache, in front of nmCueTable's 256 KiB, which a word that enters
// a memo would otherwise probe for nothing, a cache miss on most new words (a wall-clock
// profile of tweets put 3% of the time there).
const nmCueBitsLog = 16

var nmCueBits = func() *[1 << nmCueBitsLog / 64]uint64 {
	var b [1 << nmCueBitsLog / 64]uint64
	for w := range nmCues {
		k := nmHash(w) >> (64 - nmCueBitsLog)
		b[k>>6] |= 1 << (k & 63)
	}
	return &b
}()

// nmHash is FNV-1a, 64 bits.
func nmHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// Staff titles, courtesy titles and other titles, by lower-case word.
type nmTitleKind uint8

const (
	tkNone     nmTitleKind = iota
	tkStaff                // Dr, Prof, Sister, Nurse, Matron
	tkCourtesy             // Mr, Mrs, Ms, Miss, Mx
	tkOther                // Rev, Cllr, Sir, Lady…
	tkAmbig                // Sister, Nurse, Matron: titles only when capitalised and not after "the/my"
)

var nmTitles = func() map[string]nmTitleKind {
	m := map[string]nmTitleKind{
		"mr": tkCourtesy, "mrs": tkCourtesy, "ms": tkCourtesy, "miss": tkCourtesy, "mx": tkCourtesy,
		"mister": tkCourtesy, "missus": tkCourtesy, "master": tkCourtesy,
		"dr": tkStaff, "drs": tkStaff, "np": tkStaff, "doctor": tkAmbig, "prof": tkStaff, "professor": tkStaff,
		"sister": tkAmbig, "nurse": tkAmbig, "matron": tkAmbig, "sr": tkStaff,
		"rev": tkOther, "revd": tkOther, "reverend": tkOther, "cllr": tkOther, "councillor": tkOther,
		"sir": tkOther, "dame": tkOther, "lord": tkOther, "lady": tkOther, "fr": tkOther,
		"father": tkAmbig, "pastor": tkOther, "canon": tkOther, "rabbi": tkOther, "imam": tkOther,
		"capt": tkOther, "captain": tkOther, "sgt": tkOther, "sergeant": tkOther, "pc": tkOther,
		"insp": tkOther, "inspector": tkOther, "det": tkOther, "detective": tkOther, "judge": tkOther,
		"baroness": tkOther, "baron": tkOther, "prince": tkOther, "princess": tkOther,
		"auntie": tkAmbig, "aunty": tkAmbig, "uncle": tkAmbig,
	}
	for w := range nmKinTitles {
		m[w] = tkAmbig
	}
	return m
}()

// nmKinTitles are kinship words other languages use to address or name a
// relative, alone ("Ammi cried on the call") or before a name ("Kuya
// Rommel"): a title like Auntie, never the name. Kin words that are also
// common first names here (Lola, Nana, Tia, Tito, Oma) are left out.
var nmKinTitles = WordSet("tita", "kuya", "ammi", "abbu", "ammu", "mamo", "tato",
	"babcia", "dziadek", "abuela", "abuelo", "abuelita", "abuelito", "tío", "tía",
	"nonna", "nonno", "opa", "dadi", "nani", "chacha", "chachi", "mausi", "yiayia", "halmoni")

// nmKinTitle reports a kinship title of another language (nmKinTitles).
func nmKinTitle(key string) bool { return nmKinTitles[key] }

// Title groups of a famous pair (nmFamousPairs): which titles make the
// pair famous.
const (
	fpMr   uint8 = 1 << iota // Mr, Mister
	fpDr                     // Dr, Doctor
	fpCapt                   // Capt, Captain
)

// nmFamousPairs are real surnames (or first names) with one famous pairing
// after a title: "Mr Bean", "Dr Pepper", "Captain Hook" name a character, a
// drink or a public figure, while "Mrs Bean in bay 2" or "Dr Bean saw her"
// are people the post is about. Only the exact pair is vetoed, and only
// outside a patient frame (see famousPair). Words that are never names
// after any title ("Mr Right", "Dr Google", "Dr Seuss") are cuNotAfterTitle
// instead. Common surnames whose famous pair is a fiction (Watson, Foster,
// Fox, Quinn) are not here: a colleague or patient of that name is far
// likelier in a post by staff than the character, and missing a name costs
// more than marking a quotation.
var nmFamousPairs = map[string]uint8{
	"bean": fpMr, "hyde": fpMr, "ruth": fpDr, "phil": fpDr, "pepper": fpDr,
	"hook": fpDr | fpCapt, "hooks": fpDr, "oz": fpDr, "strange": fpDr,
}

// nmFamousTitle returns the famous-pair group of a title word, 0 if none.
func nmFamousTitle(key string) uint8 {
	switch key {
	case "mr", "mister":
		return fpMr
	case "dr", "doctor":
		return fpDr
	case "capt", "captain":
		return fpCapt
	}
	return 0
}

// nmTitleTable is nmTitles for the lookup of titleAt.
var nmTitleTable = func() *nmWordTable {
	m := make(map[string]uint8, len(nmTitles))
	for w, k := range nmTitles {
		m[w] = uint8(k)
	}
	return nmNewWordTable(m)
}()

// nmDrRole reports, for a staff title, whether it is a health staff title
// (NAME_STAFF): all staff titles are.
func nmTitleRole(k nmTitleKind, key string) nmTitleKind {
	switch key {
	case "doctor", "sister", "nurse", "matron":
		return tkStaff
	case "father", "auntie", "aunty", "uncle":
		return tkOther
	}
	if nmKinTitle(key) {
		return tkOther
	}
	return k
}
