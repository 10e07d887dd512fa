//! Conventions of real legislation, decided per document from its own
//! evidence (issue 9, item 4), on texts built from the bilingual seeds.
//!
//! The seeds 001 and 003 are split into their Arabic and English texts and
//! cut into articles (`common::perturb`); headings are then rewritten in the
//! forms real texts use (extraction debris, number words, the Maghreb
//! `الفصل N` convention, a heading glued to a chapter title, a heading
//! repeated around a chapter title, `مكرر` after a dash, Markdown with
//! front matter). Every article made must be found, and the alignment
//! compared with the gold known by construction.
//!
//! `cargo test --release --test conventions -- --nocapture` prints a table.

mod common;

use common::perturb::{f1, gold, predicted, split, Art, Side};
use common::{arabic_ordinal, english_words, seed_text as seed};
use lexalign::{Aligner, Flag};

/// Rewrites every heading of `side` (bis articles aside) with `form`,
/// given the number and the article's position.
fn headings(side: &mut Side, form: impl Fn(u32, usize) -> String) {
    for (k, a) in side.arts.iter_mut().enumerate() {
        if !a.suffix {
            a.heading = form(a.number, k);
        }
    }
}

/// Puts the first line of each body on the heading's line, after `sep`.
fn body_on_heading_line(side: &mut Side, sep: &str) {
    for a in &mut side.arts {
        let body = a.body.trim_start_matches(['\n', '\r', ' ']);
        let strip = a.body.len() - body.len();
        a.heading = format!("{}{sep}", a.heading.trim_end());
        a.items = a
            .items
            .iter()
            .filter(|r| r.start >= strip)
            .map(|r| r.start - strip..r.end - strip)
            .collect();
        a.body = body.to_string();
    }
}

/// Division headings (`title`) before the articles at the positions given.
fn divisions(side: &mut Side, every: usize, title: impl Fn(usize) -> String) {
    for (k, a) in side.arts.iter_mut().enumerate() {
        if k % every == 0 {
            a.heading = format!("{}\n{}", title(k / every + 1), a.heading);
        }
    }
}

/// Arabic heading forms with extraction debris, in the Maghreb convention.
fn maghreb_form(n: u32, k: usize) -> String {
    match k % 8 {
        0 => format!("الفصل {n}"),
        1 => format!("- الفصل {n}"),
        2 => format!("الفصل {n} -"),
        3 => format!("* الفصل {n} *"),
        4 => format!("{n} الفصل"),
        5 => format!(".{n} الفصل"),
        6 => format!("\u{200f}الفصل {n}."),
        _ => format!("  • الفصل {n} :"),
    }
}

const AR_DIVISIONS: [&str; 4] = ["الأول", "الثاني", "الثالث", "الرابع"];

fn maghreb_divisions(k: usize) -> String {
    let word = AR_DIVISIONS[(k - 1) % 4];
    if k % 2 == 1 {
        format!("الباب {word}\nأحكام عامة")
    } else {
        format!("القسم {word}\nفي التنظيم")
    }
}

/// English number words with inconsistent capitals and hyphens.
fn english_form(n: u32, k: usize) -> String {
    let w = english_words(n);
    match k % 6 {
        0 => format!("Article {w}"),
        1 => format!("ARTICLE {}", w.to_uppercase()),
        2 => format!("Article {}", w.to_lowercase().replace('-', " ")),
        3 => format!("Article {n}:"),
        4 => format!("  . Article {n}"),
        _ => format!("- Article {} -", w.replace("Hundred", "hundred and")),
    }
}

/// Arabic heading forms with stray punctuation, spaces and bidi marks.
fn arabic_debris_form(n: u32, k: usize) -> String {
    match k % 6 {
        0 => format!("- مادة ({n})"),
        1 => format!("مادة ({n}) *"),
        2 => format!("\u{200f}المادة {n}:"),
        3 => format!(" : المادة {n}"),
        4 => format!("• المادة {}", arabic_ordinal(n)),
        _ => format!("*المادة ({n})*"),
    }
}

struct Case {
    name: &'static str,
    make: fn(&mut Side, &mut Side),
}

/// An article of a law put before the seed's: `k` links it across sides.
fn extra(heading: String, number: u32, body: &str, k: usize) -> Art {
    Art {
        heading,
        number,
        suffix: false,
        body: body.to_string(),
        items: vec![],
        orig: vec![1000 + k],
    }
}

/// Words that must not be in any article's body: the material after a
/// law, the closing of an issuing law, site chrome.
const NOT_BODY: [&str; 9] = [
    "[1] عدلت",
    "وقع في طرابلس",
    "Articles 1 - 6",
    "Last updated",
    "Issued in the Amiri Diwan",
    "صدر في الديوان",
    "Official Gazette - Issue",
    "الجريدة الرسمية - العدد",
    "Emir of the State",
];

