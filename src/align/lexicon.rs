//! A small bilingual lexicon of common legal and administrative terms, and
//! the matching of its concepts in article texts.
//!
//! How the table was made: it is a hand-written list of the vocabulary that
//! legislation in general uses (institutions, office holders, legislative
//! acts, procedure, offences and penalties, public service, money, time,
//! documents, property, trade…), each concept given with its common Arabic
//! forms (singular, broken plural, adjective, verb where usual) and its
//! common English renderings. It was written from general knowledge of
//! legal Arabic and English, not extracted from any corpus, and not tuned
//! to particular documents. A concept is only evidence when it occurs in
//! both articles of a candidate; its weight is its rarity in the document
//! pair, so words that every article uses count for little.
//!
//! Matching is by script, not by the document's declared language (so the
//! signal is symmetric when the roles of the two documents are swapped):
//! - Arabic words are folded with [`crate::normalize`] (alef forms, `ى`,
//!   `ة → ه`, no diacritics or tatweel); the common prefixes (`و ف ب ل ك`,
//!   the article `ال` and their combinations) and suffixes (`ه ات ين ون ها
//!   هم`, …) are stripped in every possible way and the least-stripped form
//!   found in the table wins. A table form ending in `ه` (ta marbuta) is also
//!   known without it and with `ت` (its form before a pronoun suffix), so
//!   that `مخالفات` and `لجنته` find `مخالفة` and `لجنة`.
//! - English words are lower-cased and reduced by a light suffix stripper
//!   ([`stem_en`]); the table's English forms go through the same stripper.
//!
//! A stem belongs to at most one concept (checked by a test).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::hash::IdentityHasher;
use crate::normalize::{fold, is_arabic_letter, normalize_into, Normalized};

