//! The explorer's two languages, English and Simplified Chinese: which one is chosen, and the
//! tables of words each layer writes in it.
//!
//! Every table is a struct holding its language, with one method per phrase whose wordings stand
//! side by side in one entry (`table::phrases!`), so the compiler refuses a phrase that one
//! language lacks. A leaf module like `format`: it depends on nothing else in the crate, and
//! `model`, `render` and `api` take their words from it.

mod table;

pub mod figures;
pub mod messages;

/// A language of the page and of everything Rust draws or reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Lang {
    /// Every language, in the order the page offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The language a BCP 47 tag names: `en` and any `en-…`; `zh`, `zh-CN`, `zh-Hans` and
    /// `zh-SG` (Simplified Chinese). Case does not matter. `None` for any other tag, including
    /// `zh-TW` and `zh-Hant` (Traditional Chinese, which the explorer does not have).
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next()?;
        if primary.eq_ignore_ascii_case("en") {
            return Some(Lang::En);
        }
        if !primary.eq_ignore_ascii_case("zh") {
            return None;
        }
        match parts.next() {
            None => Some(Lang::ZhCn),
            Some(sub)
                if ["cn", "hans", "sg"]
                    .iter()
                    .any(|s| sub.eq_ignore_ascii_case(s)) =>
            {
                Some(Lang::ZhCn)
            }
            Some(_) => None,
        }
    }

    /// The tag the page writes in `<html lang>` and in a link's `lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn tags_round_trip_and_variants_parse() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("ZH-hans"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-TW"), None);
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
