package synth

import "math/rand/v2"

// defs are named pieces of template shared by the families: the vocabulary
// of notes and posts (never a name or a place).
var defs = map[string]string{
	"drug":      `[Lasix|lasix|Heparin|heparin|Nepro|Propofol|propofol|Levophed|levophed|Vanco|vanco|Zosyn|zosyn|Tylenol|tylenol|Coumadin|Ativan|ativan|Haldol|haldol|Dilaudid|dilaudid|Fentanyl|fentanyl|Versed|Precedex|precedex|Insulin|insulin|Protonix|Zofran|zofran|Reglan|Colace|colace|Senna|senna|Dulcolax|Flagyl|Cipro|Ceftriaxone|Cefepime|Meropenem|Lovenox|lovenox|Plavix|ASA|aspirin|Lopressor|Metoprolol|metoprolol|Diltiazem|dilt|Amiodarone|amio|Dopamine|Neo|Vasopressin|Nitro|nitro|Morphine|morphine|MSO4|Oxycodone|Percocet|Kayexalate|Lactulose|lactulose|Rifaximin|Solumedrol|Decadron|Albuterol|Atrovent|Nexium|Pepcid|Keppra|Dilantin|Bactrim|Levaquin|Unasyn|Ancef|KCL|Mag sulfate|Calcium gluconate|D50|Narcan|Ambien|Seroquel|Zyprexa|Benadryl|Digoxin|Captopril|Hydralazine|Labetalol|Nimodipine|Mannitol|Ensure|Glucerna|Jevity|Promote|Vital HP|Oramorph|paracetamol|Clexane|furosemide|Tazocin|co-amoxiclav|Oxynorm|Movicol|Lactulose|Ondansetron|Cyclizine|Sando-K]`,
	"pressor":   `[Levophed|levo|Neo|neo|Vasopressin|vaso|Dopamine|dopa|Epi|epi|Dobutamine|Milrinone|Neosynephrine]`,
	"abx":       `[Vanco|vancomycin|Zosyn|Cefepime|Meropenem|Flagyl|Cipro|Levaquin|Bactrim|Unasyn|Ancef|Ceftriaxone|Tazocin|co-amoxiclav|Augmentin|Clarithromycin|Doxy|Gent|Fluconazole|Micafungin|Acyclovir|Vanc/Zosyn]`,
	"device":    `[Foley|foley|Swan|swan|Swan-Ganz|A-line|art line|PICC|Hickman line|TLC|cordis|ETT|trach|NGT|OGT|Dobhoff|PEG|rectal tube|Flexiseal|JP drain|Jackson-Pratt drain|chest tube|Pleur-evac|Passy-Muir valve|Yankauer|Bair Hugger|Cool Neb|Miami J collar|Hoyer lift|SCDs|TEDs|IABP|Impella|CVVH circuit|HD catheter|Quinton|Port-a-cath|Penrose drain|Hemovac|wound vac|Bovie|Ambu bag|Doppler|condom cath|purewick|CADD pump|Salem sump]`,
	"unitabbr":  `[MICU|CCU|SICU|CVICU|NICU|PACU|CSRU|TSICU|ICU|ITU|HDU|ED|EW|OR|cath lab|IR|tele|step down|4 North|7 West|the floor|MAU|AMU|CDU|L&D|Neuro ICU|burn unit|ER|A&E|the unit|8 East|5B|ward 6|Ward 12]`,
	"role":      `[case management|social work|PT/OT|PT|OT|speech|nutrition|pharmacy|IV team|wound care|palliative care|the attending|the resident|the fellow|the team|the covering MD|night float|cardiology|renal|ID|GI|surgery|neurology|psych|the chaplain|respiratory|RT|the NP|the PA|the intern|the charge nurse|nursing supervisor|admitting|the house officer|bed management|the outreach team|physio|SALT|the dietitian|the OT|the MDT|the registrar|the SHO|the consultant]`,
	"rel":       `[wife|husband|daughter|son|dtr|sister|brother|niece|nephew|mother|mom|father|dad|granddaughter|grandson|partner|friend|neighbor|aunt|uncle|cousin|boyfriend|girlfriend|fiance|stepson|stepdaughter|son-in-law|daughter-in-law|neighbour|mum|sister-in-law]`,
	"day":       `[Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Wed|Thurs|Fri|Sat|Sun|monday|friday|tomorrow|today|tonight]`,
	"wday":      `[Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Wed|Thurs|Fri|Sat|Sun|monday|friday]`,
	"month":     `[January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Sept|Oct|Nov|Dec]`,
	"dx":        `[pneumonia|PNA|sepsis|urosepsis|CHF exacerbation|COPD flare|GI bleed|UGIB|DKA|NSTEMI|STEMI|CVA|SAH|SDH|PE|DVT|AKI|ESRD|ARDS|respiratory failure|hypoxic resp failure|altered mental status|AMS|ETOH withdrawal|pancreatitis|cholangitis|SBO|C diff|cellulitis|a fib with RVR|hip fracture|mechanical fall|syncope|hyperkalemia|hyponatremia|overdose|MVC|trauma|seizures|status epilepticus|cardiac arrest|aortic dissection|ESLD|Parkinson's|Alzheimer's dementia|Guillain-Barre|myasthenia crisis|Crohn's flare|Addison's crisis|Cushing's|Hodgkin's lymphoma|Bell's palsy|Wernicke's|Graves' disease|Hashimoto's|Kawasaki|Raynaud's|Tourette's|Down syndrome|Huntington's|Lou Gehrig's disease|Stevens-Johnson|Barrett's esophagus|Baker's cyst|Paget's disease|Meniere's|Sjogren's|Wilson's disease|Whipple procedure|Takotsubo]`,
	"finding":   `[low UO|hypotension|SBP {sbp}|HR {hrn}|new a fib|desat to {satn}%|temp {temp}|K {dec}|Hct drop|BS {n2}|increased agitation|pt pulling at lines|new confusion|chest pain|bloody stools|low urine output|ABG results|CXR results|lab results|pupils sluggish|new left sided weakness|large liquid stool|frank blood in NGT|coffee ground emesis|tachypnea|lactate {dec}|trop {dec}|MAP < 60|RR {rrn}|Babinski positive on right|Cheyne-Stokes resps|Kussmaul breathing|Homan's sign|Trousseau sign|Cullen's sign]`,
	"plan":      `[cont current plan|continue to monitor|wean vent as tolerated|hold tube feeds|give lasix 40 IV|recheck labs at 2am|bolus 500cc NS|start neo|titrate levo to MAP > 65|get CT head|transfuse 1 unit PRBC|d/c foley|extubate in am|keep NPO|start heparin gtt|consult GI|call family in am|check ABG in 1 hr|increase PEEP to {peep}|change abx to zosyn|follow up cultures|place new PIV|start bicarb gtt|repeat lactate|hold sedation in am|SBT in am|diurese gently|give albumin|recheck K at {time}|hold coumadin|reverse with FFP|consult palliative care|d/c art line|check Mg and phos]`,
	"procedure": `[bronch|EGD|cath|TEE|PEG placement|trach|line placement|CT guided drainage|IR embolization|thoracentesis|paracentesis|LP|ERCP|ex lap|MRI|HD|CVVH|CABG|valve repair|ORIF|dialysis|colonoscopy|pacemaker|ablation|angio|stent|TIPS|VATS|craniotomy|EVD placement|Whipple]`,
	"service":   `[cardiology|renal|ID|GI|surgery|neurology|neurosurgery|psych|palliative care|pulmonary|the ICU team|ortho|heme/onc|vascular|IR|anesthesia|trauma surgery|geriatrics|urology|ENT|plastics|derm|endocrine|transplant|hepatology|the stroke team|the pain service]`,
	"topic":     `[dispo|discharge planning|placement|insurance|swallow eval|tube feeds|home services|rehab screening|equipment|transportation|code status|goals of care|a family meeting|PT eval|the care plan|d/c plan|medicaid application|guardianship|hospice referral|home O2|the bill]`,
	"status":    `[resting comfortably|sedated|agitated|calm and cooperative|lethargic but arousable|intubated and sedated|alert and oriented|confused overnight|sleeping at intervals|hemodynamically stable|on BIPAP|comfortable on CPAP|afebrile|withdrawn|anxious|in good spirits|tearful at times|pleasantly confused|restless|more alert today]`,
	"bp":        `[BP|bp|B/P|SBP|NBP|ABP] [|: |=]{sbp}/{dbp}`,
	"hr":        `[HR|hr|Hr] [{hrn}|{hr10}|{hr10}-{hr10}]`,
	"vs":        `[{bp}, {hr}|{hr}, {bp}|VSS|vss|{bp} {hr} RR {rrn} sats {satn}%|T {temp} {hr} {bp} RR {rrn} O2 sat {satn}%|{hr} SR, {bp}|HR {hr10} ST, MAPs > 65|Tmax {temp}, {hr}]`,
	"vent":      `[A/C|AC|CMV|SIMV|AC|A/C] {rate}[X|x|/]{tv}[X|x|/]{peep}[| {fio2}%| FiO2 {fio2}%| FIO2 .{n2}]`,
	"ventline":  `[vent settings|vent|on|settings|remains on] [{vent}|CPAP {peep}/5|PS 10/5|CPAP+PS 5/5 {fio2}%|PSV 12/5|AC {rate}x{tv} PEEP {peep}|PC {n2}/{peep}|TC 40%|trach mask 40%|cool neb 40%|cool mist]`,
	"abg":       `[ABG|abg|ABG:|VBG] {abgv}`,
	"o2":        `[{n1}L NC|{n1}L n/c|{n1}LNC|40% FM|NRB|high flow {n2}L|BIPAP|RA|room air|face tent|{n1} L NP|60% venti mask|shovel mask]`,
	"sat":       `[sats|sat|O2 sat|SpO2|SaO2|spo2] [{satn}%|{satn}|9{n1}-100%|low 90s|high 90s]`,
	"side":      `[L|R|left|right|bilat|b/l|LLL|RLL|RUL|LUL|bilateral]`,
	"finish":    `[|, will cont to monitor|, cont to monitor|, will follow|, no acute distress|, no c/o pain|, see flowsheet|, see MAR|, tolerating well|, no changes|.]`,
	"lab":       `[K|Na|Hct|Hgb|WBC|plt|INR|PTT|BUN|Cr|lactate|trop|BNP|Mg|Ca|phos|glucose|BS|FS|ammonia|LFTs|lipase|ABG|VBG|CK|CRP|ESR|procalcitonin|D-dimer|TSH|A1c]`,
	"hashtag":   `[#nurselife|#NurseLife|#nightshift|#ICU|#icunurse|#NHS|#nhsheroes|#nursesofinstagram|#scrubs|#healthcareheroes|#nurse|#RN|#medtwitter|#MedTwitter|#frontline|#12hourshift|#burnout|#nursing|#newgrad|#travelnurse|#respect|#tired|#blessed|#teamwork|#nursingschool|#ERnurse|#codebrown|#coffee|#mondays|#weekend]`,
	"emo":       `[|| lol| haha| :)| :(| smh| 😂| 🙏| ❤️| 😭| 💉| 🙄| 🥲| ✨| 💪]`,
	"shift":     `[night shift|nights|days|a 12|a 13 hour shift|a double|day shift|an extra shift|my last shift|my first shift|a weekend shift|this shift|clinicals|orientation]`,
	"nameword":  `[will hold lasix|will hold TF|may need to reintubate|may need CT head|may need blood|hope to extubate in am|hope to wean pressors|will mark the site|marked the site|frank blood per rectum|frank pus from wound|frank hematuria|temp rose to {temp}|lactate rose to {dec}|Cr rose to {dec}|grace period on insurance|bill the insurance|billing aware|pat dry and apply barrier cream|art line dampened|gene testing pending|drew blood cultures x2|drew labs off the A-line|chase K with 40 meq|miles of tubing|sandy colored urine|ruby red urine|pearl-like nodule|amber urine|crystal clear urine|lance the abscess|rich in protein|sue the hospital|joy of night shift|faith in the plan|dawn phenomenon|summer student|art therapy|hunter's canal|king airway|brown secretions|green sputum|white count up|black tarry stools|young for her age|baker's cyst|stone in CBD|kidney stone|long night|little UO|sharp pain|swift recovery|field block|house officer|call bell in reach|ward round|bishop score|cooper's ligament|major bleed|moss-like growth|wood's lamp|pearl index|rose bengal|iris prolapse|daisy chain|penny sized ulcer|frost bite|hope for the best|bean sized lymph node|mark on skin|a grace period]`,
}

