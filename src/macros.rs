//! The crate's one macro: `From` for an enum whose variants each hold one value of another
//! type, so that `?` and `.into()` wrap that value in its variant.

/// `from_variants!(Enum { Variant(Type), … })` implements `From<Type> for Enum` as
/// `Enum::Variant(value)` for each pair listed.
macro_rules! from_variants {
    ($name:ident { $($variant:ident($ty:ty)),+ $(,)? }) => {
        $(
            impl From<$ty> for $name {
                fn from(value: $ty) -> $name {
                    $name::$variant(value)
                }
            }
        )+
    };
}
