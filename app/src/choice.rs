//! `choice!`: an enum of fixed choices (a category, a mode, a status) with the short English word
//! each is stored as in the database and sent as in forms and URLs, the list of all of them in
//! the order forms show them, and its place in that list (where its label sits in the texts).

#[macro_export]
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $value:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every choice, in the order forms and filters list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the database and used in forms and URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }

            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.as_str() == value)
            }

            /// Its place in `ALL`, which is also its label's place in the texts.
            pub fn index(self) -> usize {
                Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
            }
        }
    };
}