// kinds of family.
const (
	kNeg  = iota // no span
	kName        // NAME spans only
	kLoc         // LOC spans only
	kBoth        // NAME and LOC spans
)

// family is a group of templates of one kind for some styles.
type family struct {
	name   string
	styles []int
	kind   int
	atEnd  bool // closes the example (a signature)
	src    []string
	t      []tmpl
}

func (f *family) pick(r *rand.Rand) tmpl { return f.t[r.IntN(len(f.t))] }

// style holds the families of one style by kind, with their weights (how
// many templates each has).
type style struct {
	fams               [4][]*family
	w                  [4][]int
	minWords, maxWords int
}

// pick returns a family of the kind, weighted by how many templates it has.
func (st *style) pick(r *rand.Rand, kind int) *family {
	return st.fams[kind][pickWeighted(r, st.w[kind])]
}

var (
	styleWeights = [numStyles]int{40, 25, 35}
	caseWeights  = [numStyles][3]int{
		styleUS:     {30, 50, 20}, // mixed, upper, lower
		styleUK:     {45, 35, 20},
		styleSocial: {50, 15, 35},
	}
	styles [numStyles]style
)

type sep struct {
	text string
	ends bool // a new sentence starts after it
	w    int
}

var (
	noteSeps   = []sep{{". ", true, 45}, {" ", false, 14}, {"\n", true, 20}, {".\n", true, 8}, {"; ", false, 5}, {", ", false, 4}, {"  ", false, 3}, {" - ", false, 1}}
	socialSeps = []sep{{". ", true, 40}, {"! ", true, 12}, {" ", false, 12}, {"\n", true, 14}, {"\n\n", true, 10}, {"... ", true, 6}, {"? ", true, 3}, {" - ", false, 3}}
	noteSepW   = sepW(noteSeps)
	socialSepW = sepW(socialSeps)
	socialTail = []string{"lol", "smh", "ugh", "😂", "🙏", "❤️", "#blessed", ":)", "x", "xx"}
	hashtags   = []string{"#nurselife", "#NurseLife", "#nightshift", "#ICU", "#icunurse", "#NHS", "#nhsheroes", "#nursesofinstagram", "#scrubs", "#healthcareheroes", "#nurse", "#RN", "#medtwitter", "#frontline", "#12hourshift", "#burnout", "#nursing", "#newgrad", "#travelnurse", "#tired", "#teamwork", "#ERnurse", "#coffee", "#nursesrock", "#NursesWeek", "#medstudent", "#residency", "#hcahero"}
)

func sepW(s []sep) []int {
	w := make([]int, len(s))
	for i := range s {
		w[i] = s[i].w
	}
	return w
}

func init() {
	c := &compiler{defs: defs, done: map[string]tmpl{}, busy: map[string]bool{}}
	for _, f := range families {
		for _, s := range f.src {
			f.t = append(f.t, c.compile(s))
		}
		for _, s := range f.styles {
			st := &styles[s]
			st.fams[f.kind] = append(st.fams[f.kind], f)
			st.w[f.kind] = append(st.w[f.kind], len(f.t))
		}
	}
	styles[styleUS].minWords, styles[styleUS].maxWords = 6, 60
	styles[styleUK].minWords, styles[styleUK].maxWords = 5, 50
	styles[styleSocial].minWords, styles[styleSocial].maxWords = 5, 32
}