/// The table: per concept, its Arabic forms and its English forms, each a
/// space-separated list.
const TABLE: &[(&str, &str)] = &[
    // Institutions and bodies.
    ("لجنة لجان", "committee"),
    ("محكمة محاكم", "court tribunal"),
    ("نيابة ادعاء مدعي", "prosecution prosecutor"),
    ("وزير وزراء", "minister"),
    ("وزارة وزارات", "ministry"),
    ("مجلس مجالس", "council board"),
    (
        "رئيس رؤساء رئاسة",
        "president presidency chairman chairperson head",
    ),
    ("نائب نواب", "deputy vice"),
    ("عضو أعضاء عضوية", "member membership"),
    ("مؤتمر مؤتمرات", "congress conference"),
    ("شعب شعبي شعوب", "people popular"),
    ("حكومة حكومي حكومات", "government governmental"),
    ("دولة دول", "state"),
    ("جماهيرية", "jamahiriya"),
    (
        "إدارة إدارات إداري",
        "administration administrative department management",
    ),
    ("مكتب مكاتب", "office bureau"),
    ("فرع فروع", "branch"),
    ("هيئة هيئات سلطة سلطات", "authority body commission"),
    ("صلاحية صلاحيات", "power powers"),
    ("جهاز أجهزة خدمة خدمات", "service apparatus agency"),
    ("مؤسسة مؤسسات", "institution foundation"),
    ("شركة شركات", "company"),
    ("أمانة", "secretariat"),
    ("أمين أمناء", "secretary"),
    ("مدير مديرية مديرون", "director directorate manager"),
    (
        "رقابة مراقبة مراقب رقابي",
        "control monitor monitoring oversight",
    ),
    ("إشراف مشرف", "supervise supervision supervisor"),
    ("بلدية بلديات", "municipality municipal"),
    ("محافظة محافظ", "governorate governor"),
    ("منطقة مناطق", "area region zone"),
    ("مدينة مدن", "city"),
    ("قرية قرى", "village"),
    ("جامعة جامعات", "university"),
    ("مدرسة مدارس", "school"),
    ("مستشفى مستشفيات", "hospital"),
    ("مصرف مصارف بنك بنوك", "bank"),
    ("جيش جيوش", "army"),
    ("قوة قوات", "force"),
    ("سلاح أسلحة مسلح", "weapon arms armed"),
    ("عسكري عسكرية", "military"),
    ("شرطة", "police"),
    ("أمن أمني", "security"),
    ("حرس حراسة", "guard"),
    ("دفاع", "defence defense"),
    ("جمارك جمركي", "customs"),
    ("سجن سجون", "prison"),
    ("سجين سجناء", "prisoner inmate"),
    ("قاضي قاض قضاة", "judge"),
    ("قضاء قضائي", "judiciary judicial"),
    ("محامي محام محامون محاماة", "lawyer advocate"),
    ("خبير خبراء خبرة", "expert expertise experience"),
    ("مستشار مستشارين", "counsellor counselor adviser advisor"),
    ("موظف موظفين موظفون", "employee"),
    ("عامل عمال", "worker labourer laborer"),
    ("ضابط ضباط", "officer"),
    ("جندي جنود", "soldier"),
    ("رتبة رتب", "rank"),
    ("متطوع متطوعين تطوع تطوعي", "volunteer voluntary"),
    ("مواطن مواطنين مواطنون", "citizen"),
    ("أجنبي أجانب", "foreign foreigner alien"),
    ("شخص أشخاص", "person persons"),
    ("فرد أفراد", "individual"),
    ("طفل أطفال", "child children"),
    ("أسرة أسر عائلة", "family"),
    ("زوج زوجة أزواج", "spouse husband wife"),
    ("وارث ورثة", "heir"),
    ("جماهير", "masses"),
    ("ثورة ثوري", "revolution revolutionary"),
    ("قائد قيادة", "leader leadership"),
    ("نقابة نقابات", "union syndicate"),
    ("جمعية جمعيات", "association society"),
    ("حزب أحزاب", "party"),
    ("نادي أندية", "club"),
    // Legislation.
    ("قانون قوانين", "law"),
    ("تشريع تشريعات تشريعي", "legislation legislative"),
    ("قرار قرارات", "decree decision resolution"),
    ("لائحة لوائح", "regulation bylaw"),
    ("نظام أنظمة", "system regime"),
    ("مادة مواد", "article"),
    ("فقرة فقرات", "paragraph"),
    ("بند بنود", "clause"),
    ("أحكام", "provision"),
    ("حكم", "judgment judgement verdict"),
    ("نص نصوص منصوص ينص تنص", "stipulate stipulation text"),
    ("دستور دستوري", "constitution constitutional"),
    (
        "اتفاقية اتفاقيات اتفاق",
        "agreement agree convention treaty",
    ),
    ("عقد عقود تعاقد متعاقد", "contract contractor"),
    ("ترخيص تراخيص رخصة", "licence license"),
    ("إذن", "permission authorisation authorization"),
    (
        "إصدار يصدر صدر صادر",
        "issue issuance promulgate promulgation",
    ),
    ("نشر ينشر", "publish publication"),
    ("جريدة", "gazette"),
    ("رسمي رسمية", "official officially"),
    (
        "إلغاء يلغى ملغي",
        "repeal abolish abolition cancel cancellation revoke",
    ),
    ("تعديل تعديلات يعدل", "amend amendment modify modification"),
    (
        "تنفيذ تنفيذي ينفذ",
        "implement implementation execute executive enforcement",
    ),
    ("سريان يسري نفاذ", "effect effective valid validity"),
    ("تطبيق يطبق", "application apply applicable"),
    ("تعليمات", "instruction"),
    ("أمر أوامر", "order command"),
    ("توجيه توجيهات", "directive guidance"),
    ("إجراء إجراءات", "procedure measure"),
    ("قاعدة قواعد", "rule"),
    ("مبدأ مبادئ", "principle"),
    ("هدف أهداف", "objective goal aim"),
    ("غرض أغراض", "purpose"),
    ("حالة حالات", "situation circumstance"),
    ("تعريف تعريفات", "definition define"),
    ("معنى", "meaning"),
    ("استثناء", "exception except"),
    ("إعفاء", "exemption exempt"),
    ("إخلال", "prejudice breach"),
    ("مراعاة", "observance"),
    ("اختصاص اختصاصات مختص", "competence jurisdiction competent"),
    ("مهمة مهام", "task mission"),
    ("تنظيم", "organisation organization organise organize"),
    ("إنشاء تأسيس", "establish establishment creation create"),
    ("تشكيل", "formation composition"),
    ("هيكل", "structure"),
    // Procedure, courts, offences.
    (
        "مخالفة مخالفات يخالف",
        "violation violate contravention infringement",
    ),
    ("جريمة جرائم", "crime offence offense"),
    ("جنائي جنائية", "criminal penal"),
    ("جناية جنايات", "felony"),
    ("جنحة جنح", "misdemeanour misdemeanor"),
    ("عقوبة عقوبات يعاقب", "penalty punishment punish sanction"),
    ("غرامة غرامات", "fine"),
    ("حبس", "imprisonment"),
    ("توقيف احتجاز موقوف", "detention detain detainee"),
    ("تأديب تأديبي", "disciplinary discipline"),
    ("إنذار", "warning"),
    ("لوم", "reprimand"),
    ("خصم", "deduction"),
    ("إيقاف وقف", "suspension suspend"),
    ("عزل", "dismissal dismiss removal"),
    ("تحقيق تحقيقات", "investigation investigate inquiry"),
    ("استجواب", "interrogation interrogate"),
    ("شاهد شهود", "witness testimony"),
    ("دليل أدلة", "evidence proof"),
    ("متهم اتهام تهمة", "accused accusation charge defendant"),
    ("دعوى دعاوى قضية قضايا", "case lawsuit action"),
    ("طعن طعون استئناف", "appeal challenge"),
    ("نقض", "cassation"),
    ("تظلم", "grievance"),
    ("شكوى شكاوى", "complaint"),
    ("محاكمة", "trial"),
    ("جلسة جلسات", "session hearing sitting"),
    ("قبض", "arrest"),
    ("تفتيش", "search inspection inspector"),
    ("حجز", "seizure attachment"),
    ("مصادرة", "confiscation confiscate"),
    ("تعويض تعويضات", "compensation indemnity"),
    ("ضرر أضرار", "damage harm"),
    (
        "مسؤولية مسؤول",
        "responsibility liability responsible liable",
    ),
    ("التزام التزامات", "obligation commitment"),
    ("حق حقوق", "right"),
    ("واجب واجبات", "duty"),
    ("حرية حريات", "freedom liberty"),
    ("مصلحة مصالح", "interest"),
    ("حظر يحظر محظور", "prohibition prohibit ban forbid"),
    ("منع يمنع", "prevent prevention"),
    ("إلزام ملزم إلزامي", "binding mandatory compulsory oblige"),
    ("عدالة عدل", "justice"),
    ("مساواة", "equality"),
    ("تمييز", "discrimination"),
    ("حماية", "protection protect"),
    ("تحكيم", "arbitration arbitrator"),
    ("وساطة", "mediation mediator"),
    ("تسوية صلح", "settlement conciliation"),
    ("تنازل", "waiver"),
    ("إحالة", "referral refer"),
    ("استدعاء", "summon summons"),
    ("تكليف مكلف", "assignment assign"),
    ("إخطار إشعار تبليغ", "notification notify notice"),
    ("إعلان", "announcement announce advertisement"),
    ("مهلة موعد ميعاد مواعيد", "deadline"),
    // Offences by kind.
    ("ذخيرة ذخائر", "ammunition"),
    ("متفجرات", "explosive"),
    ("مخدرات", "drug narcotic"),
    ("تهريب", "smuggling smuggle"),
    ("إرهاب إرهابي", "terrorism terrorist"),
    ("سرقة", "theft"),
    ("رشوة", "bribery bribe"),
    ("تزوير", "forgery forge counterfeit"),
    ("احتيال", "fraud"),
    ("اختلاس", "embezzlement"),
    ("فساد", "corruption"),
    ("قتل", "murder killing"),
    ("اعتداء", "assault aggression attack"),
    ("جريح إصابة", "injury wound"),
    ("حادث حوادث", "accident incident"),
    ("كارثة كوارث", "disaster"),
    ("طوارئ", "emergency"),
    ("حدود", "border frontier"),
    ("حرب", "war"),
    ("سلام", "peace"),
    ("تعبئة", "mobilisation mobilization"),
    ("تجنيد", "conscription recruitment"),
    ("احتياط احتياطي", "reserve"),
    ("تسريح", "discharge"),
    ("محاربة مكافحة", "combat fight"),
    // Public service.
    ("راتب رواتب مرتب مرتبات", "salary"),
    ("أجر أجور", "wage pay"),
    ("مكافأة مكافآت", "remuneration reward bonus"),
    ("علاوة علاوات بدل بدلات", "allowance increment"),
    ("حافز حوافز", "incentive"),
    ("معاش معاشات تقاعد", "pension retirement"),
    ("إجازة إجازات", "leave holiday vacation"),
    ("غياب", "absence"),
    ("حضور", "attendance presence"),
    ("ترقية ترقيات", "promotion promote"),
    ("تعيين يعين", "appoint appointment"),
    ("نقل", "transfer transport"),
    ("ندب انتداب", "secondment"),
    ("تفويض", "delegation delegate mandate"),
    ("استقالة", "resignation resign"),
    ("وظيفة وظائف وظيفي", "position post job function"),
    ("درجة درجات", "grade degree"),
    ("أقدمية", "seniority"),
    ("كفاءة", "efficiency proficiency"),
    ("تدريب", "training train"),
    ("تعليم", "education teaching"),
    ("دراسة", "study"),
    ("بحث", "research"),
    ("امتحان اختبار", "examination exam test"),
    ("مسابقة", "competition"),
    ("مقابلة", "interview"),
    ("اختيار", "selection select choose"),
    ("ترشيح مرشح", "nomination nominate candidate"),
    ("شرط شروط", "condition requirement"),
    ("مؤهل مؤهلات", "qualification qualified"),
    ("سن", "age"),
    ("جنسية", "nationality citizenship"),
    ("صحة صحي", "health"),
    ("لياقة", "fitness"),
    ("مرض أمراض", "illness sickness disease"),
    ("وفاة", "death"),
    ("زواج", "marriage"),
    ("أداء يؤدي", "performance perform"),
    ("يمين", "oath"),
    ("ولاء", "loyalty allegiance"),
    ("سلوك", "conduct behaviour behavior"),
    ("أخلاق", "ethics morals"),
    ("شرف", "honour honor"),
    ("نزاهة", "integrity"),
    ("إهمال", "negligence neglect"),
    ("تقصير", "shortcoming"),
    ("خطأ أخطاء", "error mistake fault"),
    ("استغلال", "exploitation exploit abuse"),
    ("نفوذ", "influence"),
    ("منفعة منافع", "benefit"),
    ("هدية هدايا", "gift"),
    ("زي", "uniform"),
    ("شارة", "badge insignia"),
    ("بطاقة", "card"),
    ("هوية", "identity"),
    ("مهنة مهني", "profession professional occupation"),
    ("عذر أعذار مبرر", "excuse justification"),
    ("حرمان يحرم", "deprivation deprive"),
    ("ممارسة", "exercise practice"),
    ("مستوى مستويات", "level"),
    (
        "سر أسرار سري سرية",
        "secret secrecy confidential confidentiality",
    ),
    // Records and documents.
    ("سجل سجلات تسجيل", "record register registration"),
    ("تقرير تقارير", "report"),
    ("طلب طلبات", "request"),
    ("وثيقة وثائق مستند مستندات", "document"),
    ("ورقة أوراق", "paper"),
    ("معلومات", "information"),
    ("بيانات", "data"),
    ("توقيع", "signature sign"),
    ("ختم", "seal stamp"),
    ("نسخة", "copy"),
    ("صورة", "photograph picture image"),
    ("اسم أسماء", "name"),
    ("عنوان", "address"),
    ("لغة", "language"),
    ("عربي عربية", "arabic"),
    ("ليبيا ليبي", "libya libyan"),
    ("وطني", "national"),
    ("دولي", "international"),
    ("محلي", "local"),
    ("مركزي", "central"),
    ("أساسي", "basic fundamental"),
    ("اجتماعي", "social"),
    // Meetings and decisions.
    ("اجتماع اجتماعات", "meeting"),
    ("تصويت", "vote voting"),
    ("أغلبية", "majority"),
    ("نصاب", "quorum"),
    ("انتخاب انتخابات", "election elect"),
    ("اقتراح مقترح", "proposal propose suggestion"),
    ("توصية توصيات", "recommendation recommend"),
    ("موافقة", "approval approve consent"),
    ("اعتماد", "adoption adopt accreditation"),
    ("تصديق مصادقة", "ratification ratify"),
    ("رأي آراء", "opinion"),
    ("استشارة", "consultation consult"),
    ("تعاون", "cooperation cooperate"),
    ("تنسيق", "coordination coordinate"),
    ("مقرر", "rapporteur"),
    ("كاتب", "clerk"),
    ("دائرة دوائر", "circuit chamber"),
    // Time.
    ("مدة مدد", "period duration term"),
    ("يوم أيام", "day"),
    ("أسبوع أسابيع", "week"),
    ("شهر أشهر شهور", "month"),
    ("سنة سنوات سنين", "year annual"),
    ("ساعة ساعات", "hour"),
    ("تاريخ", "date"),
    // Money and property.
    ("مال أموال مالي", "money financial finance"),
    ("ميزانية موازنة", "budget"),
    ("صندوق", "fund box"),
    ("ضريبة ضرائب", "tax taxation"),
    ("رسم رسوم", "fee"),
    ("عملة", "currency"),
    ("دينار", "dinar"),
    ("سعر أسعار", "price"),
    ("قيمة", "value"),
    ("مبلغ مبالغ", "amount sum"),
    ("نفقة نفقات", "expense expenditure"),
    ("إيراد إيرادات", "revenue"),
    ("حساب حسابات", "account"),
    ("محاسبة", "accountability"),
    ("مراجعة تدقيق", "review audit"),
    ("جرد", "inventory"),
    ("عطاء عطاءات مناقصة", "tender bid"),
    ("توريد", "supply"),
    ("مشروع مشروعات مشاريع", "project"),
    ("برنامج برامج", "programme program"),
    ("خطة خطط", "plan"),
    ("سياسة سياسات", "policy"),
    ("تقدير", "assessment estimate"),
    ("تقييم", "evaluation"),
    ("معيار معايير", "standard criterion criteria"),
    ("جودة", "quality"),
    ("ملكية مالك ممتلكات", "property ownership owner"),
    ("عقار عقارات", "estate realty immovable"),
    ("منقول", "movable"),
    ("أرض أراضي", "land"),
    ("مبنى مباني", "building"),
    ("مقر", "headquarters seat premise"),
    ("مسكن سكن", "housing dwelling"),
    ("إقامة", "residence residency"),
    ("بيع", "sale sell"),
    ("شراء", "purchase buy"),
    ("إيجار", "lease rent"),
    ("قرض قروض", "loan"),
    ("ديون", "debt"),
    ("رهن", "mortgage pledge"),
    ("ضمان ضمانات", "guarantee warranty"),
    ("كفالة كفيل", "bail sponsorship guarantor"),
    ("تأمين", "insurance"),
    ("شيك", "cheque"),
    ("تجارة تجاري", "trade commerce commercial"),
    ("صناعة صناعي", "industry industrial"),
    ("زراعة زراعي", "agriculture agricultural"),
    ("اقتصاد اقتصادي", "economy economic"),
    ("استثمار", "investment invest"),
    ("نفط", "oil petroleum"),
    ("كهرباء", "electricity"),
    ("مياه", "water"),
    ("بيئة", "environment"),
    ("سلامة", "safety"),
    ("رعاية", "care welfare"),
    ("صيانة", "maintenance maintain"),
    ("دمج", "merger merge"),
    ("تصفية", "liquidation"),
    ("إفلاس", "bankruptcy"),
    ("اتصال اتصالات", "communication contact"),
    ("إعلام", "media"),
    ("صحافة صحفي", "press journalist"),
    ("ثقافة ثقافي", "culture cultural"),
    ("رياضة", "sport"),
    ("شباب", "youth"),
    ("سياحة", "tourism"),
    ("أوقاف", "endowment"),
    ("سفر", "travel"),
    ("هجرة مهاجر", "migration immigration migrant"),
    ("لاجئ", "refugee"),
    ("مرور", "traffic"),
    ("سيارة مركبة", "vehicle automobile"),
    ("طريق طرق", "road"),
];

