//! Pathological document pairs, built to make the aligner do as much work
//! as it can: shared by the work-bound tests (`tests/bounded.rs`) and the
//! `pathological` bench group (`benches/align.rs`).
//!
//! Every builder returns an Arabic and an English text. They are
//! deterministic (no randomness), so a test failure can be rerun.

/// A short Arabic article body (a sentence of ordinary law text).
const SHORT_ARABIC: &str = "يعمل بهذا القانون من تاريخ نشره في الجريدة الرسمية.";

/// `n` short Arabic articles, all numbered 1, against `m` English
/// articles that are headings only, numbered 1 to `m` (the shape of issue
/// 10: the labels give no guide, no content pairs anything, and every path
/// of one-sided articles ties, touching the band's edge however wide).
pub fn headings_only(n: usize, m: usize) -> (String, String) {
    let mut ar = String::with_capacity(n * 120);
    for _ in 0..n {
        ar.push_str(&format!("مادة 1\n{SHORT_ARABIC}\n"));
    }
    let mut en = String::with_capacity(m * 16);
    for k in 1..=m {
        en.push_str(&format!("Article {k}\n"));
    }
    (ar, en)
}

/// Every line a heading: `n` Arabic headings in order against `n` English
/// headings whose numbers are scrambled (a fixed permutation), so that no
/// label offset holds for long.
pub fn every_line_a_heading(n: usize) -> (String, String) {
    let mut ar = String::with_capacity(n * 16);
    let mut en = String::with_capacity(n * 16);
    for k in 1..=n {
        ar.push_str(&format!("مادة {k}\n"));
        en.push_str(&format!("Article {}\n", scrambled(k, n)));
    }
    (ar, en)
}

/// One huge line on each side: `n` articles run together on a single line
/// (`**Article k** text`), the Arabic with one sentence per article and the
/// English with a long paragraph per article.
pub fn one_huge_line(n: usize) -> (String, String) {
    let mut ar = String::with_capacity(n * 120);
    let mut en = String::with_capacity(n * 400);
    for k in 1..=n {
        ar.push_str(&format!("**مادة ({k})** {SHORT_ARABIC} "));
        en.push_str(&format!("**Article ({k})** "));
        for _ in 0..6 {
            en.push_str("The committee shall publish its decisions in the Official Gazette. ");
        }
    }
    ar.push('\n');
    en.push('\n');
    (ar, en)
}

/// Mostly digits: `n` Arabic and `n` English articles whose bodies are
/// long runs of numbers, a few of them shared with the article of the same
/// number on the other side and the rest different on each side.
pub fn mostly_digits(n: usize) -> (String, String) {
    let mut ar = String::with_capacity(n * 300);
    let mut en = String::with_capacity(n * 300);
    for k in 1..=n {
        ar.push_str(&format!("مادة ({k})\n"));
        en.push_str(&format!("Article ({k})\n"));
        for x in 0..40 {
            // Shared: every fifth number; the others differ by side.
            let shared = x % 5 == 0;
            let a = (k * 7919 + x * 104_729) % 1_000_003;
            let e = if shared { a } else { (a * 31 + 17) % 1_000_033 };
            ar.push_str(&format!("{a} "));
            en.push_str(&format!("{e}, "));
        }
        ar.push('\n');
        en.push('\n');
    }
    (ar, en)
}

/// One Arabic article whose body is a single line of `numbers` numbers,
/// against `m` short English articles with two numbers each: every cell of
/// the Arabic article's row compares a huge list of numbers with a tiny
/// one.
pub fn huge_line_of_digits(numbers: usize, m: usize) -> (String, String) {
    let mut ar = String::from("مادة 1\n");
    for x in 0..numbers {
        ar.push_str(&format!("{} ", x * 7_919 % 1_000_003));
    }
    ar.push('\n');
    let mut en = String::with_capacity(m * 32);
    for j in 1..=m {
        en.push_str(&format!(
            "Article {j}\n{} {}\n",
            j * 3,
            j * 7_919 % 1_000_003
        ));
    }
    (ar, en)
}

/// A fixed permutation of `1..=n`: `k` times a large prime, modulo `n`
/// (a prime not dividing `n` gives each number once).
fn scrambled(k: usize, n: usize) -> usize {
    let prime = if n % 7_919 == 0 { 7_927 } else { 7_919 };
    (k - 1) * prime % n + 1
}
