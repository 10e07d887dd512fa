//! The parser on small documents written for these tests, in shapes the
//! seeds do not show: word-numbered chapters and articles with titles,
//! `bis` articles, recitals that start on the introducing line, Arabic
//! sections (`الفرع`), `مكرر` articles, a table of contents, quoted articles
//! in an amending law, and Arabic stored in visual order.

mod common;

use common::labels;
use lexalign::{DiagnosticKind, DivisionKind, Language};

const FEDERAL_LAW: &str = "FEDERAL LAW No. 5 OF 2020
CONCERNING COMMERCIAL AGENCIES

We, the President of the State,
Having perused the Constitution; and
Federal Law No. 1 of 1972 concerning the competences of ministries;
HAVE ISSUED THE FOLLOWING LAW:

CHAPTER ONE
GENERAL PROVISIONS

ARTICLE ONE – Definitions
In applying the provisions of this Law, the following words shall have the meanings assigned to them:
(a) State: the United Arab Emirates.
(b) Ministry: the Ministry of Economy.

ARTICLE TWO
This Law applies to all agencies, as stated in Article 5 of Federal Law No. 18 of 1993.

CHAPTER TWO – REGISTRATION

Article 3 - Register
A register shall be kept at the Ministry.

Article 3 bis
The register shall be public.

Article 4.
Penalties are set out in Chapter Five.

Issued by us at the Presidential Palace in Abu Dhabi
On: 12 March 2020
President of the State
";

#[test]
fn english_federal_law() {
    let d = lexalign::parse_document(FEDERAL_LAW).unwrap();
    assert_eq!(d.language, Language::English);
    assert_eq!(labels(&d), ["1", "2", "3", "3bis", "4"]);
    assert!(d.title.as_ref().unwrap().text.contains("No. 5 OF 2020"));
    assert_eq!(d.preamble.recitals.len(), 2);
    assert!(d
        .preamble
        .enacting
        .as_ref()
        .unwrap()
        .text
        .contains("FOLLOWING LAW"));
    assert_eq!(d.articles[0].title.as_deref(), Some("Definitions"));
    assert_eq!(d.articles[0].items.len(), 2);
    assert_eq!(d.articles[2].title.as_deref(), Some("Register"));
    let chapters: Vec<_> = d
        .divisions
        .iter()
        .map(|v| (v.kind, v.number, v.title.clone()))
        .collect();
    assert_eq!(
        chapters,
        [
            (
                DivisionKind::Chapter,
                Some(1),
                Some("GENERAL PROVISIONS".to_string())
            ),
            (
                DivisionKind::Chapter,
                Some(2),
                Some("REGISTRATION".to_string())
            ),
        ]
    );
    assert_eq!(d.articles[3].division, Some(1));
    assert!(d.closing.as_ref().unwrap().text.starts_with("Issued by us"));
    assert!(!d.articles[4].text.contains("Issued"));
}

const ARABIC_REGULATION: &str = "لائحة رقم (9) لسنة 2015
بشأن تنظيم السجل التجاري

وزير الاقتصاد،
بعد الاطلاع على الإعلان الدستوري،
وعلى القانون رقم (23) لسنة 2010 بشأن النشاط التجاري،
قــــرر:

الفصل الأول
أحكام عامة

الفرع الأول
التسجيل

المادة 1 - يُنشأ سجل تجاري بالوزارة.

مادة (2)
يقيد في السجل كل تاجر.

مادة (2) مكرر
تسري أحكام المادة السابقة على الشركات.

الفرع الثاني
الشطب

المادة الثالثة
يشطب القيد في الحالات الآتية:
أ- الوفاة.
ب- ترك التجارة.
ج- صدور حكم نهائي.

صدر في طرابلس بتاريخ 2015/3/1
";

#[test]
fn arabic_regulation_with_sections() {
    let d = lexalign::parse_document(ARABIC_REGULATION).unwrap();
    assert_eq!(d.language, Language::Arabic);
    assert_eq!(labels(&d), ["1", "2", "2bis", "3"]);
    assert_eq!(d.preamble.recitals.len(), 2);
    assert!(d.preamble.enacting.is_some());
    let kinds: Vec<_> = d
        .divisions
        .iter()
        .map(|v| (v.kind, v.number, v.parent))
        .collect();
    assert_eq!(
        kinds,
        [
            (DivisionKind::Chapter, Some(1), None),
            (DivisionKind::Section, Some(1), Some(0)),
            (DivisionKind::Section, Some(2), Some(0)),
        ]
    );
    // `المادة 1 - …`: the body on the heading line.
    assert_eq!(d.articles[0].paragraphs[0].text, "يُنشأ سجل تجاري بالوزارة.");
    assert_eq!(d.articles[0].division, Some(1));
    assert_eq!(d.articles[3].division, Some(2));
    let ords: Vec<_> = d.articles[3].items.iter().map(|i| i.ordinal).collect();
    assert_eq!(ords, [Some(1), Some(2), Some(3)]);
    assert!(d.closing.as_ref().unwrap().text.contains("صدر في"));
}

#[test]
fn table_of_contents_then_body() {
    let text = "Contents\nArticle 1 Scope\nArticle 2 Definitions\nArticle 3 Entry into force\nArticle 4 Repeal\n\nArticle 1 Scope\nThis law applies to all ministries of the State.\nArticle 2 Definitions\nIn this law, Minister means the Minister of Justice.\nArticle 3 Entry into force\nThis law enters into force on the day of its publication.\nArticle 4 Repeal\nLaw No. 3 of 1990 is repealed.\n";
    let d = lexalign::parse_document(text).unwrap();
    assert_eq!(labels(&d), ["1", "2", "3", "4"]);
    assert!(d.has_diagnostic(DiagnosticKind::TableOfContents));
    assert!(d.articles[0].text.contains("applies to all ministries"));
}