/// Number of concepts in the table.
pub(crate) const CONCEPTS: usize = TABLE.len();

const WORDS: usize = CONCEPTS.div_ceil(64);

/// A set of concepts (a bitset over the table): intersections and unions
/// are a few word operations, and nothing is allocated per comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ConceptSet([u64; WORDS]);

impl ConceptSet {
    /// Adds concept `id`.
    pub fn insert(&mut self, id: u16) {
        self.0[id as usize / 64] |= 1 << (id % 64);
    }

    /// Whether concept `id` is in the set.
    #[cfg(test)]
    pub fn contains(&self, id: u16) -> bool {
        self.0[id as usize / 64] & (1 << (id % 64)) != 0
    }

    /// The concepts in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut bits = w;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros();
                bits &= bits - 1;
                Some((k * 64) as u16 + b as u16)
            })
        })
    }

    /// Concepts in both sets.
    #[inline]
    pub fn and(&self, other: &ConceptSet) -> ConceptSet {
        let mut out = *self;
        for (x, y) in out.0.iter_mut().zip(&other.0) {
            *x &= y;
        }
        out
    }

    /// Concepts in either set.
    #[inline]
    pub fn or(&self, other: &ConceptSet) -> ConceptSet {
        let mut out = *self;
        for (x, y) in out.0.iter_mut().zip(&other.0) {
            *x |= y;
        }
        out
    }

    /// Sum of the weights (indexed by concept id) of the concepts in the set.
    #[inline]
    pub fn weight(&self, weights: &[f64]) -> f64 {
        let mut s = 0.0;
        for (k, &w) in self.0.iter().enumerate() {
            let mut bits = w;
            while bits != 0 {
                s += weights[k * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
        }
        s
    }
}

/// Suffixes stripped from Arabic words (folded forms), as letters.
const AR_SUFFIXES: &[&[char]] = &[
    &['ه'],
    &['ا', 'ت'],
    &['ي', 'ن'],
    &['و', 'ن'],
    &['ه', 'ا'],
    &['ه', 'م'],
    &['ه', 'ن'],
    &['ا', 'ن'],
    &['ي', 'ه'],
    &['ي'],
    &['ا'],
    &['ك', 'م'],
    &['ن', 'ا'],
    &['ا', 'ت', 'ه'],
    &['ا', 'ت', 'ه', 'ا'],
    &['ا', 'ت', 'ه', 'م'],
];

/// Lengths (in letters) of the prefixes an Arabic word may carry: a
/// conjunction (`و`, `ف`), then a preposition (`ب`, `ك`, `ل`), then the
/// article `ال` (after `ل`, written `لل`), each optional. At most 12.
fn prefix_lengths(w: &[char], out: &mut [usize; 12]) -> usize {
    let mut n = 0;
    let conj: &[usize] = if matches!(w.first(), Some('و' | 'ف')) {
        &[0, 1]
    } else {
        &[0]
    };
    for &c in conj {
        let prep: &[usize] = if matches!(w.get(c), Some('ب' | 'ك' | 'ل')) {
            &[0, 1]
        } else {
            &[0]
        };
        for &p in prep {
            let k = c + p;
            if k > 0 {
                out[n] = k;
                n += 1;
            }
            if w.get(k) == Some(&'ا') && w.get(k + 1) == Some(&'ل') {
                out[n] = k + 2;
                n += 1;
            } else if p == 1 && w[c] == 'ل' && w.get(k) == Some(&'ل') {
                out[n] = k + 1;
                n += 1;
            }
        }
    }
    n
}

/// Key of a form (FNV-1a over its letters): the table is keyed by these
/// (64 bits for a few thousand forms), so a lookup hashes the form once
/// and compares no strings.
#[inline]
fn key_chars(form: impl IntoIterator<Item = char>) -> u64 {
    form.into_iter().fold(KEY_SEED, key_step)
}

/// [`key_chars`] of no letters.
const KEY_SEED: u64 = 0xcbf29ce484222325;

/// [`key_chars`] of a form, from the key of the form without its last
/// letter `c`.
#[inline(always)]
fn key_step(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x100000001b3)
}