/// Lines that must not be an article's body or title, whole.
const NOT_BODY_LINES: [&str; 3] = ["توقيع", "Share", "أمير دولة قطر"];

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "English number words, capitals, hyphens, debris",
            make: |_, e| headings(e, english_form),
        },
        Case {
            name: "Arabic headings with extraction debris",
            make: |a, _| headings(a, arabic_debris_form),
        },
        Case {
            name: "heading and body on one line (colon, dash)",
            make: |a, e| {
                headings(a, |n, _| format!("المادة {n} -"));
                body_on_heading_line(a, " ");
                headings(e, |n, _| format!("Article {n}:"));
                body_on_heading_line(e, " ");
            },
        },
        Case {
            name: "heading repeated where a chapter starts",
            make: |a, e| {
                for (k, x) in a.arts.iter_mut().enumerate() {
                    if k % 5 == 2 {
                        let h = x.heading.clone();
                        x.heading = format!("{h}\nالفصل {}\nأحكام عامة\n{h}", AR_DIVISIONS[k % 4]);
                    }
                }
                for (k, x) in e.arts.iter_mut().enumerate() {
                    if k % 7 == 3 {
                        let h = x.heading.clone();
                        x.heading = format!("{h}\nChapter {}\nGeneral Provisions\n{h}", k / 7 + 1);
                    }
                }
            },
        },
        Case {
            name: "heading glued to a chapter title",
            make: |_, e| {
                for (k, x) in e.arts.iter_mut().enumerate() {
                    if k % 6 == 4 {
                        x.heading = format!(
                            "Chapter {}\nThe National Committee (NC) {}",
                            english_words(k as u32 / 6 + 1),
                            x.heading.trim()
                        );
                    }
                }
            },
        },
        Case {
            name: "cross-reference at a line's end where the next article is missing",
            make: |a, e| {
                for k in [4, 12] {
                    let n = e.arts[k].number + 1;
                    let body = e.arts[k].body.trim_end().to_string();
                    e.arts[k].body = format!(
                        "{body}\nThe Authority shall act in accordance with Article ({n})\nof this Decree and the regulations issued under it.\n"
                    );
                    let body = a.arts[k].body.trim_end().to_string();
                    a.arts[k].body = format!(
                        "{body}\nوتعمل الهيئة وفقا لأحكام المادة ({n})\nمن هذا القرار واللوائح الصادرة بمقتضاه.\n"
                    );
                }
                e.delete(&[5, 13]);
                a.delete(&[13]);
            },
        },
        Case {
            name: "Arabic مكرر after a dash, with its note",
            make: |a, _| {
                let n = a.arts[6].number;
                a.insert(
                    7,
                    &format!("المادة {n} - مكرر (اضيفت بموجب: قانون 11 / 2020)"),
                    n,
                    "\nتنشأ لجنة دائمة للتنسيق والمتابعة تتولى إعداد تقرير سنوي يعرض على الجهة المختصة.\n",
                );
            },
        },
        Case {
            name: "Markdown with YAML front matter",
            make: |a, e| {
                a.prefix = format!("---\ntitle: \"قرار\"\nlang: ar\n---\n\n{}", a.prefix);
                headings(a, |n, _| format!("## المادة {n}"));
                e.prefix = format!("---\ntitle: Decision\nlang: en\n---\n\n{}", e.prefix);
                headings(e, |n, _| format!("## Article {n}"));
            },
        },
        Case {
            name: "site chrome: Share lines, page numbers, running heads",
            make: |a, e| {
                for (k, x) in e.arts.iter_mut().enumerate() {
                    x.heading = format!("{}\nShare", x.heading.trim_end());
                    if k % 4 == 1 {
                        x.body = format!("{}\n- {} -\n", x.body.trim_end(), k + 1);
                    }
                    if !x.body.ends_with('\n') {
                        x.body.push('\n');
                    }
                    if k % 5 == 2 {
                        x.body.push_str(&format!(
                            "Official Gazette - Issue {} - {} January 2014\n",
                            k % 3 + 1,
                            k + 3
                        ));
                    }
                }
                for (k, x) in a.arts.iter_mut().enumerate() {
                    if k % 6 == 3 {
                        if !x.body.ends_with('\n') {
                            x.body.push('\n');
                        }
                        x.body.push_str(&format!(
                            "الجريدة الرسمية - العدد {} في {} يناير سنة 2014\n",
                            k % 3 + 1,
                            k + 2
                        ));
                    }
                }
            },
        },
        Case {
            name: "after the law: signatures, footnotes, contents, web footer",
            make: |a, e| {
                a.suffix = format!(
                    "{}\nوقع في طرابلس في هذا اليوم الثامن عشر من شهر يوليو سنة 1971م. الموافق لهذا اليوم الخامس والعشرين من شهر جماد الأول سنة 1391 هـ.\nتوقيع\nعلي محمد الهادي\nأمين اللجنة\n[1] عدلت المادة 3 بموجب القانون رقم 4 لسنة 1990 الصادر في 1/2/1990 وكان نصها قبل التعديل يقضي بغير ذلك.\n[2] أضيفت الفقرة الثانية بموجب القانون رقم 7 لسنة 1995.\n",
                    a.suffix
                );
                e.suffix = format!(
                    "{}\nCONTENTS\nChapter One - General Provisions (Articles 1 - 6)\nChapter Two - The Authority (Articles 7 - 20)\nLast updated on 25 April 2025\n",
                    e.suffix
                );
            },
        },
        Case {
            name: "two laws in one file: issuing law closed, numbering restarts",
            make: |a, e| {
                let ar_bodies = [
                    "\nيعمل بأحكام القانون المرفق.\n",
                    "\nيصدر مجلس الوزراء اللائحة التنفيذية للقانون المرفق.\n",
                    "\nعلى جميع الجهات المختصة، كل فيما يخصه، تنفيذ هذا القانون، ويعمل به من اليوم التالي لتاريخ نشره في الجريدة الرسمية.\nتميم بن حمد آل ثاني\nأمير دولة قطر\nصدر في الديوان الأميري بتاريخ: 12/01/1441 هـ\nالموافق: 11/09/2019 م\nقانون التنظيم\n",
                ];
                let en_bodies = [
                    "\nThe provisions of the attached Law shall be implemented.\n",
                    "\nThe Council of Ministers shall issue the Executive Regulation of the attached Law.\n",
                    "\nAll competent authorities, each within its jurisdiction, shall implement this Law, and it shall come into force as of the day following its publication in the Official Gazette.\nTamim Bin Hamad Al-Thani\nEmir of the State of Qatar\nIssued in the Amiri Diwan on: 12/01/1441 (A.H.)\nCorresponding to: 11/09/2019 (A.D.)\nThe Organisation Law\n",
                ];
                for k in (0..3).rev() {
                    let n = k as u32 + 1;
                    a.arts
                        .insert(0, extra(format!("المادة {n}"), n, ar_bodies[k], k));
                    e.arts
                        .insert(0, extra(format!("Article ({n})"), n, en_bodies[k], k));
                }
            },
        },
        Case {
            name: "Maghreb: الفصل N under الباب/القسم, debris; English Chapter One:",
            make: |a, e| {
                headings(a, maghreb_form);
                divisions(a, 7, maghreb_divisions);
                headings(e, |n, _| format!("Chapter {}:", english_words(n)));
                divisions(e, 7, |k| format!("Part {}", english_words(k as u32)));
            },
        },
        Case {
            name: "Maghreb: الفصل N with debris; English Article N",
            make: |a, _| {
                headings(a, |n, k| maghreb_form(n, k * 3 + 1));
                divisions(a, 9, maghreb_divisions);
            },
        },
        Case {
            name: "Maghreb: one heading in three with a leading dash",
            make: |a, e| {
                headings(a, |n, k| {
                    if k % 3 == 0 {
                        format!("- الفصل {n}")
                    } else {
                        format!("الفصل {n}")
                    }
                });
                headings(e, |n, _| format!("Chapter {}:", english_words(n)));
            },
        },
    ]
}