#[test]
fn amending_law_quotes_are_body_text() {
    let text = "المادة الأولى\nيستبدل بنص المادة (7) من القانون رقم (4) لسنة 2001 النص الآتي:\nمادة (7):\nيعاقب بغرامة لا تقل عن ألف دينار.\nمادة (8):\nتضاعف العقوبة عند العود.\n\nالمادة الثانية\nينشر هذا القانون في الجريدة الرسمية.\n";
    let d = lexalign::parse_document(text).unwrap();
    assert_eq!(labels(&d), ["1", "2"]);
    assert!(d.articles[0].text.contains("تضاعف العقوبة"));
    assert!(d.has_diagnostic(DiagnosticKind::UncertainHeading));
}

#[test]
fn visual_order_is_repaired() {
    // Each line of a small Arabic law, characters reversed as a visual-order
    // extractor leaves them (digits kept left to right).
    let logical = [
        "المادة 1",
        "يطبق هذا القانون على من يعمل في الدولة من المواطنين و من الأجانب في كل المدن",
        "المادة 2",
        "يعمل بهذا القانون من تاريخ نشره في الجريدة الرسمية و على كل من يعنيهم الأمر تنفيذه",
        "المادة 3",
        "يلغى كل حكم يخالف أحكام هذا القانون في أي نص آخر من النصوص التي صدرت قبل ذلك",
    ];
    let visual: String = logical
        .iter()
        .map(|l| {
            let rev: String = l.chars().rev().collect();
            // Re-reverse the digit runs, as bidi display keeps them.
            let mut out = String::new();
            let mut digits = String::new();
            for c in rev.chars() {
                if c.is_ascii_digit() {
                    digits.insert(0, c);
                } else {
                    out.push_str(&digits);
                    digits.clear();
                    out.push(c);
                }
            }
            out.push_str(&digits);
            out + "\n"
        })
        .collect();
    let p = lexalign::parse(&visual).unwrap();
    let d = &p.documents[0];
    assert!(d.has_diagnostic(DiagnosticKind::VisualOrder));
    assert_eq!(labels(d), ["1", "2", "3"]);
    assert!(d.articles[1].text.starts_with("يعمل بهذا القانون"));
}

#[test]
fn bilingual_english_first_with_arabic_boilerplate() {
    let text = "Article 1\nThe committee shall meet monthly in the capital of the State.\nArticle 2\nThe decisions of the committee shall be published in the Official Gazette.\nمادة (1)\nتجتمع اللجنة شهريا في عاصمة الدولة.\nمادة (2)\nتنشر قرارات اللجنة في الجريدة الرسمية.\nاشترك في النشرة البريدية لتصلك آخر الأخبار القانونية والتشريعات الجديدة في بريدك الإلكتروني كل أسبوع، ولن تصلك أي رسائل غير مرغوب فيها أبدا من موقعنا أو من شركائنا.\n";
    let p = lexalign::parse(text).unwrap();
    assert_eq!(p.documents.len(), 2);
    assert_eq!(p.documents[0].language, Language::English);
    let ar = p.arabic().unwrap();
    assert_eq!(labels(ar), ["1", "2"]);
    assert!(!ar.articles[1].text.contains("النشرة"));
    assert!(ar.boilerplate.as_ref().unwrap().text.contains("النشرة"));
}

#[test]
fn list_items_in_bold_keep_their_text() {
    let text = "Article 1\nThe committee shall:\n**1- meet monthly**\n**2- report yearly**\n";
    let d = lexalign::parse_document(text).unwrap();
    let items: Vec<_> = d.articles[0]
        .items
        .iter()
        .map(|i| (i.ordinal, i.text.as_str()))
        .collect();
    assert_eq!(
        items,
        [(Some(1), "meet monthly"), (Some(2), "report yearly")]
    );
}

#[test]
fn chapters_numbered_like_articles_are_articles() {
    // Tunisian and Moroccan style: `الفصل 1` is an article.
    let text = "قانون أساسي عدد 5 لسنة 2016\n\nالفصل 1\nتنشأ هيئة عمومية مستقلة.\n\nالفصل 2\nتتمتع الهيئة بالشخصية القانونية.\n\nالفصل 3\nيكون مقر الهيئة بتونس العاصمة.\n\nالفصل 4\nينشر هذا القانون بالرائد الرسمي.\n";
    let d = lexalign::parse_document(text).unwrap();
    assert_eq!(labels(&d), ["1", "2", "3", "4"]);
    assert!(d.divisions.is_empty());
    assert!(d.articles[2].text.contains("مقر الهيئة"));
    // English translations that number articles as sections.
    let en = "Section 1\nThis Act may be cited as the Companies Act.\nSection 2\nIn this Act, Minister means the Minister of Commerce.\nSection 3\nThis Act comes into force on publication.\n";
    let d = lexalign::parse_document(en).unwrap();
    assert_eq!(labels(&d), ["1", "2", "3"]);
    // In a bilingual file, beside an English version with articles.
    let both = format!("Article 1\nA public authority is established.\nArticle 2\nIt has legal personality.\nArticle 3\nIts seat is in Tunis.\nArticle 4\nThis law is published in the Official Gazette.\n{text}");
    let p = lexalign::parse(&both).unwrap();
    assert_eq!(labels(p.english().unwrap()), ["1", "2", "3", "4"]);
    assert_eq!(labels(p.arabic().unwrap()), ["1", "2", "3", "4"]);
    // With real articles, chapters stay chapters.
    let d = lexalign::parse_document(ARABIC_REGULATION).unwrap();
    assert_eq!(d.divisions[0].kind, DivisionKind::Chapter);
}