#[inline]
fn key(form: &str) -> u64 {
    key_chars(form.chars())
}

/// Concepts by the [`key`] of a form (a hash already, passed through).
type KeyMap = HashMap<u64, u16, BuildHasherDefault<IdentityHasher>>;

/// The lexicon, ready for matching.
pub(crate) struct Lexicon {
    arabic: KeyMap,
    english: KeyMap,
}

impl Lexicon {
    /// The built-in lexicon (built once).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut arabic: KeyMap = HashMap::default();
        let mut english: KeyMap = HashMap::default();
        let mut secondary: Vec<(String, u16)> = Vec::new();
        let mut buf = Normalized::default();
        for (id, (ar, en)) in TABLE.iter().enumerate() {
            let id = id as u16;
            for w in ar.split_whitespace() {
                normalize_into(w, &mut buf);
                let f = buf.as_str().to_string();
                if let Some(stem) = f.strip_suffix('ه') {
                    if stem.chars().count() >= 3 {
                        secondary.push((stem.to_string(), id));
                    }
                    secondary.push((format!("{stem}ت"), id));
                }
                arabic.entry(key(&f)).or_insert(id);
            }
            for w in en.split_whitespace() {
                english
                    .entry(key(&stem_en(&w.to_lowercase())))
                    .or_insert(id);
            }
        }
        for (f, id) in secondary {
            arabic.entry(key(&f)).or_insert(id);
        }
        Lexicon { arabic, english }
    }

    /// The concept of a folded Arabic word (its letters): the
    /// least-stripped form of it (prefixes and suffixes removed) that the
    /// table knows.
    fn arabic_word(&self, w: &[char]) -> Option<u16> {
        if w.len() < 2 {
            return None;
        }
        if let Some(&id) = self.arabic.get(&key_chars(w.iter().copied())) {
            return Some(id);
        }
        let mut pre = [0usize; 12];
        let np = prefix_lengths(w, &mut pre);
        let mut best: Option<(usize, u16)> = None;
        for s in std::iter::once(0).chain(
            AR_SUFFIXES
                .iter()
                .filter(|s| {
                    s.len() < w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
                })
                .map(|s| s.len()),
        ) {
            for &p in std::iter::once(&0).chain(&pre[..np]) {
                let cost = p + s;
                // Something stripped, at least three letters left.
                if cost == 0 || cost + 3 > w.len() || best.is_some_and(|(c, _)| c <= cost) {
                    continue;
                }
                let stem = &w[p..w.len() - s];
                if let Some(&id) = self.arabic.get(&key_chars(stem.iter().copied())) {
                    best = Some((cost, id));
                }
            }
        }
        best.map(|(_, id)| id)
    }

    /// Adds the concepts of a text to `out`. `scratch` holds buffers and
    /// the words already looked up, reused across calls.
    ///
    /// The text is read in its matching view ([`crate::normalize`]), folded
    /// a character at a time: ASCII as it is, the Arabic block with
    /// [`fold`] (which is what normalization does there), and anything else
    /// through [`normalize_into`] on the character alone (compatibility
    /// forms). Words are only told apart by letters and non-letters, so
    /// the line-end folding of the whole-text view makes no difference.
    pub fn concepts(&self, text: &str, out: &mut ConceptSet, scratch: &mut Scratch) {
        let (mut reader, buf) = Words::new(self, scratch);
        let arabic = arabic_block_fold();
        // Read by bytes: ASCII as it is, the Arabic block (two UTF-8 bytes
        // D8–DB xx) through the table, other characters decoded. Runs of
        // ASCII letters and of Arabic letters (with the marks that fold
        // away between them) are read in one go: they are most of a text.
        let b = text.as_bytes();
        let mut k = 0;
        while k < b.len() {
            let x = b[k];
            if x.is_ascii_alphabetic() {
                let start = k;
                k += 1;
                while k < b.len() && b[k].is_ascii_alphabetic() {
                    k += 1;
                }
                reader.latin_run(&b[start..k], out);
            } else if x < 0x80 {
                reader.feed_other(out);
                k += 1;
            } else if x & 0xFC == 0xD8 {
                // A valid str: the continuation byte follows.
                let u = ((x as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F);
                match arabic[u] {
                    Folded::Drop => k += 2,
                    Folded::Arabic(_) => k = reader.arabic_run(b, k, arabic, out),
                    Folded::Latin(d) => {
                        reader.feed_latin(d, out);
                        k += 2;
                    }
                    Folded::Other => {
                        reader.feed_other(out);
                        k += 2;
                    }
                }
            } else {
                let c = text[k..].chars().next().expect("char boundary");
                k += c.len_utf8();
                reader.feed_compat(c, buf, out);
            }
        }
        reader.end(out);
    }

    /// [`Lexicon::concepts`] a character at a time, as first written: the
    /// reference its runs are tested against.
    #[cfg(test)]
    fn concepts_by_char(&self, text: &str, out: &mut ConceptSet, scratch: &mut Scratch) {
        let (mut reader, buf) = Words::new(self, scratch);
        let arabic = arabic_block_fold();
        let b = text.as_bytes();
        let mut k = 0;
        while k < b.len() {
            let x = b[k];
            if x < 0x80 {
                if x.is_ascii_alphabetic() {
                    reader.feed_latin(x as char, out);
                } else {
                    reader.feed_other(out);
                }
                k += 1;
            } else if (0xD8..=0xDB).contains(&x) {
                let u = (((x as usize) & 0x1F) << 6 | (b[k + 1] as usize & 0x3F)) - 0x600;
                match arabic[u] {
                    Folded::Drop => {}
                    Folded::Arabic(d) => reader.feed_arabic(d, out),
                    Folded::Latin(d) => reader.feed_latin(d, out),
                    Folded::Other => reader.feed_other(out),
                }
                k += 2;
            } else {
                let c = text[k..].chars().next().expect("char boundary");
                k += c.len_utf8();
                reader.feed_compat(c, buf, out);
            }
        }
        reader.end(out);
    }
}