struct Row {
    name: &'static str,
    seed: &'static str,
    made: (usize, usize),
    parsed: (usize, usize),
    f1: f64,
    lone: usize,
    flagged: usize,
}

fn run() -> Vec<Row> {
    let aligner = Aligner::default();
    let mut rows = Vec::new();
    for s in ["001", "003"] {
        let (ar0, en0) = split(&seed(s));
        for case in cases() {
            let (mut ar, mut en) = (ar0.clone(), en0.clone());
            (case.make)(&mut ar, &mut en);
            let (at, et) = (ar.render(), en.render());
            let pt = aligner
                .align(&et, &at)
                .unwrap_or_else(|e| panic!("{s} {}: {e}", case.name));
            let g = gold(&ar, &en);
            let pred = predicted(&pt);
            let (mut lone, mut flagged) = (0, 0);
            for (i, _) in ar.arts.iter().enumerate() {
                if !g.iter().any(|l| l.0 == i) {
                    lone += 1;
                    flagged += usize::from(pt.pairs().iter().any(|p| {
                        p.english.is_empty()
                            && p.arabic.iter().any(|r| r.index == i)
                            && p.has_flag(Flag::OnlyArabic)
                    }));
                }
            }
            let bodies = |d: &lexalign::Document| {
                d.articles
                    .iter()
                    .flat_map(|x| {
                        x.paragraphs
                            .iter()
                            .map(|p| p.text.as_str())
                            .chain(x.items.iter().map(|i| i.text.as_str()))
                    })
                    .chain(d.articles.iter().filter_map(|x| x.title.as_deref()))
                    .filter(|t| {
                        NOT_BODY.iter().any(|w| t.contains(w)) || NOT_BODY_LINES.contains(&t.trim())
                    })
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let mut stray = bodies(pt.arabic());
            stray.extend(bodies(pt.english()));
            assert!(
                stray.is_empty(),
                "{s} {}: material around the law read as body: {stray:?}",
                case.name
            );
            let row = Row {
                name: case.name,
                seed: s,
                made: (ar.arts.len(), en.arts.len()),
                parsed: (pt.arabic().articles.len(), pt.english().articles.len()),
                f1: f1(&pred, &g),
                lone,
                flagged,
            };
            if row.f1 < 1.0 || row.made != row.parsed {
                eprintln!("{s} {}: F1 {:.3}", case.name, row.f1);
                eprintln!("  missing: {:?}", g.difference(&pred).collect::<Vec<_>>());
                eprintln!("  extra:   {:?}", pred.difference(&g).collect::<Vec<_>>());
                if std::env::var_os("LEXALIGN_DEBUG").is_some() {
                    let labels = |d: &lexalign::Document| {
                        d.articles
                            .iter()
                            .map(|a| a.label.as_ref().map_or("-".into(), |l| l.to_string()))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    eprintln!("  ar: {}", labels(pt.arabic()));
                    eprintln!("  en: {}", labels(pt.english()));
                }
            }
            rows.push(row);
        }
    }
    rows
}

#[test]
fn conventions() {
    let rows = run();
    println!();
    println!("| Convention | Seed | Articles ar/en | Parsed ar/en | Pair F1 | One-sided flagged |");
    println!("|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {}/{} | {}/{} | {:.3} | {}/{} |",
            r.name, r.seed, r.made.0, r.made.1, r.parsed.0, r.parsed.1, r.f1, r.flagged, r.lone
        );
    }
    for r in &rows {
        assert_eq!(
            r.made, r.parsed,
            "{} {}: the parser did not find the articles made",
            r.seed, r.name
        );
        let floor = if r.name.starts_with("Maghreb") {
            0.99
        } else {
            1.0
        };
        assert!(r.f1 >= floor, "{} {}: pair F1 {:.3}", r.seed, r.name, r.f1);
        assert_eq!(
            r.flagged, r.lone,
            "{} {}: one-sided not flagged",
            r.seed, r.name
        );
    }
}

/// The labels of the articles of one text.
fn labels_of(text: &str) -> Vec<String> {
    lexalign::parse_document(text)
        .expect("parses")
        .articles
        .iter()
        .map(|a| a.label.as_ref().map_or("-".into(), |l| l.to_string()))
        .collect()
}

/// The Maghreb convention is decided from the sequence even when some
/// headings are missed (here one in four is broken beyond recognition):
/// the others are still the articles.
#[test]
fn maghreb_with_missed_headings() {
    let mut text = String::from("قانون عدد 12 لسنة 2020\nالباب الأول\nأحكام عامة\n");
    let mut want = Vec::new();
    for n in 1..=24u32 {
        if n % 4 == 3 {
            text.push_str(&format!("الـفـ ـصـل {n}\n"));
        } else {
            text.push_str(&format!("الفصل {n} -\n"));
            want.push(n.to_string());
        }
        text.push_str("تضبط الهيئة قواعد سيرها بقرار من رئيسها وتنشر في الرائد الرسمي.\n");
        if n == 12 {
            text.push_str("القسم الثاني\nفي التنظيم\n");
        }
    }
    assert_eq!(labels_of(&text), want);
}

/// Chapters over articles (`الفصل الأول` … with `مادة` headings) stay
/// chapters: the articles' sequence is the longer.
#[test]
fn mashreq_chapters_stay_chapters() {
    let mut text = String::from("قانون رقم 5 لسنة 2020\n");
    let words = ["الأول", "الثاني", "الثالث", "الرابع"];
    let mut n = 0;
    for (c, w) in words.iter().enumerate() {
        text.push_str(&format!("الفصل {w}\nأحكام الفصل {}\n", c + 1));
        for _ in 0..3 {
            n += 1;
            text.push_str(&format!(
                "مادة ({n})\nتضبط الهيئة قواعد سيرها بقرار من رئيسها.\n"
            ));
        }
    }
    let want: Vec<String> = (1..=12).map(|k: u32| k.to_string()).collect();
    assert_eq!(labels_of(&text), want);
    let d = lexalign::parse_document(&text).unwrap();
    assert_eq!(d.divisions.len(), 4);
}
