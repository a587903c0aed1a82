//! How a table of phrases is written: one entry per phrase with its English and its Chinese side
//! by side, so that a phrase one language lacks does not compile, and how the values a phrase
//! quotes are written in each language.

use std::fmt;

/// Writes the methods of a table of phrases, one per entry. A table is a `Copy` struct whose field
/// `0` is its [`Lang`](crate::i18n::Lang); each method matches on it, so a language added to
/// `Lang` is refused until every phrase has its wording. An entry is a phrase's name, the English
/// wording, `/`, and the Simplified Chinese one:
///
/// - `name = "English" / "中文";` a fixed phrase: `fn name(self) -> &'static str`;
/// - `name() = "English" / "中文";` the same as an owned `String` (the message tables' form, whose
///   every phrase is a `String` like the phrases that quote values);
/// - `name(a: &str, n: usize) = "… {a} …" / "… {n} …";` a phrase that quotes values: each side
///   is a `format!` string naming the arguments, and the method returns `String`. `{a}` writes a
///   value as it is; `{a:#}` writes it the Chinese way (see [`Arg`]);
/// - `name = ["longest", "short"] / ["最长", "短"];` a phrase with several wordings, longest first
///   (the figure draws the first that fits): `-> &'static [&'static str]`;
/// - `name(a: &str) = ["… {a} …", "{a}"] / ["… {a} …"];` the same quoting values: `-> Vec<String>`.
///
/// Phrases that need more than a format string (a list joined the language's way, a lookup) are
/// ordinary methods of the same struct, each a `match` on the language.
///
/// The macro reads its entries one by one, so a block holds at most about a hundred and twenty
/// (the compiler's recursion limit); a longer table is written as several blocks, each in the
/// file of its theme.
///
/// Under `cfg(test)` the macro also writes, beside the `impl`, `fn phrases(lang)`: every phrase of
/// the block, named, each wording written with sample arguments, for the tests that compare the
/// languages.
macro_rules! phrases {
    (impl $table:ident { $($entries:tt)* }) => {
        impl $table {
            $crate::i18n::table::phrases!(@methods $($entries)*);
        }

        /// Every phrase of this block in `lang`, named, with sample arguments.
        #[cfg(test)]
        pub(crate) fn phrases(lang: $crate::i18n::Lang) -> Vec<(&'static str, Vec<String>)> {
            let table = $table(lang);
            $crate::i18n::table::phrases!(@list table [] $($entries)*)
        }
    };

    (@methods) => {};
    (@methods $(#[$m:meta])* $name:ident = [$($en:literal),+ $(,)?] / [$($zh:literal),+ $(,)?];
     $($rest:tt)*) => {
        $(#[$m])*
        pub fn $name(self) -> &'static [&'static str] {
            match self.0 {
                $crate::i18n::Lang::En => &[$($en),+],
                $crate::i18n::Lang::ZhCn => &[$($zh),+],
            }
        }
        $crate::i18n::table::phrases!(@methods $($rest)*);
    };
    (@methods $(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),+)
     = [$($en:literal),+ $(,)?] / [$($zh:literal),+ $(,)?]; $($rest:tt)*) => {
        $(#[$m])*
        pub fn $name(self, $($arg: $ty),+) -> Vec<String> {
            $(let $arg = $crate::i18n::table::Arg($arg);)+
            match self.0 {
                $crate::i18n::Lang::En => vec![$(format!($en)),+],
                $crate::i18n::Lang::ZhCn => vec![$(format!($zh)),+],
            }
        }
        $crate::i18n::table::phrases!(@methods $($rest)*);
    };
    (@methods $(#[$m:meta])* $name:ident = $en:literal / $zh:literal; $($rest:tt)*) => {
        $(#[$m])*
        pub fn $name(self) -> &'static str {
            match self.0 {
                $crate::i18n::Lang::En => $en,
                $crate::i18n::Lang::ZhCn => $zh,
            }
        }
        $crate::i18n::table::phrases!(@methods $($rest)*);
    };
    (@methods $(#[$m:meta])* $name:ident() = $en:literal / $zh:literal; $($rest:tt)*) => {
        $(#[$m])*
        pub fn $name(self) -> String {
            String::from(match self.0 {
                $crate::i18n::Lang::En => $en,
                $crate::i18n::Lang::ZhCn => $zh,
            })
        }
        $crate::i18n::table::phrases!(@methods $($rest)*);
    };
    (@methods $(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),+) = $en:literal / $zh:literal;
     $($rest:tt)*) => {
        $(#[$m])*
        pub fn $name(self, $($arg: $ty),+) -> String {
            $(let $arg = $crate::i18n::table::Arg($arg);)+
            match self.0 {
                $crate::i18n::Lang::En => format!($en),
                $crate::i18n::Lang::ZhCn => format!($zh),
            }
        }
        $crate::i18n::table::phrases!(@methods $($rest)*);
    };

    (@list $t:ident [$($done:expr),*]) => {
        vec![$($done),*]
    };
    (@list $t:ident [$($done:expr),*] $(#[$m:meta])* $name:ident = [$($en:literal),+ $(,)?]
     / [$($zh:literal),+ $(,)?]; $($rest:tt)*) => {
        $crate::i18n::table::phrases!(@list $t [$($done,)* (
            stringify!($name),
            $t.$name().iter().map(|s| s.to_string()).collect(),
        )] $($rest)*)
    };
    (@list $t:ident [$($done:expr),*] $(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),+)
     = [$($en:literal),+ $(,)?] / [$($zh:literal),+ $(,)?]; $($rest:tt)*) => {
        $crate::i18n::table::phrases!(@list $t [$($done,)* (
            stringify!($name),
            $t.$name($($crate::i18n::table::sample::<$ty>()),+),
        )] $($rest)*)
    };
    (@list $t:ident [$($done:expr),*] $(#[$m:meta])* $name:ident $(())? = $en:literal / $zh:literal;
     $($rest:tt)*) => {
        $crate::i18n::table::phrases!(@list $t [$($done,)* (
            stringify!($name),
            vec![$t.$name().to_string()],
        )] $($rest)*)
    };
    (@list $t:ident [$($done:expr),*] $(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),+)
     = $en:literal / $zh:literal; $($rest:tt)*) => {
        $crate::i18n::table::phrases!(@list $t [$($done,)* (
            stringify!($name),
            vec![$t.$name($($crate::i18n::table::sample::<$ty>()),+)],
        )] $($rest)*)
    };
}

pub(crate) use phrases;

/// A value a phrase quotes. `{value}` writes it as it is (a list of names joined by ", "), and
/// `{value:#}` as a Chinese sentence takes it: a name followed by a space when it ends in a
/// Latin or Greek letter or a digit, since the Chinese words that follow it are set apart from a
/// formula (the phrases put `{value:#}` only before Chinese words); a list of names each in “”,
/// joined by 、, so that a reader sees they are typed as they stand.
pub(crate) struct Arg<T>(pub(crate) T);

/// A value that [`Arg`] can write both ways.
pub(crate) trait Quoted {
    fn write(&self, f: &mut fmt::Formatter<'_>, chinese: bool) -> fmt::Result;
}

impl<T: Quoted> fmt::Display for Arg<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, f.alternate())
    }
}

impl Quoted for &str {
    fn write(&self, f: &mut fmt::Formatter<'_>, chinese: bool) -> fmt::Result {
        f.write_str(self)?;
        match self.chars().last() {
            Some(c) if chinese && !is_cjk(c) => f.write_str(" "),
            _ => Ok(()),
        }
    }
}

impl Quoted for &[&str] {
    fn write(&self, f: &mut fmt::Formatter<'_>, chinese: bool) -> fmt::Result {
        for (i, name) in self.iter().enumerate() {
            match (chinese, i) {
                (false, 0) => write!(f, "{name}")?,
                (false, _) => write!(f, ", {name}")?,
                (true, 0) => write!(f, "“{name}”")?,
                (true, _) => write!(f, "、“{name}”")?,
            }
        }
        Ok(())
    }
}

impl Quoted for usize {
    fn write(&self, f: &mut fmt::Formatter<'_>, _: bool) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl Quoted for u64 {
    fn write(&self, f: &mut fmt::Formatter<'_>, _: bool) -> fmt::Result {
        write!(f, "{self}")
    }
}

/// Whether `c` is a Chinese character or full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// A value to quote in a phrase under test: a number that reads alike in both languages.
#[cfg(test)]
pub(crate) trait Sample {
    fn sample() -> Self;
}

#[cfg(test)]
impl Sample for &str {
    fn sample() -> Self {
        "7"
    }
}

#[cfg(test)]
impl Sample for &[&str] {
    fn sample() -> Self {
        &["SF", "ST"]
    }
}

#[cfg(test)]
impl Sample for usize {
    fn sample() -> Self {
        7
    }
}

#[cfg(test)]
impl Sample for u64 {
    fn sample() -> Self {
        7
    }
}

/// The sample value of `T`.
#[cfg(test)]
pub(crate) fn sample<T: Sample>() -> T {
    T::sample()
}