/// A character after [`fold`], as [`Words::feed`] tells it apart.
#[derive(Clone, Copy)]
enum Folded {
    /// Dropped by folding.
    Drop,
    /// An Arabic letter.
    Arabic(char),
    /// An ASCII letter.
    Latin(char),
    /// Anything else (ends a word).
    Other,
}

/// [`fold`] of every character of the Arabic block (U+0600–U+06FF), by
/// code point − U+0600.
fn arabic_block_fold() -> &'static [Folded; 256] {
    static TABLE: OnceLock<[Folded; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|k| {
            match fold(char::from_u32(0x0600 + k as u32).expect("Arabic block")) {
                None => Folded::Drop,
                Some(d) if d.is_ascii_alphabetic() => Folded::Latin(d),
                Some(d) if is_arabic_letter(d) => Folded::Arabic(d),
                Some(_) => Folded::Other,
            }
        })
    })
}

/// Whether [`Lexicon::concepts`] reads `c` as it reads a space: it ends the
/// word being read (Arabic or Latin) and starts none. Then the concepts of
/// a text in which every character that is no word character
/// ([`crate::numerals::is_word_char`]) is one of these are those of its
/// runs of word characters, each read alone.
///
/// Characters that fold away (diacritics, bidi marks) or fold to letters
/// (compatibility forms) are not: a word may run on across them.
pub(crate) fn ends_words(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphabetic();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return matches!(arabic_block_fold()[c as usize - 0x600], Folded::Other);
    }
    // As `Words::feed_compat` reads it.
    let mut buf = Normalized::default();
    normalize_into(c.encode_utf8(&mut [0u8; 4]), &mut buf);
    let s = buf.as_str();
    !s.is_empty()
        && s.chars()
            .all(|d| !d.is_ascii_alphabetic() && !is_arabic_letter(d))
}

/// The word reader of [`Lexicon::concepts`]: folded characters in, concepts
/// of the completed words out.
struct Words<'a> {
    lex: &'a Lexicon,
    /// The Arabic word being read, letter by letter (longer words are not
    /// looked up), and its length.
    ar: [char; 24],
    na: usize,
    /// [`key_chars`] of the letters kept in `ar`, built as they come.
    ha: u64,
    /// The Latin word being read, lower-cased (up to 25 letters kept), and
    /// its length.
    latin: [u8; 25],
    nl: usize,
    /// [`key`] of the letters kept in `latin`, built as they come.
    hl: u64,
    seen_ar: &'a mut WordMap,
    seen_en: &'a mut WordMap,
}

/// The concept of every word already looked up, by its key: a table of
/// keys and a table of answers, probed linearly from the slot the key's
/// top bits give, at most half full. A lookup that finds its word reads a
/// slot or two of `keys`; a general map reads its control bytes first and
/// then the slot, two loads one after the other, for every word of a text.
#[derive(Default)]
struct WordMap {
    /// Per slot, a key, or 0 when empty (the key 0 is kept in `zero`).
    keys: Vec<u64>,
    /// Per slot, the concept of the word with that key.
    found: Vec<Option<u16>>,
    /// Number of keys in `keys`.
    len: usize,
    /// 64 − log2 of the number of slots.
    shift: u32,
    /// The concept of the word whose key is 0, once looked up.
    zero: Option<Option<u16>>,
}

impl WordMap {
    /// The concept of the word with key `key`, from `find` the first time.
    #[inline(always)]
    fn get_or_find(&mut self, key: u64, find: impl FnOnce() -> Option<u16>) -> Option<u16> {
        if key == 0 {
            return *self.zero.get_or_insert_with(find);
        }
        if self.keys.is_empty() {
            self.resize(1024);
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.found[i],
                0 => break,
                _ => i = (i + 1) & mask,
            }
        }
        let found = find();
        self.keys[i] = key;
        self.found[i] = found;
        self.len += 1;
        if 2 * self.len > self.keys.len() {
            self.resize(2 * self.keys.len());
        }
        found
    }

    /// The first slot to probe for `key`.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Moves the keys into `slots` slots (a power of two).
    #[cold]
    fn resize(&mut self, slots: usize) {
        let keys = std::mem::replace(&mut self.keys, vec![0; slots]);
        let found = std::mem::replace(&mut self.found, vec![None; slots]);
        self.shift = 64 - slots.trailing_zeros();
        let mask = slots - 1;
        for (key, f) in keys.into_iter().zip(found).filter(|&(k, _)| k != 0) {
            let mut i = self.slot(key);
            while self.keys[i] != 0 {
                i = (i + 1) & mask;
            }
            self.keys[i] = key;
            self.found[i] = f;
        }
    }
}

/// Scratch space of [`Lexicon::concepts`]: a buffer, and the concept of
/// every word already looked up (by the key of the word as written, folded
/// and lower-cased), so that the vocabulary of a document — a few thousand
/// words, used again and again — is stripped of its affixes once.
#[derive(Default)]
pub(crate) struct Scratch {
    norm: Normalized,
    seen_ar: WordMap,
    seen_en: WordMap,
}

impl<'a> Words<'a> {
    /// A reader with no word begun, and the normalization buffer of
    /// `scratch`.
    fn new(lex: &'a Lexicon, scratch: &'a mut Scratch) -> (Words<'a>, &'a mut Normalized) {
        let Scratch {
            norm,
            seen_ar,
            seen_en,
        } = scratch;
        let reader = Words {
            lex,
            ar: ['\0'; 24],
            na: 0,
            ha: KEY_SEED,
            latin: [0; 25],
            nl: 0,
            hl: KEY_SEED,
            seen_ar,
            seen_en,
        };
        (reader, norm)
    }
}

impl Words<'_> {
    #[inline]
    fn feed(&mut self, c: char, out: &mut ConceptSet) {
        if c.is_ascii_alphabetic() {
            self.feed_latin(c, out);
        } else if is_arabic_letter(c) {
            self.feed_arabic(c, out);
        } else {
            self.feed_other(out);
        }
    }

    /// A character outside ASCII and the Arabic block: its compatibility
    /// form, normalized alone (with `buf`), fed a character at a time.
    #[inline(never)]
    fn feed_compat(&mut self, c: char, buf: &mut Normalized, out: &mut ConceptSet) {
        let mut tmp = [0u8; 4];
        normalize_into(c.encode_utf8(&mut tmp), buf);
        for d in buf.as_str().chars() {
            self.feed(d, out);
        }
    }

    /// An ASCII letter.
    #[inline(always)]
    fn feed_latin(&mut self, c: char, out: &mut ConceptSet) {
        self.end_arabic(out);
        if self.nl <= 24 {
            let l = c.to_ascii_lowercase();
            self.latin[self.nl] = l as u8;
            self.hl = key_step(self.hl, l);
        }
        self.nl += 1;
    }

    /// A run of ASCII letters: [`feed_latin`](Self::feed_latin) of each.
    #[inline(always)]
    fn latin_run(&mut self, run: &[u8], out: &mut ConceptSet) {
        self.end_arabic(out);
        let (mut nl, mut hl) = (self.nl, self.hl);
        // Letters past the 25th are counted, not kept.
        // (`nl` may already be past 25 when a long word goes on after a
        // character the reader skips, such as a soft hyphen.)
        let from = nl.min(25);
        let keep = run.len().min(25 - from);
        for (slot, &x) in self.latin[from..from + keep].iter_mut().zip(run) {
            let l = x.to_ascii_lowercase();
            *slot = l;
            hl = key_step(hl, l as char);
        }
        nl += run.len();
        (self.nl, self.hl) = (nl, hl);
    }

    /// An Arabic letter.
    #[inline(always)]
    fn feed_arabic(&mut self, c: char, out: &mut ConceptSet) {
        self.end_latin(out);
        if self.na < self.ar.len() {
            self.ar[self.na] = c;
            self.ha = key_step(self.ha, c);
        }
        self.na += 1;
    }

    /// The run of Arabic-block characters of `b` from `k` (an Arabic
    /// letter) that are Arabic letters or fold away:
    /// [`feed_arabic`](Self::feed_arabic) of each letter. Returns the end of
    /// the run.
    #[inline(always)]
    fn arabic_run(
        &mut self,
        b: &[u8],
        mut k: usize,
        table: &[Folded; 256],
        out: &mut ConceptSet,
    ) -> usize {
        self.end_latin(out);
        let (mut na, mut ha) = (self.na, self.ha);
        while k < b.len() && b[k] & 0xFC == 0xD8 {
            // A valid str: the continuation byte follows.
            let u = ((b[k] as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F);
            match table[u] {
                Folded::Arabic(c) => {
                    if na < self.ar.len() {
                        self.ar[na] = c;
                        ha = key_step(ha, c);
                    }
                    na += 1;
                }
                Folded::Drop => {}
                Folded::Latin(_) | Folded::Other => break,
            }
            k += 2;
        }
        (self.na, self.ha) = (na, ha);
        k
    }

    /// Neither.
    #[inline(always)]
    fn feed_other(&mut self, out: &mut ConceptSet) {
        self.end_arabic(out);
        self.end_latin(out);
    }

    #[inline(always)]
    fn end_arabic(&mut self, out: &mut ConceptSet) {
        if self.na > 0 {
            self.flush_arabic(out);
        }
    }

    #[inline(never)]
    fn flush_arabic(&mut self, out: &mut ConceptSet) {
        if self.na <= self.ar.len() {
            let w = &self.ar[..self.na];
            debug_assert_eq!(self.ha, key_chars(w.iter().copied()));
            let lex = self.lex;
            let found = self.seen_ar.get_or_find(self.ha, || lex.arabic_word(w));
            if let Some(id) = found {
                out.insert(id);
            }
        }
        self.na = 0;
        self.ha = KEY_SEED;
    }

    #[inline(always)]
    fn end_latin(&mut self, out: &mut ConceptSet) {
        if self.nl > 0 {
            self.flush_latin(out);
        }
    }

    #[inline(never)]
    fn flush_latin(&mut self, out: &mut ConceptSet) {
        if (3..=24).contains(&self.nl) {
            let lex = self.lex;
            // ASCII letters.
            let latin = || std::str::from_utf8(&self.latin[..self.nl]).unwrap_or_default();
            debug_assert_eq!(self.hl, key(latin()));
            let found = self.seen_en.get_or_find(self.hl, || {
                lex.english.get(&key(&stem_en(latin()))).copied()
            });
            if let Some(id) = found {
                out.insert(id);
            }
        }
        self.nl = 0;
        self.hl = KEY_SEED;
    }

    fn end(&mut self, out: &mut ConceptSet) {
        self.end_arabic(out);
        self.end_latin(out);
    }
}

/// Light English suffix stripping, applied alike to the table and to the
/// texts: at most one inflectional or derivational ending is removed
/// (`-ies/-ied → y`, `-ments`, `-ings`, `-ions`, `-ives`, `-ed`, `-es`,
/// `-s`, `-able`, `-ible`), or, when none is, a final `e`; at least three
/// letters are kept.
pub(crate) fn stem_en(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    for (suf, rep) in [("ies", "y"), ("ied", "y")] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return Cow::Owned(format!("{s}{rep}"));
            }
        }
    }
    const ENDINGS: &[&str] = &[
        "ments", "ment", "ings", "ing", "ions", "ion", "ives", "ive", "able", "ible", "ed", "es",
    ];
    for suf in ENDINGS {
        if suf.starts_with("ment") && (w.ends_with("gment") || w.ends_with("gement")) {
            // "judgment" is not "judge".
            continue;
        }
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return Cow::Borrowed(s);
            }
        }
    }
    if let Some(s) = w.strip_suffix('s') {
        if s.len() >= 3 && !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i') {
            return Cow::Borrowed(s);
        }
    }
    if let Some(s) = w.strip_suffix('e') {
        if s.len() >= 3 {
            return Cow::Borrowed(s);
        }
    }
    Cow::Borrowed(w)
}

/// Texts for the tests that compare a fast reader with a plain one: `own`,
/// then every line and the whole of every seed, then every suffix (and,
/// with `prefixes`, every prefix) of `own` but its first, joined by spaces,
/// so that blocks start and end inside words and phrases.
#[cfg(test)]
pub(crate) fn sample_texts(own: &[&str], prefixes: bool) -> Vec<String> {
    let mut texts: Vec<String> = own.iter().map(|t| t.to_string()).collect();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    for e in std::fs::read_dir(seeds).expect("seeds") {
        let t = std::fs::read_to_string(e.expect("entry").path()).expect("UTF-8");
        texts.extend(t.lines().map(str::to_string));
        texts.push(t);
    }
    let joined = own[1..].join(" ");
    for (k, _) in joined.char_indices() {
        texts.push(joined[k..].to_string());
        if prefixes {
            texts.push(joined[..k].to_string());
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(t: &str) -> Vec<u16> {
        let mut set = ConceptSet::default();
        Lexicon::get().concepts(t, &mut set, &mut Scratch::default());
        set.iter().collect()
    }

    #[test]
    fn word_map_finds_each_key_once() {
        let mut map = WordMap::default();
        let answer = |k: u64| (k % 3 != 0).then_some((k % 1000) as u16);
        // Keys that share their top bits, and 0.
        let mut keys: Vec<u64> = (0..5000u64)
            .map(|k| k.wrapping_mul(0x1000_0000_0001) ^ (k % 7))
            .chain([0, u64::MAX])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for round in 0..2 {
            for &k in &keys {
                let mut calls = 0;
                let got = map.get_or_find(k, || {
                    calls += 1;
                    answer(k)
                });
                assert_eq!(got, answer(k), "{k}");
                assert_eq!(calls, 1 - round, "{k}");
            }
        }
    }

    #[test]
    fn runs_read_as_characters() {
        let lex = Lexicon::get();
        let texts = sample_texts(
            &[
                "",
                "المحكمة وبالمحاكم لجنته اللجان للجنة وللمحكمة المخالفات لسنة الأَمْن",
                "يعاقب الموظف المخالف بغرامة لا تزيد على مرتب شهر.",
                "An employee in violation shall be punished by a fine.",
                "Mixedعربيwords اللجنةcommittee court\u{064B}s ab\u{0640}cd مـــادة",
                "ﻣﺎﺩﺓ ﻻ Ａrticle Ｃｏｕｒｔ é\u{200f}x \u{feff}court ٣ courts",
                "averyveryveryverylongwordindeed anotherextremelylongwordhere x",
                "استثنائيةواستثنائيةواستثنائية committees' committee’s",
            ],
            false,
        );
        // One scratch for all, as for the articles of a document.
        let (mut fast, mut slow) = (Scratch::default(), Scratch::default());
        for t in &texts {
            let (mut a, mut b) = (ConceptSet::default(), ConceptSet::default());
            lex.concepts(t, &mut a, &mut fast);
            lex.concepts_by_char(t, &mut b, &mut slow);
            assert_eq!(a, b, "{t:?}");
        }
    }

    fn id(en: &str) -> u16 {
        Lexicon::get().english[&key(&stem_en(en))]
    }

    #[test]
    fn size_and_uniqueness() {
        let n = CONCEPTS;
        assert!((200..=400).contains(&n), "{n} concepts");
        // No Arabic form or English stem belongs to two concepts.
        let mut ar: HashMap<String, usize> = HashMap::new();
        let mut en: HashMap<String, usize> = HashMap::new();
        let mut buf = Normalized::default();
        let mut clashes = Vec::new();
        for (k, (a, e)) in TABLE.iter().enumerate() {
            for w in a.split_whitespace() {
                normalize_into(w, &mut buf);
                if let Some(&o) = ar.get(buf.as_str()) {
                    if o != k {
                        clashes.push(format!("Arabic {w} in {:?} and {:?}", TABLE[o], TABLE[k]));
                    }
                }
                ar.insert(buf.as_str().to_string(), k);
            }
            for w in e.split_whitespace() {
                let s = stem_en(w).to_string();
                if let Some(&o) = en.get(&s) {
                    if o != k {
                        clashes.push(format!("English {w} in {:?} and {:?}", TABLE[o], TABLE[k]));
                    }
                }
                en.insert(s, k);
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
        // The 64-bit keys of distinct forms are distinct.
        let mut keys: HashMap<u64, &String> = HashMap::new();
        for f in ar.keys().chain(en.keys()) {
            if let Some(o) = keys.insert(key(f), f) {
                assert_eq!(o, f);
            }
        }
    }

    #[test]
    fn sets() {
        let mut a = ConceptSet::default();
        let mut b = ConceptSet::default();
        for id in [0, 63, 64, 200] {
            a.insert(id);
        }
        for id in [63, 200, 369] {
            b.insert(id);
        }
        assert_eq!(a.and(&b).iter().collect::<Vec<_>>(), vec![63, 200]);
        assert_eq!(a.or(&b).iter().count(), 5);
        assert!(a.contains(64) && !b.contains(64));
        let w: Vec<f64> = (0..CONCEPTS).map(|k| k as f64).collect();
        assert_eq!(a.and(&b).weight(&w), 263.0);
    }

    #[test]
    fn english_stems() {
        assert_eq!(stem_en("committees"), stem_en("committee"));
        assert_eq!(stem_en("penalties"), stem_en("penalty"));
        assert_eq!(stem_en("employees"), stem_en("employee"));
        assert_eq!(stem_en("appointed"), stem_en("appointment"));
        assert_eq!(stem_en("promotion"), stem_en("promoted"));
        assert_eq!(stem_en("executive"), stem_en("execute"));
        assert_eq!(stem_en("decrees"), stem_en("decree"));
        assert_ne!(stem_en("officer"), stem_en("office"));
        assert_eq!(stem_en("status"), "status");
    }

    #[test]
    fn arabic_affixes() {
        let court = id("court");
        assert_eq!(concepts("المحكمة"), vec![court]);
        assert_eq!(concepts("وبالمحاكم"), vec![court]);
        let c = id("committee");
        assert_eq!(concepts("لجنته"), vec![c]);
        assert_eq!(concepts("اللجان"), vec![c]);
        assert_eq!(concepts("للجنة"), vec![c]);
        assert_eq!(concepts("وللمحكمة"), vec![court]);
        let v = id("violation");
        assert_eq!(concepts("المخالفات"), vec![v]);
        let y = id("year");
        assert_eq!(concepts("لسنة"), vec![y]);
        // Diacritics and alef forms are folded.
        assert_eq!(concepts("الأَمْن"), vec![id("security")]);
    }

    #[test]
    fn both_languages_meet() {
        let a = concepts("يعاقب الموظف المخالف بغرامة لا تزيد على مرتب شهر.");
        let e = concepts("An employee in violation shall be punished by a fine not exceeding one month's salary.");
        for w in ["employee", "punish", "fine", "salary", "month", "violation"] {
            assert!(a.contains(&id(w)), "Arabic lacks {w}");
            assert!(e.contains(&id(w)), "English lacks {w}");
        }
    }
}
